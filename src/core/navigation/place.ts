// Where the learner is: the step on screen, its lesson's practice, and the keys a step's views are kept under.
import type { NavState } from '../course/navigation.js';
import { placeKey, type Course, type Lesson, type Step } from '../course/model.js';
import type { LessonPractice } from '../course/practice.js';
import type { Place } from '../progress/model.js';
import { getOwn } from '../own.js';

export function stepKey(lesson: Lesson, step: number): string {
  const found = lesson.steps[step];
  return found ? placeKey(lesson, found) : `${lesson.id}/${step}`;
}

/** Where a practice step's output pane is scrolled to, in `scroll`: lines up from its end. */
export function outputKey(lesson: Lesson, step: number): string {
  return `${stepKey(lesson, step)}#output`;
}

export function findPlace(course: Course, place: Place | null): { lesson: number; step: number } | null {
  if (!place) return null;
  const lesson = course.lessons.findIndex((l) => l.id === place.lesson);
  const step = course.lessons[lesson]?.steps.findIndex((s) => s.id === place.step) ?? -1;
  return lesson >= 0 && step >= 0 ? { lesson, step } : null;
}

/** The step on screen, when in a lesson. */
export function currentStep(state: NavState): { lesson: Lesson; step: Step; index: number } | null {
  if (state.screen.kind !== 'lesson') return null;
  const lesson = state.course.lessons[state.screen.lesson];
  const step = lesson?.steps[state.screen.step];
  return lesson && step ? { lesson, step, index: state.screen.lesson } : null;
}

/** The place the learner is at, when in a lesson. */
export function currentPlace(state: NavState): Place | null {
  const here = currentStep(state);
  return here ? { lesson: here.lesson.id, step: here.step.id } : null;
}

/** The cluster of the lesson on screen (created on entering the lesson). */
export function currentPractice(state: NavState): LessonPractice | null {
  const here = currentStep(state);
  return here ? (getOwn(state.practice, here.lesson.id) ?? null) : null;
}

export function withPractice(state: NavState, lesson: Lesson, update: (p: LessonPractice) => LessonPractice): NavState {
  const practice = getOwn(state.practice, lesson.id);
  return practice ? { ...state, practice: { ...state.practice, [lesson.id]: update(practice) } } : state;
}

/** Whether the learner takes deep dives (else moving on passes over them). */
export function takesDeepDives(state: NavState): boolean {
  return state.progress.deepDives ?? false;
}
