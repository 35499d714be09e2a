// The lesson list: the cursor, opening a lesson, the offer to resume, and the deep-dive switch.
import type { NavAction, NavState } from '../course/navigation.js';
import type { Lesson } from '../course/model.js';
import { pathSteps } from '../course/path.js';
import { lessonProgress, setDeepDives } from '../progress/model.js';
import { findPlace, takesDeepDives } from './place.js';
import { enter } from './lesson.js';

export type HomeAction = Extract<NavAction, { type: 'move-cursor' | 'open-lesson' | 'answer-resume' | 'toggle-deep' }>;

/** Where to open a lesson from the list: its first unfinished step on the path, or the start. */
function openingStep(state: NavState, lesson: Lesson): number {
  const done = lessonProgress(state.progress, lesson.id);
  const path = pathSteps(lesson, takesDeepDives(state));
  if (done.complete) return path[0] ?? 0;
  const index = path.find((i) => !done.done.includes(lesson.steps[i]!.id));
  return index ?? path[0] ?? 0;
}

export function homeScreen(state: NavState, action: HomeAction): NavState {
  const { screen } = state;
  switch (action.type) {
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
    case 'answer-resume': {
      const place = findPlace(state.course, state.resume);
      if (!action.accept || !place) return { ...state, resume: null };
      return enter(state, place.lesson, place.step, null);
    }
    case 'toggle-deep': {
      const on = !takesDeepDives(state);
      const notice = on
        ? 'Deep dives on: moving on takes every step and lesson.'
        : 'Deep dives off: moving on passes over them; the lesson list still opens any lesson.';
      return { ...state, progress: setDeepDives(state.progress, on), notice };
    }
  }
}
