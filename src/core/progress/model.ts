// What the learner has done, independent of how it is stored.
import { bestResult, parseQuizResult, type QuizResult } from '../quiz/index.js';
import { emptyHistory, parseHistory, recordAnswer, type History, type QuestionHistory } from '../quiz/history.js';

/**
 * Version 2 added `history` (every quiz answer, for the review) and `deepDives` (the learner's
 * choice to take deep dives). A version 1 file is read as it is, with neither.
 *
 * `seed` (the simulated cluster's seed, kept so that a resumed course meets the same node ports
 * and IPs) came without a new version: it is optional, a file without it is read as before, and a
 * version 2 reader that does not know it passes over it, where a version 3 would make that reader
 * set the whole file aside.
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
  /** The seed the course's clusters are made from, so that each launch makes the same ones. */
  readonly seed?: number;
}

/** A seed that survives JSON as it is: a whole number, not negative. */
export const isSeed = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** One more answer to a question, in any quiz. */
export function recordQuestion(progress: Progress, id: string, right: boolean): Progress {
  return { ...progress, history: recordAnswer(progress.history ?? emptyHistory, id, right) };
}

export function setDeepDives(progress: Progress, on: boolean): Progress {
  return { ...progress, deepDives: on };
}

/** Keeps the better of the stored and the new result of a quiz. */
export function recordQuiz(progress: Progress, key: string, result: QuizResult): Progress {
  const best = bestResult(progress.quizzes ? own(progress.quizzes, key) : undefined, result);
  return { ...progress, quizzes: { ...progress.quizzes, [key]: best } };
}

export const emptyProgress: Progress = { version: PROGRESS_VERSION, lessons: {}, last: null };

export function lessonProgress(progress: Progress, lesson: string): LessonProgress {
  // Own entries only: a lesson may be called "constructor", which every object inherits.
  return own(progress.lessons, lesson) ?? { done: [], complete: false };
}

/** Sets an own property whatever the key: `__proto__` from a file is a key like any other. */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * What two windows saved, together: every step either finished, a lesson complete in either, the
 * better result of each quiz; `last` is the newer one's (`ours`), the window saving now.
 */
export function mergeProgress(disk: Progress, ours: Progress): Progress {
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, theirs] of Object.entries(disk.lessons)) put(lessons, id, theirs);
  for (const [id, mine] of Object.entries(ours.lessons)) {
    const theirs = own(lessons, id);
    put(
      lessons,
      id,
      theirs ? { done: [...mine.done, ...theirs.done.filter((step) => !mine.done.includes(step))], complete: mine.complete || theirs.complete } : mine,
    );
  }
  const history = mergeHistory(disk.history, ours.history);
  const deepDives = ours.deepDives ?? disk.deepDives;
  const seed = ours.seed ?? disk.seed;
  const merged: Progress = {
    version: PROGRESS_VERSION,
    lessons,
    last: ours.last ?? disk.last,
    ...(history ? { history } : {}),
    ...(deepDives !== undefined ? { deepDives } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
  if (!disk.quizzes && !ours.quizzes) return merged;
  const quizzes: Record<string, QuizResult> = {};
  for (const [key, result] of Object.entries(disk.quizzes ?? {})) put(quizzes, key, result);
  for (const [key, result] of Object.entries(ours.quizzes ?? {})) put(quizzes, key, bestResult(own(quizzes, key), result));
  return { ...merged, quizzes };
}

/**
 * Two windows' answer histories: per question, the one that has seen more answers; the answer
 * clock goes on from the larger count.
 */
function mergeHistory(disk: History | undefined, ours: History | undefined): History | undefined {
  if (!disk || !ours) return ours ?? disk;
  const questions: Record<string, QuestionHistory> = {};
  for (const [id, entry] of Object.entries(disk.questions)) put(questions, id, entry);
  for (const [id, entry] of Object.entries(ours.questions)) {
    const theirs = own(questions, id);
    put(questions, id, theirs && theirs.asked > entry.asked ? theirs : entry);
  }
  return { answers: Math.max(disk.answers, ours.answers), questions };
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
    put(lessons, id, { done: value.done, complete: value.complete });
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
      put(quizzes, key, result);
    }
  }
  const place = last === null ? null : { lesson: last.lesson as string, step: last.step as string };
  const history = data.history === undefined ? undefined : parseHistory(data.history);
  if (history === null) return null;
  if (data.deepDives !== undefined && typeof data.deepDives !== 'boolean') return null;
  if (data.seed !== undefined && !isSeed(data.seed)) return null;
  return {
    version: PROGRESS_VERSION,
    lessons,
    last: place,
    ...(data.quizzes !== undefined ? { quizzes } : {}),
    ...(history ? { history } : {}),
    ...(typeof data.deepDives === 'boolean' ? { deepDives: data.deepDives } : {}),
    ...(isSeed(data.seed) ? { seed: data.seed } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
