// The end of a quiz: the score, how each concept went, and what to revisit.
import type { Concept } from './concepts.js';
import type { SkippedQuestion } from './facts.js';
import { conceptResults, credit, firstTry, type ConceptResult } from './mastery.js';
import type { QuizResult } from './result.js';
import type { QuizState } from './session.js';

export interface SummaryOptions {
  /** Concepts with mastery below this (0 to 1) are to revisit. Default 0.75. */
  readonly threshold?: number;
  /** The lessons that teach each concept, by lesson id, listed with what to revisit. */
  readonly conceptLessons?: Readonly<Partial<Record<Concept, readonly string[]>>>;
}

export interface Revisit {
  readonly concept: Concept;
  readonly label: string;
  readonly mastery: number;
  /** Lessons to go back to, from conceptLessons; empty when none were given. */
  readonly lessons: readonly string[];
}

export interface QuizSummary {
  /** Every question has been answered right. */
  readonly complete: boolean;
  /** Questions in the quiz (skipped ones not counted). */
  readonly total: number;
  /** Answered right, at any try. */
  readonly solved: number;
  /** Answered right at the first try. */
  readonly firstTry: number;
  /** 0 to 1: average credit (1 first try, 0.5 second, 0.25 later, 0 not yet). */
  readonly score: number;
  /** The score as a whole percentage. */
  readonly percent: number;
  /** Per concept tested, in the order of CONCEPTS. */
  readonly concepts: readonly ConceptResult[];
  /** Concepts below the threshold, weakest first. */
  readonly revisit: readonly Revisit[];
  /** Ids of the questions that were missed at least once (or not yet answered right). */
  readonly missed: readonly string[];
  readonly skipped: readonly SkippedQuestion[];
  /** What progress keeps; see bestResult. */
  readonly result: QuizResult;
}

/** Can be called at any time; questions not answered right yet count as 0. */
export function summary(state: QuizState, options: SummaryOptions = {}): QuizSummary {
  const threshold = options.threshold ?? 0.75;
  const { records } = state;
  const total = records.length;
  const score = total === 0 ? 0 : records.reduce((sum, r) => sum + credit(r), 0) / total;
  const concepts = conceptResults(records);
  const revisit = concepts
    .filter((c) => c.mastery < threshold)
    .sort((a, b) => a.mastery - b.mastery)
    .map((c) => ({ concept: c.concept, label: c.label, mastery: c.mastery, lessons: options.conceptLessons?.[c.concept] ?? [] }));
  const firstTries = records.filter(firstTry).length;
  return {
    complete: records.every((r) => r.solved),
    total,
    solved: records.filter((r) => r.solved).length,
    firstTry: firstTries,
    score,
    percent: Math.round(score * 100),
    concepts,
    revisit,
    missed: records.filter((r) => !firstTry(r)).map((r) => r.id),
    skipped: state.skipped,
    result: {
      score,
      firstTry: firstTries,
      total,
      concepts: Object.fromEntries(concepts.map((c) => [c.concept, c.mastery])),
    },
  };
}
