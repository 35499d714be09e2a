// The right response to a question, read from its own definition: for tests, and for a UI that
// wants to show or check the answer.
import { readyQuestion } from './grade.js';
import type { Facts, Question, Response } from './model.js';
import { sampleInput } from './typed-rules.js';

export function correctResponse(question: Question, facts: Facts = {}): Response {
  const q = readyQuestion(question, facts);
  switch (q.kind) {
    case 'single':
      return { kind: 'single', choice: q.options.findIndex((o) => o.correct === true) };
    case 'multiple':
      return { kind: 'multiple', choices: q.options.flatMap((o, i) => (o.correct === true ? [i] : [])) };
    case 'typed':
      return { kind: 'typed', text: sampleInput(q.answer) };
    case 'order':
      return { kind: 'order', order: q.items.map((_, i) => i) };
    case 'match':
      return { kind: 'match', matches: q.pairs.map((_, i) => i) };
    case 'bug':
      return { kind: 'bug', line: q.line };
  }
}
