// Which quiz `nodeport-lab quiz [LESSON]` opens: the lesson's first quiz, or the course's last.
import type { Course } from '../core/course/model.js';
import type { Place } from '../core/progress/model.js';
import { namesLesson, noLesson } from './find-lesson.js';
import { visibleControls } from '../core/visible-controls.js';

export function findQuiz(course: Course, which: string | undefined): { ok: true; place: Place } | { ok: false; message: string } {
  const lessons = course.lessons.filter((lesson, i) => which === undefined || namesLesson(which, lesson, i));
  if (lessons.length === 0) return { ok: false, message: noLesson(course, which) };
  const places = lessons.flatMap((lesson) => lesson.steps.filter((s) => s.kind === 'quiz').map((s) => ({ lesson: lesson.id, step: s.id })));
  const place = which === undefined ? places[places.length - 1] : places[0];
  if (!place) return { ok: false, message: which === undefined ? 'this course has no quiz' : visibleControls(`lesson "${which}" has no quiz`) };
  return { ok: true, place };
}
