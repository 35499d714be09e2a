// The compact result that progress keeps for a quiz, and the rule for keeping the best one.
import { isConcept, type Concept } from './concepts.js';

export interface QuizResult {
  /** 0 to 1: the average credit over the quiz's questions. */
  readonly score: number;
  /** Questions answered right at the first try. */
  readonly firstTry: number;
  /** Questions in the quiz (skipped ones not counted). */
  readonly total: number;
  /** Mastery per concept, 0 to 1. */
  readonly concepts: Readonly<Partial<Record<Concept, number>>>;
}

/**
 * The better of two results, whole (results are never mixed, so the numbers stay those of one
 * attempt): the higher score, then more right at the first try; on a tie the earlier one stays.
 */
export function bestResult(previous: QuizResult | null | undefined, current: QuizResult): QuizResult {
  if (!previous) return current;
  if (current.score !== previous.score) return current.score > previous.score ? current : previous;
  return current.firstTry > previous.firstTry ? current : previous;
}

const isShare = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Checks a result read from disk; null when it is not one. */
export function parseQuizResult(data: unknown): QuizResult | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { score, firstTry, total, concepts } = data as Record<string, unknown>;
  if (!isShare(score) || !isCount(firstTry) || !isCount(total) || firstTry > total) return null;
  if (typeof concepts !== 'object' || concepts === null || Array.isArray(concepts)) return null;
  const kept: Partial<Record<Concept, number>> = {};
  for (const [concept, mastery] of Object.entries(concepts)) {
    if (!isConcept(concept) || !isShare(mastery)) return null;
    kept[concept] = mastery;
  }
  return { score, firstTry, total, concepts: kept };
}
