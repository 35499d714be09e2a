// The course as plain text: for `nodeport-lab print`, screen readers, printing and review.
import type { Course, Lesson } from '../core/course/model.js';
import { blank, line, lineText, type Line } from './line.js';
import { fillQuestion, missingFacts, revealAnswer, type Question } from '../core/quiz/index.js';
import { answerKeyLines } from './quiz-text.js';
import { renderStep } from './step.js';
import { createCluster } from '../core/cluster/index.js';
import { wrap } from './wrap.js';

/** Each quiz question of a lesson with its answer, numbered as `print` numbers them. */
function answers(lesson: Lesson, number: number): { number: string; answer: string[] }[] {
  return lesson.steps.flatMap((step, s) =>
    step.kind === 'quiz'
      ? step.questions.map((q, i) => ({ number: `${number}.${s + 1} Q${i + 1}.`, answer: printedAnswer(q) }))
      : [],
  );
}

/** A question's answer for the key; one about the learner's own objects depends on their cluster. */
function printedAnswer(question: Question): string[] {
  const missing = missingFacts(question, question.fallback ?? {});
  if (missing.length > 0) return [`It depends on your own cluster (${missing.join(', ')}): take this quiz in the course.`];
  return revealAnswer(fillQuestion(question, question.fallback ?? {}));
}

/** The cluster every learner starts with: its nodes (and their IPs) are the same for every seed. */
const FRESH = createCluster({ seed: 0 });

export function lessonText(lesson: Lesson, number: number, columns: number): Line[] {
  const heading = `Lesson ${number}: ${lesson.title}`;
  const out: Line[] = [line(heading, 'heading'), line('='.repeat(Math.min(columns, heading.length)), 'heading')];
  out.push(...wrap(lesson.summary, columns), blank);
  lesson.steps.forEach((step, i) => {
    const title = `${number}.${i + 1} ${step.title}`;
    out.push(line(title, 'heading'), line('-'.repeat(Math.min(columns, title.length)), 'heading'));
    out.push(...renderStep(step, { columns, plain: true, templates: FRESH }).lines, blank);
  });
  return out;
}

/** The whole course, or the lessons whose id or number is in `only`. */
export function courseText(course: Course, columns: number, only?: (lesson: Lesson, number: number) => boolean): string {
  const chosen = course.lessons.flatMap((lesson, i) => (only && !only(lesson, i + 1) ? [] : [{ lesson, number: i + 1 }]));
  const parts = chosen.map(({ lesson, number }) => lessonText(lesson, number, columns));
  parts.push(answerKeyLines(chosen.flatMap(({ lesson, number }) => answers(lesson, number)), columns));
  return parts.map((lines) => lines.map((l) => lineText(l).trimEnd()).join('\n')).join('\n').trimEnd();
}
