// Grading an `order` question: the feedback names the first item out of place and why.
import { shareOk, type Graded } from './graded.js';
import type { OrderQuestion, ResponseOf } from './model.js';
import { revealAnswer } from './reveal.js';
import { quoted } from './wording.js';

function isArrangement(order: readonly number[], n: number): boolean {
  return order.length === n && new Set(order).size === n && order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
}

export function gradeOrder(question: OrderQuestion, response: ResponseOf<'order'>): Graded {
  const { items } = question;
  const { order } = response;
  if (!isArrangement(order, items.length)) {
    return {
      correct: false,
      score: 0,
      parts: [],
      lines: [`Place each of the ${items.length} items exactly once.`, ...revealAnswer(question)],
    };
  }
  const parts = order.map((item, position) => ({ index: position, ok: item === position }));
  const first = order.findIndex((item, position) => item !== position);
  if (first === -1) return { correct: true, score: 1, parts, lines: ['Every item is in its place.'] };
  const expected = items[first]!;
  const placed = items[order[first]!]!;
  const lines = [`The first item out of place is number ${first + 1}: it should be ${quoted(expected.text)}, not ${quoted(placed.text)}.`];
  if (expected.why) lines.push(expected.why);
  return { correct: false, score: shareOk(parts), parts, lines: [...lines, ...revealAnswer(question)] };
}
