// Helpers that play a quiz: answer the current question right or wrong, from its own definition.
import { correctResponse } from '../../../src/core/quiz/answer-key.js';
import type { Question, Response } from '../../../src/core/quiz/model.js';
import { quizReducer, type QuizAction, type QuizState } from '../../../src/core/quiz/session.js';

/** A response that is wrong for any well-formed question. */
export function wrongResponse(q: Question): Response {
  switch (q.kind) {
    case 'single':
      return { kind: 'single', choice: q.options.findIndex((o) => o.correct !== true) };
    case 'multiple':
      return { kind: 'multiple', choices: [] };
    case 'typed':
      return { kind: 'typed', text: 'not an answer at all' };
    case 'order':
      return { kind: 'order', order: q.items.map((_, i) => i).reverse() };
    case 'match':
      return { kind: 'match', matches: q.pairs.map(() => null) };
    case 'bug':
      return { kind: 'bug', line: q.line === 1 ? 2 : 1 };
  }
}

export function current(state: QuizState): Question {
  const q = state.current?.presented.question;
  if (!q) throw new Error('the quiz is over');
  return q;
}

export const act = (state: QuizState, ...actions: QuizAction[]): QuizState => actions.reduce(quizReducer, state);
export const answerRight = (state: QuizState) => act(state, { type: 'answer', response: correctResponse(current(state)) });
export const answerWrong = (state: QuizState) => act(state, { type: 'answer', response: wrongResponse(current(state)) });
export const next = (state: QuizState) => act(state, { type: 'next' });
