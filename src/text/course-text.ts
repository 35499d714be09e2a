// The course as plain text: for `nodeport-lab print`, screen readers, printing and review.
import type { Course, Lesson } from '../core/course/model.js';
import { blank, line, lineText, type Line } from './line.js';
import { fillQuestion, missingFacts, revealAnswer, type Facts, type Question } from '../core/quiz/index.js';
import { quizFacts } from '../core/course/quiz-facts.js';
import { answerKeyLines } from './quiz-text.js';
import { renderStep } from './step.js';
import type { KubectlIO } from '../core/kubectl/index.js';
import { replayLesson } from './replay.js';
import { wrap } from './wrap.js';

/** Each quiz question of a lesson with its answer, numbered as `print` numbers them. */
function answers(lesson: Lesson, number: number, facts: Facts): { number: string; answer: string[] }[] {
  return lesson.steps.flatMap((step, s) =>
    step.kind === 'quiz' ? step.questions.map((q, i) => ({ number: `${number}.${s + 1} Q${i + 1}.`, answer: printedAnswer(q, facts) })) : [],
  );
}

/** A question's answer for the key; one about the learner's own objects is answered for the printed cluster. */
function printedAnswer(question: Question, facts: Facts): string[] {
  const known = { ...question.fallback, ...facts };
  const missing = missingFacts(question, known);
  if (missing.length > 0) return [`It depends on your own cluster (${missing.join(', ')}): take this quiz in the course.`];
  return revealAnswer(fillQuestion(question, known));
}

/**
 * Facts for each lesson's questions about "your" service, as the course takes them: the lesson's
 * own cluster, else the latest lesson before it that made a NodePort service.
 */
function lessonFacts(course: Course, setup: PrintSetup): Facts[] {
  const own = course.lessons.map((lesson, i) => quizFacts(replayLesson(lesson, setup.seed + i, setup.files).at(-1)?.shell.cluster));
  return own.map((facts, i) => {
    for (let j = i; j >= 0; j--) if (Object.keys(own[j]!).length > 0) return own[j]!;
    return facts;
  });
}

/** What `print` fills values from: a seed for each lesson's cluster (as the course seeds them) and the manifests. */
export interface PrintSetup {
  readonly seed: number;
  readonly files: KubectlIO;
}

/** The seed `print` uses when none is given, so two prints of the course are the same. */
export const PRINT_SEED = 1;

const NO_FILES: KubectlIO = { readFile: () => ({ error: 'not-found' }) };

/** A lesson as text, every value filled from its own cluster, walked as the learner would walk it. */
export function lessonText(
  lesson: Lesson,
  number: number,
  columns: number,
  setup: PrintSetup = { seed: PRINT_SEED, files: NO_FILES },
  facts: Facts = {},
): Line[] {
  const heading = `Lesson ${number}: ${lesson.title}`;
  const out: Line[] = [line(heading, 'heading'), line('='.repeat(Math.min(columns, heading.length)), 'heading')];
  out.push(...wrap(lesson.summary, columns), blank);
  // The course seeds lesson N's cluster with seed + N - 1; print does the same.
  replayLesson(lesson, setup.seed + number - 1, setup.files).forEach(({ step, shell }, i) => {
    const title = `${number}.${i + 1} ${step.title}`;
    out.push(line(title, 'heading'), line('-'.repeat(Math.min(columns, title.length)), 'heading'));
    out.push(...renderStep(step, { columns, plain: true, templates: shell.cluster, facts }).lines, blank);
  });
  return out;
}

/** The whole course, or the lessons whose id or number is in `only`. */
export function courseText(
  course: Course,
  columns: number,
  only?: (lesson: Lesson, number: number) => boolean,
  setup: PrintSetup = { seed: PRINT_SEED, files: NO_FILES },
): string {
  const chosen = course.lessons.flatMap((lesson, i) => (only && !only(lesson, i + 1) ? [] : [{ lesson, number: i + 1 }]));
  const facts = lessonFacts(course, setup);
  const parts = chosen.map(({ lesson, number }) => lessonText(lesson, number, columns, setup, facts[number - 1]));
  parts.push(
    answerKeyLines(
      chosen.flatMap(({ lesson, number }) => answers(lesson, number, facts[number - 1] ?? {})),
      columns,
    ),
  );
  return parts
    .map((lines) => lines.map((l) => lineText(l).trimEnd()).join('\n'))
    .join('\n')
    .trimEnd();
}
