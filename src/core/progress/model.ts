// What the learner has done, independent of how it is stored.
import { bestResult, parseQuizResult, type QuizResult } from '../quiz/index.js';
import { emptyHistory, parseHistory, recordAnswer, type History } from '../quiz/history.js';

/**
 * Version 2 added `history` (every quiz answer, for the review) and `deepDives` (the learner's
 * choice to take deep dives). A version 1 file is read as it is, with neither.
 */
export const PROGRESS_VERSION = 2;
/** Versions this nodeport-lab reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

export interface LessonProgress {
  /** Ids of the steps the learner has finished (moved past). */
  readonly done: readonly string[];
  /** True once the learner has finished the last step. */
  readonly complete: boolean;
}

export interface Place {
  readonly lesson: string;
  readonly step: string;
}

export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
  /** Where the learner was last; the course offers to continue there. */
  readonly last: Place | null;
  /** The best result of each quiz, by `lesson/step`. */
  readonly quizzes?: Readonly<Record<string, QuizResult>>;
  /** Every quiz answer so far, per question (version 2). */
  readonly history?: History;
  /** The learner takes deep dives: moving on does not pass over them (version 2). Default false. */
  readonly deepDives?: boolean;
}

/** One more answer to a question, in any quiz. */
export function recordQuestion(progress: Progress, id: string, right: boolean): Progress {
  return { ...progress, history: recordAnswer(progress.history ?? emptyHistory, id, right) };
}

export function setDeepDives(progress: Progress, on: boolean): Progress {
  return { ...progress, deepDives: on };
}

/** Keeps the better of the stored and the new result of a quiz. */
export function recordQuiz(progress: Progress, key: string, result: QuizResult): Progress {
  const best = bestResult(progress.quizzes?.[key], result);
  return { ...progress, quizzes: { ...progress.quizzes, [key]: best } };
}

export const emptyProgress: Progress = { version: PROGRESS_VERSION, lessons: {}, last: null };

export function lessonProgress(progress: Progress, lesson: string): LessonProgress {
  return progress.lessons[lesson] ?? { done: [], complete: false };
}

/** The learner is now at `place`. */
export function visit(progress: Progress, place: Place): Progress {
  return { ...progress, last: place };
}

/** The learner moved past a step; `lastStep` says whether it ended the lesson. */
export function finishStep(progress: Progress, place: Place, lastStep: boolean): Progress {
  const before = lessonProgress(progress, place.lesson);
  const done = before.done.includes(place.step) ? before.done : [...before.done, place.step];
  const lessons = { ...progress.lessons, [place.lesson]: { done, complete: before.complete || lastStep } };
  return { ...progress, lessons };
}

/** Checks data read from disk; null when it is not progress of this version. */
export function parseProgress(data: unknown): Progress | null {
  if (!isRecord(data) || !READABLE_VERSIONS.includes(data.version as number) || !isRecord(data.lessons)) return null;
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, value] of Object.entries(data.lessons)) {
    if (!isRecord(value) || !Array.isArray(value.done) || typeof value.complete !== 'boolean') return null;
    if (!value.done.every((step) => typeof step === 'string')) return null;
    lessons[id] = { done: value.done as string[], complete: value.complete };
  }
  const last = data.last;
  if (last !== null && !(isRecord(last) && typeof last.lesson === 'string' && typeof last.step === 'string')) {
    return null;
  }
  const quizzes: Record<string, QuizResult> = {};
  if (data.quizzes !== undefined) {
    if (!isRecord(data.quizzes)) return null;
    for (const [key, value] of Object.entries(data.quizzes)) {
      const result = parseQuizResult(value);
      if (!result) return null;
      quizzes[key] = result;
    }
  }
  const place = last === null ? null : { lesson: last.lesson as string, step: last.step as string };
  const history = data.history === undefined ? undefined : parseHistory(data.history);
  if (history === null) return null;
  if (data.deepDives !== undefined && typeof data.deepDives !== 'boolean') return null;
  return {
    version: PROGRESS_VERSION,
    lessons,
    last: place,
    ...(data.quizzes !== undefined ? { quizzes } : {}),
    ...(history ? { history } : {}),
    ...(typeof data.deepDives === 'boolean' ? { deepDives: data.deepDives } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
