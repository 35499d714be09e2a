// The lesson screen: entering a step, moving on and back along the path, and each step's scroll and field.
import type { NavAction, NavState, Screen } from '../course/navigation.js';
import { nextInLesson, nextLesson, passedOver, previousInLesson, previousLesson } from '../course/path.js';
import { emptyPrompt, leaveStep, resumePractice, returnToStep, startPractice } from '../course/practice.js';
import { finishStep, visit } from '../progress/model.js';
import { getOwn } from '../own.js';
import { quizPhase } from '../quiz/index.js';
import { currentPlace, currentStep, findPlace, outputKey, stepKey, takesDeepDives, withPractice } from './place.js';
import { ensureQuiz } from './quiz.js';

export type LessonAction = Extract<NavAction, { type: 'next-step' | 'previous-step' | 'go-home' | 'scroll' | 'move-field' | 'open-place' }>;

/** Puts step `step` of lesson `lesson` on screen: its lesson's cluster made on first entry, the quiz started, the visit recorded. */
export function enter(state: NavState, lesson: number, step: number, notice: string | null): NavState {
  let next: NavState = state;
  const from = currentStep(state);
  if (from) next = withPractice(next, from.lesson, (p) => leaveStep(p, from.step.id));
  const target = state.course.lessons[lesson];
  const targetStep = target?.steps[step];
  if (target && !getOwn(next.practice, target.id)) {
    // Coming back to a lesson at a later step (after a restart): the steps finished before it are
    // done again on its fresh cluster, so what they made is there.
    const finished = getOwn(state.progress.lessons, target.id)?.done ?? [];
    const resumed = step > 0 && !state.real ? resumePractice(target, step, finished, state.seed + lesson, state.files) : null;
    next = { ...next, practice: { ...next.practice, [target.id]: resumed?.practice ?? startPractice(target, state.seed + lesson, state.files) } };
    if (resumed && resumed.replayed > 0 && notice === null)
      notice = `Your cluster for this lesson was made again as your earlier ${resumed.replayed === 1 ? 'step leaves' : `${resumed.replayed} steps leave`} it.`;
  }
  const backwards = state.screen.kind === 'lesson' && (lesson < state.screen.lesson || (lesson === state.screen.lesson && step < state.screen.step));
  if (target && targetStep && backwards) next = withPractice(next, target, (p) => returnToStep(p, targetStep.id));
  const screen: Screen = { kind: 'lesson', lesson, step };
  next = ensureQuiz({ ...next, screen, help: false, resume: null, notice, prompt: emptyPrompt, focus: 'prompt', playing: false });
  const place = currentPlace(next);
  return place ? { ...next, progress: visit(next.progress, place) } : next;
}

const passedNotice = (count: number): string | null =>
  count === 0 ? null : `Passed over ${count === 1 ? 'a deep dive' : `${count} deep dives`} (d on the lesson list takes them).`;

function nextStep(state: NavState, lessonIndex: number, stepIndex: number): NavState {
  const { lessons } = state.course;
  const lesson = lessons[lessonIndex];
  const step = lesson?.steps[stepIndex];
  if (!lesson || !step) return state;
  const deep = takesDeepDives(state);
  const following = nextInLesson(lesson, stepIndex, deep);
  const isLast = following === null;
  // A quiz left before its end (lesson keys, then →) is not done: the lesson stays open, and the
  // quiz waits with its missed questions where the learner left it.
  const quiz = step.kind === 'quiz' ? state.quizzes[stepKey(lesson, stepIndex)] : undefined;
  const unfinished = quiz !== undefined && quizPhase(quiz) !== 'done';
  const progress = unfinished ? state.progress : finishStep(state.progress, { lesson: lesson.id, step: step.id }, isLast);
  const after = { ...state, progress };
  const left = unfinished ? `The quiz of "${lesson.title}" is not finished; it waits for you there.` : null;
  if (following !== null) return enter(after, lessonIndex, following, left ?? passedNotice(passedOver(lesson, stepIndex, following, deep)));
  const upcoming = nextLesson(lessons, lessonIndex, deep);
  if (upcoming) {
    const skipped = upcoming.lesson - lessonIndex - 1;
    const also =
      skipped === 0
        ? ''
        : ` Passed over ${skipped === 1 ? 'a deep-dive lesson' : `${skipped} deep-dive lessons`} (open it from the lesson list, or d there takes deep dives).`;
    return enter(after, upcoming.lesson, upcoming.step, left ?? `Lesson finished: ${lesson.title}.${also}`);
  }
  return { ...after, screen: { kind: 'home', cursor: lessonIndex }, help: false, notice: left ?? 'You finished the course. Well done!' };
}

function previousStep(state: NavState, lessonIndex: number, stepIndex: number): NavState {
  const lesson = state.course.lessons[lessonIndex];
  if (!lesson) return state;
  const deep = takesDeepDives(state);
  const before = previousInLesson(lesson, stepIndex, deep);
  if (before !== null) return enter(state, lessonIndex, before, null);
  const previous = previousLesson(state.course.lessons, lessonIndex, deep);
  return previous ? enter(state, previous.lesson, previous.step, null) : state;
}

export function lessonScreen(state: NavState, action: LessonAction): NavState {
  const { screen } = state;
  switch (action.type) {
    case 'next-step':
      return screen.kind === 'lesson' ? nextStep(state, screen.lesson, screen.step) : state;
    case 'previous-step':
      return screen.kind === 'lesson' ? previousStep(state, screen.lesson, screen.step) : state;
    case 'go-home':
      return {
        ...state,
        screen: { kind: 'home', cursor: screen.kind === 'lesson' ? screen.lesson : screen.cursor },
        help: false,
        notice: null,
      };
    case 'open-place': {
      const place = findPlace(state.course, action.place);
      return place ? enter(state, place.lesson, place.step, null) : state;
    }
    case 'scroll': {
      if (screen.kind !== 'lesson') return state;
      const lesson = state.course.lessons[screen.lesson];
      if (!lesson) return state;
      const key = action.pane === 'output' ? outputKey(lesson, screen.step) : stepKey(lesson, screen.step);
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
