// How a question is laid out on screen this time: options shuffled, an order puzzle scrambled,
// the right-hand column of a match shuffled. Answers still use the question's own indices.
import type { Question } from './model.js';
import { scrambledIndices, shuffledIndices, type RngState as Rng } from '../random.js';

export interface PresentedQuestion {
  /** The question with its facts filled in. */
  readonly question: Question;
  /** 1 the first time the question is asked, 2 when it comes back after a miss, and so on. */
  readonly attempt: number;
  /**
   * Indices into the question, in the order to show them: the options (single, multiple), the
   * starting arrangement of the items (order; never already right), the right-hand column (match;
   * never lined up with the left). Empty for typed and bug questions.
   */
  readonly display: readonly number[];
}

export function presentQuestion(question: Question, attempt: number, rng: Rng, shuffleOptions = true): { presented: PresentedQuestion; rng: Rng } {
  const identity = (n: number) => ({ order: Array.from({ length: n }, (_, i) => i), state: rng });
  let drawn: { order: number[]; state: Rng };
  switch (question.kind) {
    case 'single':
    case 'multiple':
      drawn = shuffleOptions ? shuffledIndices(rng, question.options.length) : identity(question.options.length);
      break;
    case 'order':
      drawn = scrambledIndices(rng, question.items.length);
      break;
    case 'match':
      drawn = scrambledIndices(rng, question.pairs.length);
      break;
    case 'typed':
    case 'bug':
      drawn = identity(0);
      break;
  }
  return { presented: { question, attempt, display: drawn.order }, rng: drawn.state };
}
