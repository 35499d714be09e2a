// The learner's path through the course: every step, or the core path that passes over deep dives.
// A deep step is passed over unless the learner takes deep dives. A deep lesson is passed over
// between lessons, but once the learner opens it (from the lesson list), all of it is the path.
import type { Lesson } from './model.js';

export interface Place {
  readonly lesson: number;
  readonly step: number;
}

/** Whether moving through `lesson` stops at step `index`. */
export function stopsAt(lesson: Lesson, index: number, deepDives: boolean): boolean {
  const step = lesson.steps[index];
  return step !== undefined && (deepDives || Boolean(lesson.deep) || !step.deep);
}

/** The lesson's steps on the path, as indices. */
export function pathSteps(lesson: Lesson, deepDives: boolean): number[] {
  return lesson.steps.flatMap((_, i) => (stopsAt(lesson, i, deepDives) ? [i] : []));
}

/** The next step on the path in the same lesson, or null when `index` is its last. */
export function nextInLesson(lesson: Lesson, index: number, deepDives: boolean): number | null {
  for (let i = index + 1; i < lesson.steps.length; i++) if (stopsAt(lesson, i, deepDives)) return i;
  return null;
}

export function previousInLesson(lesson: Lesson, index: number, deepDives: boolean): number | null {
  for (let i = Math.min(index, lesson.steps.length) - 1; i >= 0; i--) if (stopsAt(lesson, i, deepDives)) return i;
  return null;
}

/** Whether moving from lesson to lesson stops at this one. */
export function lessonOnPath(lesson: Lesson, deepDives: boolean): boolean {
  return (deepDives || !lesson.deep) && pathSteps(lesson, deepDives).length > 0;
}

/** The first step of the next lesson on the path after lesson `from`. */
export function nextLesson(lessons: readonly Lesson[], from: number, deepDives: boolean): Place | null {
  for (let l = from + 1; l < lessons.length; l++) {
    const lesson = lessons[l]!;
    if (lessonOnPath(lesson, deepDives)) return { lesson: l, step: pathSteps(lesson, deepDives)[0]! };
  }
  return null;
}

/** The last step of the previous lesson on the path before lesson `from`. */
export function previousLesson(lessons: readonly Lesson[], from: number, deepDives: boolean): Place | null {
  for (let l = from - 1; l >= 0; l--) {
    const lesson = lessons[l]!;
    if (lessonOnPath(lesson, deepDives)) return { lesson: l, step: pathSteps(lesson, deepDives).at(-1)! };
  }
  return null;
}

/** Deep steps between two steps of a lesson (exclusive) that moving on passed over. */
export function passedOver(lesson: Lesson, from: number, to: number, deepDives: boolean): number {
  let count = 0;
  for (let i = Math.min(from, to) + 1; i < Math.max(from, to); i++) if (!stopsAt(lesson, i, deepDives)) count++;
  return count;
}
