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

export interface NextContext {
  /** Questions of the course the learner has never answered (a review's pool). */
  readonly unseen?: number;
  /** The learner passes over deep dives. */
  readonly deepDivesOff?: boolean;
  /** This was a review round: another round can be taken with r. */
  readonly review?: boolean;
}

/** What to do after a quiz, most useful first, in sentences for the learner. */
export function nextSteps(s: QuizSummary, context: NextContext = {}): string[] {
  const out: string[] = [];
  if (s.revisit.length > 0) {
    const weakest = s.revisit[0]!;
    const where = weakest.lessons.length ? ` (${weakest.lessons.join(', ')})` : '';
    out.push(
      `Read again what you missed, starting with ${weakest.label}${where}; then take ${context.review ? 'another round (r): it asks first what you missed' : 'the quiz again (r)'}.`,
    );
  } else if (context.review && (context.unseen ?? 0) > 0) {
    const n = context.unseen!;
    out.push(`Take another round (r): ${n} question${n === 1 ? '' : 's'} of the course ${n === 1 ? 'is' : 'are'} still new to you.`);
  } else if (context.review) {
    out.push('Come back for another round in a day or two: it asks first what you have not answered for a while.');
  } else {
    out.push('Go on to the next step; the review quiz at the end brings these questions back.');
  }
  if (context.deepDivesOff) out.push('For more depth, take the deep dives: press d, and moving on no longer passes over them.');
  return out;
}
