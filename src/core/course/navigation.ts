// Moving through the course: a reducer over typed actions. The screen draws this state; nothing else moves.
import { finishStep, lessonProgress, visit, type Place, type Progress } from '../progress/model.js';
import type { Course, Lesson } from './model.js';

export type Screen =
  | { readonly kind: 'home'; readonly cursor: number }
  | { readonly kind: 'lesson'; readonly lesson: number; readonly step: number };

export interface NavState {
  readonly course: Course;
  readonly screen: Screen;
  readonly progress: Progress;
  /** A saved place the course offers to continue from; shown over the lesson list until answered. */
  readonly resume: Place | null;
  readonly help: boolean;
  /** How far each step's text was scrolled, by `lesson/step` id, so going back shows the same view. */
  readonly scroll: Readonly<Record<string, number>>;
  /** Which manifest field is highlighted, by `lesson/step` id. */
  readonly field: Readonly<Record<string, number>>;
  /** A one-line message for the learner (a finished lesson, a save problem). */
  readonly notice: string | null;
  readonly quit: boolean;
}

export type NavAction =
  | { readonly type: 'move-cursor'; readonly delta: number }
  | { readonly type: 'open-lesson'; readonly lesson?: number }
  | { readonly type: 'answer-resume'; readonly accept: boolean }
  | { readonly type: 'next-step' }
  | { readonly type: 'previous-step' }
  | { readonly type: 'go-home' }
  | { readonly type: 'scroll'; readonly delta: number; readonly max: number }
  | { readonly type: 'move-field'; readonly delta: number }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'close-help' }
  | { readonly type: 'notice'; readonly text: string | null }
  | { readonly type: 'quit' };

export function stepKey(lesson: Lesson, step: number): string {
  return `${lesson.id}/${lesson.steps[step]?.id ?? step}`;
}

function findPlace(course: Course, place: Place | null): { lesson: number; step: number } | null {
  if (!place) return null;
  const lesson = course.lessons.findIndex((l) => l.id === place.lesson);
  const step = course.lessons[lesson]?.steps.findIndex((s) => s.id === place.step) ?? -1;
  return lesson >= 0 && step >= 0 ? { lesson, step } : null;
}

export function initialNav(course: Course, progress: Progress, notice: string | null = null): NavState {
  const saved = findPlace(course, progress.last);
  const firstOpen = course.lessons.findIndex((l) => !lessonProgress(progress, l.id).complete);
  return {
    course,
    screen: { kind: 'home', cursor: saved?.lesson ?? Math.max(0, firstOpen) },
    progress,
    resume: saved ? progress.last : null,
    help: false,
    scroll: {},
    field: {},
    notice,
    quit: false,
  };
}

/** The place the learner is at, when in a lesson. */
export function currentPlace(state: NavState): Place | null {
  if (state.screen.kind !== 'lesson') return null;
  const lesson = state.course.lessons[state.screen.lesson];
  const step = lesson?.steps[state.screen.step];
  return lesson && step ? { lesson: lesson.id, step: step.id } : null;
}

function enter(state: NavState, lesson: number, step: number, notice: string | null): NavState {
  const screen: Screen = { kind: 'lesson', lesson, step };
  const next = { ...state, screen, help: false, resume: null, notice };
  const place = currentPlace(next);
  return place ? { ...next, progress: visit(next.progress, place) } : next;
}

/** Where to open a lesson from the list: its first unfinished step, or the start. */
function openingStep(state: NavState, lesson: Lesson): number {
  const done = lessonProgress(state.progress, lesson.id);
  if (done.complete) return 0;
  const index = lesson.steps.findIndex((step) => !done.done.includes(step.id));
  return Math.max(0, index);
}

function nextStep(state: NavState, lessonIndex: number, stepIndex: number): NavState {
  const { lessons } = state.course;
  const lesson = lessons[lessonIndex];
  const step = lesson?.steps[stepIndex];
  if (!lesson || !step) return state;
  const isLast = stepIndex === lesson.steps.length - 1;
  const progress = finishStep(state.progress, { lesson: lesson.id, step: step.id }, isLast);
  const after = { ...state, progress };
  if (!isLast) return enter(after, lessonIndex, stepIndex + 1, null);
  if (lessonIndex + 1 < lessons.length) {
    return enter(after, lessonIndex + 1, 0, `Lesson finished: ${lesson.title}`);
  }
  return { ...after, screen: { kind: 'home', cursor: lessonIndex }, help: false, notice: 'You finished the course. Well done!' };
}

export function navigate(state: NavState, action: NavAction): NavState {
  const { screen } = state;
  switch (action.type) {
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'close-help':
      return { ...state, help: false };
    case 'quit':
      return { ...state, quit: true };
    case 'notice':
      return { ...state, notice: action.text };
    case 'answer-resume': {
      const place = findPlace(state.course, state.resume);
      if (!action.accept || !place) return { ...state, resume: null };
      return enter(state, place.lesson, place.step, null);
    }
    case 'move-cursor': {
      if (screen.kind !== 'home') return state;
      const count = state.course.lessons.length;
      const cursor = Math.min(count - 1, Math.max(0, screen.cursor + action.delta));
      return { ...state, screen: { kind: 'home', cursor } };
    }
    case 'open-lesson': {
      const index = action.lesson ?? (screen.kind === 'home' ? screen.cursor : -1);
      const lesson = state.course.lessons[index];
      return lesson ? enter(state, index, openingStep(state, lesson), null) : state;
    }
    case 'go-home':
      return {
        ...state,
        screen: { kind: 'home', cursor: screen.kind === 'lesson' ? screen.lesson : screen.cursor },
        help: false,
        notice: null,
      };
    case 'next-step':
      return screen.kind === 'lesson' ? nextStep(state, screen.lesson, screen.step) : state;
    case 'previous-step':
      if (screen.kind !== 'lesson') return state;
      if (screen.step > 0) return enter(state, screen.lesson, screen.step - 1, null);
      if (screen.lesson > 0) {
        const previous = state.course.lessons[screen.lesson - 1];
        return previous ? enter(state, screen.lesson - 1, previous.steps.length - 1, null) : state;
      }
      return state;
    case 'scroll': {
      if (screen.kind !== 'lesson') return state;
      const lesson = state.course.lessons[screen.lesson];
      if (!lesson) return state;
      const key = stepKey(lesson, screen.step);
      const offset = Math.min(Math.max(0, action.max), Math.max(0, (state.scroll[key] ?? 0) + action.delta));
      return { ...state, scroll: { ...state.scroll, [key]: offset } };
    }
    case 'move-field': {
      if (screen.kind !== 'lesson') return state;
      const lesson = state.course.lessons[screen.lesson];
      const step = lesson?.steps[screen.step];
      if (!lesson || step?.kind !== 'manifest') return state;
      const key = stepKey(lesson, screen.step);
      const field = Math.min(step.fields.length - 1, Math.max(0, (state.field[key] ?? 0) + action.delta));
      return { ...state, field: { ...state.field, [key]: field } };
    }
  }
}
