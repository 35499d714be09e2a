// The course as plain text: for `nodeport-lab print`, screen readers, printing and review.
import type { Course, Lesson } from '../core/course/model.js';
import { blank, line, lineText, type Line } from './line.js';
import { renderStep } from './step.js';
import { wrap } from './wrap.js';

export function lessonText(lesson: Lesson, number: number, columns: number): Line[] {
  const heading = `Lesson ${number}: ${lesson.title}`;
  const out: Line[] = [line(heading, 'heading'), line('='.repeat(Math.min(columns, heading.length)), 'heading')];
  out.push(...wrap(lesson.summary, columns), blank);
  lesson.steps.forEach((step, i) => {
    const title = `${number}.${i + 1} ${step.title}`;
    out.push(line(title, 'heading'), line('-'.repeat(Math.min(columns, title.length)), 'heading'));
    out.push(...renderStep(step, { columns, plain: true }).lines, blank);
  });
  return out;
}

/** The whole course, or the lessons whose id or number is in `only`. */
export function courseText(course: Course, columns: number, only?: (lesson: Lesson, number: number) => boolean): string {
  const parts = course.lessons.flatMap((lesson, i) => (only && !only(lesson, i + 1) ? [] : [lessonText(lesson, i + 1, columns)]));
  return parts.map((lines) => lines.map((l) => lineText(l).trimEnd()).join('\n')).join('\n');
}
