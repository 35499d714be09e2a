// The review quiz as retrieval practice: a short round drawn from every question of the course,
// the ones the learner missed or has not answered for a while first, concepts interleaved, in a
// seeded shuffle; a missed question comes back only after several others.
import type { Concept } from './concepts.js';
import { prepareQuestions } from './facts.js';
import type { History, QuestionHistory } from './history.js';
import type { Facts, Question } from './model.js';
import { seedRng, shuffledIndices, type RngState as Rng } from '../random.js';
import { startQuiz, type QuizState } from './session.js';
import { append } from '../append.js';

/** Questions in one round. */
export const ROUND_SIZE = 10;
/** Other questions asked before a missed one comes back. */
export const REVIEW_RETRY_GAP = 4;
/**
 * A question answered right comes due again after this many answers to other questions, times
 * the number of times it has been answered right: spacing grows with each success.
 */
export const SPACING = 30;

export interface ReviewOptions {
  readonly seed: number;
  readonly facts?: Facts;
  /** What the learner has answered before, in any quiz. */
  readonly history?: History;
  readonly size?: number;
  readonly retryGap?: number;
}

/**
 * How soon a question should be asked, higher first:
 * - missed at the latest answer: 3 and up (more for a question missed more often);
 * - never answered: 2;
 * - answered right at the latest answer: from 0 just after, growing with the answers given since,
 *   up to 2 once it is due (after SPACING answers per time it was right).
 */
export function priority(entry: QuestionHistory | undefined, now: number): number {
  if (!entry) return 2;
  if (!entry.lastRight) return 3 + (entry.asked - entry.right) / entry.asked;
  const age = Math.max(0, now - entry.at);
  return Math.min(2, (2 * age) / (SPACING * Math.max(1, entry.right)));
}

/**
 * Orders questions so that neighbours test different concepts wherever the questions allow:
 * each turn takes the first remaining question that shares no concept with the one before.
 */
export function interleave<Q extends { readonly concepts: readonly Concept[] }>(questions: readonly Q[]): Q[] {
  const left = [...questions];
  const out: Q[] = [];
  while (left.length > 0) {
    const previous = out.at(-1);
    const at = previous ? left.findIndex((q) => !q.concepts.some((c) => previous.concepts.includes(c))) : 0;
    append(out, left.splice(at < 0 ? 0 : at, 1));
  }
  return out;
}

export interface ReviewPlan {
  /** The round, in the order it is asked. */
  readonly round: readonly Question[];
  /** The rest, soonest first: drawn on to space out a missed question near the end of the round. */
  readonly reserve: readonly Question[];
}

/** Chooses and orders a round from the pool. Deterministic for a seed and a history. */
export function planReview(pool: readonly Question[], options: ReviewOptions): { plan: ReviewPlan; rng: Rng } {
  const history = options.history ?? { answers: 0, questions: {} };
  const size = Math.max(1, Math.trunc(options.size ?? ROUND_SIZE));
  // A seeded shuffle first, so that equal priorities are broken at random, not by course order.
  const drawn = shuffledIndices(seedRng(options.seed), pool.length);
  const shuffled = drawn.order.map((i) => pool[i]!);
  const rank = (q: Question) => priority(history.questions[q.id], history.answers);
  const ranked = shuffled
    .map((q, i) => ({ q, i, p: rank(q) }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.q);
  const chosen = ranked.slice(0, size);
  // Asked in the shuffled order, not by priority, so a round does not open with every miss.
  const round = interleave(shuffled.filter((q) => chosen.includes(q)));
  return { plan: { round, reserve: ranked.slice(size) }, rng: drawn.state };
}

/** Starts a review round: questions as planned, a longer gap before a miss comes back. */
export function startReview(pool: readonly Question[], options: ReviewOptions): QuizState {
  const facts = options.facts ?? {};
  const { ready } = prepareQuestions(pool, facts);
  const { plan } = planReview(ready, options);
  const state = startQuiz(plan.round, {
    seed: options.seed,
    facts,
    retryGap: options.retryGap ?? REVIEW_RETRY_GAP,
    shuffleQuestions: false,
  });
  return { ...state, reserve: plan.reserve };
}
