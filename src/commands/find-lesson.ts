// Which lesson a command names: its id, or its number from 1 (`--lesson 4`, `print
// expose-imperatively`, `quiz 7`). A name that matches none is answered with the lessons there are;
// what was typed is shown, never obeyed.
import type { Course, Lesson } from '../core/course/model.js';
import { visibleControls } from '../core/visible-controls.js';

/** Whether `which` names `lesson`, the course's lesson at `index`. */
export const namesLesson = (which: string, lesson: Lesson, index: number): boolean => lesson.id === which || String(index + 1) === which;

/** `no lesson "x" (lessons: 1 why-a-service, ...)`; `what` qualifies the lesson sought (` with practice`). */
export const noLesson = (course: Course, which: string | undefined, what = ''): string =>
  visibleControls(`no lesson "${which}"${what} (lessons: ${course.lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ')})`);

export function findLesson(course: Course, which: string): { ok: true; index: number; lesson: Lesson } | { ok: false; message: string } {
  const index = course.lessons.findIndex((lesson, i) => namesLesson(which, lesson, i));
  const lesson = course.lessons[index];
  return lesson ? { ok: true, index, lesson } : { ok: false, message: noLesson(course, which) };
}
