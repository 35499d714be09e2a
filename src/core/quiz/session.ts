// A quiz as a reducer: (state, action) => state. Feedback comes right after each answer; a missed
// question comes back later in the same quiz until it is answered right.
import { prepareQuestions, type SkippedQuestion } from './facts.js';
import { giveUp, grade } from './grade.js';
import type { QuestionRecord } from './mastery.js';
import type { Facts, Grade, Question, Response } from './model.js';
import { presentQuestion, type PresentedQuestion } from './present.js';
import { seedRng, shuffledIndices, type RngState as Rng } from '../random.js';

export interface QuizOptions {
  /** Every shuffle comes from this seed: the same seed and answers give the same quiz. */
  readonly seed: number;
  /** Facts about the learner's cluster for `{{name}}` placeholders. */
  readonly facts?: Facts;
  /** How many other questions come before a missed one comes back (fewer when fewer are left). Default 2. */
  readonly retryGap?: number;
  /** Ask the questions in a random order instead of as written. Default false. */
  readonly shuffleQuestions?: boolean;
  /** Show the options of single and multiple questions in a random order. Default true. */
  readonly shuffleOptions?: boolean;
}

export interface Turn {
  /** Index into state.questions. */
  readonly index: number;
  readonly presented: PresentedQuestion;
  /** Set once the learner has answered (null after giving up). */
  readonly response: Response | null;
  /** Set once the learner has answered or given up: the feedback to show. */
  readonly grade: Grade | null;
}

export interface QuizState {
  /** The questions that can be asked, facts filled in, in the order they are first asked. */
  readonly questions: readonly Question[];
  /** Questions left out because the facts they need are missing. */
  readonly skipped: readonly SkippedQuestion[];
  /** How each question went so far, parallel to `questions`. */
  readonly records: readonly QuestionRecord[];
  /** The question on screen; null when the quiz is over. */
  readonly current: Turn | null;
  /** Indices into `questions` still to ask after the current one, missed ones included. */
  readonly upcoming: readonly number[];
  /** Questions shown so far, repeats included. */
  readonly turns: number;
  readonly rng: Rng;
  readonly retryGap: number;
  readonly shuffleOptions: boolean;
  /**
   * Questions not planned, facts filled in (a review's reserve): when a missed question would come
   * back with fewer than retryGap others before it, some of these are asked first, to space it out.
   */
  readonly reserve?: readonly Question[];
}

export type QuizAction =
  /** The learner answered the current question. */
  | { readonly type: 'answer'; readonly response: Response }
  /** The learner asked to see the answer; it counts as a miss, and the question comes back. */
  | { readonly type: 'give-up' }
  /** The learner has read the feedback and moves on. */
  | { readonly type: 'next' };

export type QuizPhase = 'question' | 'feedback' | 'done';

export function quizPhase(state: QuizState): QuizPhase {
  if (!state.current) return 'done';
  return state.current.grade ? 'feedback' : 'question';
}

function ask(state: QuizState, upcoming: readonly number[]): QuizState {
  const [index, ...rest] = upcoming;
  if (index === undefined) return { ...state, current: null, upcoming: [] };
  const record = state.records[index]!;
  const { presented, rng } = presentQuestion(state.questions[index]!, record.attempts + 1, state.rng, state.shuffleOptions);
  return {
    ...state,
    current: { index, presented, response: null, grade: null },
    upcoming: rest,
    turns: state.turns + 1,
    rng,
  };
}

export function startQuiz(questions: readonly Question[], options: QuizOptions): QuizState {
  const { ready, skipped } = prepareQuestions(questions, options.facts ?? {});
  let rng = seedRng(options.seed);
  let ordered = ready;
  if (options.shuffleQuestions) {
    const drawn = shuffledIndices(rng, ready.length);
    rng = drawn.state;
    ordered = drawn.order.map((i) => ready[i]!);
  }
  const state: QuizState = {
    questions: ordered,
    skipped,
    records: ordered.map((q) => ({ id: q.id, concepts: q.concepts, attempts: 0, solved: false })),
    current: null,
    upcoming: [],
    turns: 0,
    rng,
    retryGap: Math.max(0, Math.trunc(options.retryGap ?? 2)),
    shuffleOptions: options.shuffleOptions ?? true,
  };
  return ask(
    state,
    ordered.map((_, i) => i),
  );
}

/** Adds questions from the reserve until `upcoming` has `gap` questions (or the reserve is empty). */
function spaceOut(state: QuizState, records: readonly QuestionRecord[]): Pick<QuizState, 'questions' | 'records' | 'upcoming' | 'reserve'> {
  const reserve = state.reserve ?? [];
  const extra = reserve.slice(0, Math.max(0, state.retryGap - state.upcoming.length));
  if (extra.length === 0) return { questions: state.questions, records, upcoming: state.upcoming, reserve: state.reserve };
  const first = state.questions.length;
  return {
    questions: [...state.questions, ...extra],
    records: [...records, ...extra.map((q) => ({ id: q.id, concepts: q.concepts, attempts: 0, solved: false }))],
    upcoming: [...state.upcoming, ...extra.map((_, i) => first + i)],
    reserve: reserve.slice(extra.length),
  };
}

function settle(state: QuizState, turn: Turn, response: Response | null, result: Grade): QuizState {
  const records = state.records.map((r, i) => (i === turn.index ? { ...r, attempts: r.attempts + 1, solved: result.correct } : r));
  if (result.correct) return { ...state, records, current: { ...turn, response, grade: result } };
  const spaced = spaceOut(state, records);
  const at = Math.min(state.retryGap, spaced.upcoming.length);
  const upcoming = [...spaced.upcoming.slice(0, at), turn.index, ...spaced.upcoming.slice(at)];
  return { ...state, ...spaced, upcoming, current: { ...turn, response, grade: result } };
}

/** Actions that do not fit the moment (an answer during feedback, `next` before answering) change nothing. */
export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  const turn = state.current;
  switch (action.type) {
    case 'answer': {
      if (!turn || turn.grade || action.response.kind !== turn.presented.question.kind) return state;
      return settle(state, turn, action.response, grade(turn.presented.question, action.response));
    }
    case 'give-up': {
      if (!turn || turn.grade) return state;
      return settle(state, turn, null, giveUp(turn.presented.question));
    }
    case 'next': {
      if (!turn || !turn.grade) return state;
      return ask(state, state.upcoming);
    }
  }
}

/** The question on screen, or null when the quiz is over. */
export function currentQuestion(state: QuizState): PresentedQuestion | null {
  return state.current?.presented ?? null;
}

/** How far along the quiz is: questions answered right out of all. */
export function quizProgress(state: QuizState): { solved: number; total: number } {
  return { solved: state.records.filter((r) => r.solved).length, total: state.records.length };
}
