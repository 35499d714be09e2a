// grade(question, response, facts): is the answer right, and what should the learner read now.
import { fillQuestion, resolveFacts } from './facts.js';
import { gradeMultiple, gradeSingle } from './grade-choice.js';
import { gradeBug } from './grade-bug.js';
import { gradeMatch } from './grade-match.js';
import { gradeOrder } from './grade-order.js';
import { gradeTyped } from './grade-typed.js';
import type { Graded } from './graded.js';
import type { Facts, Grade, Question, Response, ResponseOf } from './model.js';
import { revealAnswer } from './reveal.js';

/** The question with its facts filled in; throws when it lacks facts (see missingFacts). */
export function readyQuestion<Q extends Question>(question: Q, facts: Facts): Q {
  const resolved = resolveFacts(question, facts);
  if (!resolved.ok) {
    throw new Error(`question "${question.id}" needs facts that are missing: ${resolved.missing.join(', ')}`);
  }
  return fillQuestion(question, resolved.facts);
}

function gradeFilled(question: Question, response: Response): Graded {
  // The caller has checked that the kinds agree.
  switch (question.kind) {
    case 'single':
      return gradeSingle(question, response as ResponseOf<'single'>);
    case 'multiple':
      return gradeMultiple(question, response as ResponseOf<'multiple'>);
    case 'typed':
      return gradeTyped(question, response as ResponseOf<'typed'>);
    case 'order':
      return gradeOrder(question, response as ResponseOf<'order'>);
    case 'match':
      return gradeMatch(question, response as ResponseOf<'match'>);
    case 'bug':
      return gradeBug(question, response as ResponseOf<'bug'>);
  }
}

function withExplain(graded: Graded, question: Question): Grade {
  const { lines, ...rest } = graded;
  return { ...rest, feedback: question.explain ? [...lines, question.explain] : [...lines] };
}

/**
 * Grades one answer. Placeholders are filled from facts (or the question's fallback); a question
 * that lacks facts, or an answer of another kind than the question, is a programming error and throws.
 */
export function grade(question: Question, response: Response, facts: Facts = {}): Grade {
  if (response.kind !== question.kind) {
    throw new Error(`a "${response.kind}" answer cannot answer the ${question.kind} question "${question.id}"`);
  }
  const filled = readyQuestion(question, facts);
  return withExplain(gradeFilled(filled, response), filled);
}

/** The learner asked to see the answer: it counts as a miss, and shows the answer and explanation. */
export function giveUp(question: Question, facts: Facts = {}): Grade {
  const filled = readyQuestion(question, facts);
  return withExplain({ correct: false, score: 0, parts: [], lines: revealAnswer(filled) }, filled);
}
