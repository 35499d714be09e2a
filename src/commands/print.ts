// `nodeport-lab print [LESSON]`: the course as plain text.
import type { Course } from '../core/course/model.js';
import { courseText } from '../text/course-text.js';
import { visibleControls } from '../core/visible-controls.js';

export function print(course: Course, which: string | undefined, columns: number, out: (text: string) => void, err: (text: string) => void): number {
  const matches = (id: string, number: number) => which === undefined || which === id || which === String(number);
  const found = course.lessons.some((lesson, i) => matches(lesson.id, i + 1));
  if (!found) {
    const known = course.lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ');
    err(visibleControls(`nodeport-lab: no lesson "${which}" (lessons: ${known})`));
    return 2;
  }
  out(visibleControls(courseText(course, columns, (lesson, number) => matches(lesson.id, number))));
  return 0;
}
