// How long the course takes: words a learner reads, and a fixed allowance for what they do.
// The lesson list shows these minutes; scripts/course-stats.ts prints them per lesson.
import { ROUND_SIZE, type Question } from '../quiz/index.js';
import type { Lesson, QuizStep, Step } from './model.js';

/** An ordinary reading pace for instructional prose. */
export const WORDS_PER_MINUTE = 200;

/**
 * Minutes allowed on top of reading for what the learner does:
 * - a `do` step: 1 minute, plus half a minute for each goal condition (typing, reading output, waiting for a pod);
 * - a `trace` step: 1 minute to step through the hops, plus half a minute when it asks for a prediction first;
 * - a quiz: 20 seconds per question to choose or type an answer (reading its text is counted as words).
 */
export const ALLOWANCE = { doStep: 1, perCondition: 0.5, trace: 1, predict: 0.5, perQuestion: 1 / 3 } as const;

/** How many questions one review round asks. */
const REVIEW_ROUND = ROUND_SIZE;

export function countWords(text: string): number {
  // A {{template}} is one word, however it is spelled; so is a `code span` of one token.
  const plain = text.replace(/\{\{[^}]*\}\}/g, 'X');
  return plain.split(/\s+/).filter(hasLetterOrDigit).length;
}

/** Whether a word has a letter or a digit; in ASCII those are A-Z, a-z and 0-9, told apart without ICU's property data. */
export const hasLetterOrDigit = (word: string): boolean => (/^[\x00-\x7f]*$/.test(word) ? /[A-Za-z0-9]/.test(word) : /[\p{L}\p{N}]/u.test(word));

/** Words the learner reads for one question: the prompt, the choices, and the feedback on the right answer. */
export function questionWords(q: Question): number {
  const parts: string[] = [q.prompt, q.explain ?? ''];
  switch (q.kind) {
    case 'single':
    case 'multiple':
      for (const o of q.options) parts.push(o.text, o.correct ? o.why : '');
      break;
    case 'typed':
      break;
    case 'order':
      for (const item of q.items) parts.push(item.text);
      break;
    case 'match':
      for (const pair of q.pairs) parts.push(pair.left, pair.right);
      break;
    case 'bug':
      parts.push(q.code, q.why);
      break;
  }
  return parts.reduce((sum, part) => sum + countWords(part), 0);
}

/** Words on a step's page: title and text, a manifest's notes, a comparison's rows, a quiz's questions. */
export function stepWords(step: Step): number {
  let words = countWords(step.title) + countWords(step.text);
  switch (step.kind) {
    case 'manifest':
      for (const field of step.fields) words += countWords(field.note);
      break;
    case 'compare':
      for (const row of step.rows) words += countWords(`${row.aspect} ${row.left} ${row.right}`);
      break;
    case 'quiz':
      words += quizWords(corePool(step), step.review);
      break;
    default:
      break;
  }
  return words;
}

/** A review on the core path draws on the core quizzes' questions only. */
function corePool(step: QuizStep): readonly Question[] {
  const deep = new Set(step.deepQuestions ?? []);
  return step.review ? step.questions.filter((q) => !deep.has(q.id)) : step.questions;
}

/** How many questions the learner answers in the step: a review asks one round, not every question. */
function asked(questions: readonly Question[], review: boolean): number {
  return review ? Math.min(REVIEW_ROUND, questions.length) : questions.length;
}

/** Words of the questions asked: for a review, a round of questions of average length. */
function quizWords(questions: readonly Question[], review: boolean): number {
  const all = questions.reduce((sum, q) => sum + questionWords(q), 0);
  return questions.length === 0 ? 0 : Math.round((all / questions.length) * asked(questions, review));
}

/** Minutes of practice on a step, beyond its reading. */
export function practiceMinutes(step: Step): number {
  switch (step.kind) {
    case 'do':
      return ALLOWANCE.doStep + ALLOWANCE.perCondition * step.goal.length;
    case 'trace':
      return ALLOWANCE.trace + (step.predict ? ALLOWANCE.predict : 0);
    case 'quiz':
      return ALLOWANCE.perQuestion * asked(corePool(step), step.review);
    default:
      return 0;
  }
}

export function stepMinutes(step: Step): number {
  return stepWords(step) / WORDS_PER_MINUTE + practiceMinutes(step);
}

/** A step is a deep dive when it says so, or when its whole lesson is one. */
export function isDeep(lesson: Pick<Lesson, 'deep'>, step: Pick<Step, 'deep'>): boolean {
  return Boolean(lesson.deep || step.deep);
}

export interface Pace {
  readonly steps: number;
  readonly words: number;
  readonly minutes: number;
}

export interface LessonPace {
  /** The core path: every step that is not a deep dive. */
  readonly core: Pace;
  /** The deep dives. */
  readonly deep: Pace;
}

const zero: Pace = { steps: 0, words: 0, minutes: 0 };
const add = (a: Pace, step: Step): Pace => ({ steps: a.steps + 1, words: a.words + stepWords(step), minutes: a.minutes + stepMinutes(step) });

const paced = new WeakMap<Lesson, LessonPace>();

/** The lesson's core path and deep dives (remembered: a lesson never changes once loaded). */
export function lessonPace(lesson: Lesson): LessonPace {
  let known = paced.get(lesson);
  if (!known) paced.set(lesson, (known = measure(lesson)));
  return known;
}

function measure(lesson: Lesson): LessonPace {
  let core = zero;
  let deep = zero;
  for (const step of lesson.steps) {
    if (isDeep(lesson, step)) deep = add(deep, step);
    else core = add(core, step);
  }
  return { core, deep };
}

/** Whole minutes for the learner, never 0 for a step that exists. */
export function roundMinutes(minutes: number): number {
  return minutes <= 0 ? 0 : Math.max(1, Math.round(minutes));
}
