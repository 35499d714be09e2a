// Which quiz `nodeport-lab quiz [LESSON]` opens: the lesson's first quiz, or the course's last.
import type { Course } from '../core/course/model.js';
import type { Place } from '../core/progress/model.js';

export function findQuiz(course: Course, which: string | undefined): { ok: true; place: Place } | { ok: false; message: string } {
  const lessons = course.lessons.filter((lesson, i) => which === undefined || lesson.id === which || String(i + 1) === which);
  if (lessons.length === 0) {
    return { ok: false, message: `no lesson "${which}" (lessons: ${course.lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ')})` };
  }
  const places = lessons.flatMap((lesson) => lesson.steps.filter((s) => s.kind === 'quiz').map((s) => ({ lesson: lesson.id, step: s.id })));
  const place = which === undefined ? places[places.length - 1] : places[0];
  if (!place) return { ok: false, message: which === undefined ? 'this course has no quiz' : `lesson "${which}" has no quiz` };
  return { ok: true, place };
}
