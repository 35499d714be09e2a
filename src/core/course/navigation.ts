// Moving through the course: a reducer over typed actions. The screen draws this state; nothing else moves.
import type { KubectlIO } from '../kubectl/index.js';
import type { EditAction } from '../shell/line-editor.js';
import { finishStep, lessonProgress, recordQuestion, recordQuiz, setDeepDives, visit, type Place, type Progress } from '../progress/model.js';
import { nextInLesson, nextLesson, passedOver, pathSteps, previousInLesson, previousLesson } from './path.js';
import { checkGoal } from './goals.js';
import { placeKey, type Course, type Lesson, type QuizStep, type Step } from './model.js';
import {
  completePrompt,
  editPrompt,
  emptyPrompt,
  leaveStep,
  returnToStep,
  runPractice,
  attemptsIn,
  showHint,
  startPractice,
  type LessonPractice,
  type Prompt,
} from './practice.js';
import { freshSheet, responseFrom, updateSheet, type AnswerSheet, type SheetAction } from './answer-sheet.js';
import { quizFacts } from './quiz-facts.js';
import { ENDINGS } from './trace-step.js';
import { getOwn } from '../own.js';
import { ownKubectlReducer, type OwnKubectl, type OwnKubectlAction } from './own-kubectl.js';
import { quizPhase, quizReducer, startQuiz, startReview, summary, type Concept, type Facts, type Question, type QuizAction, type QuizState } from '../quiz/index.js';

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
  /** The last save failed: every screen says so until one succeeds. */
  readonly unsaved: boolean;
  readonly quit: boolean;
  /** Seeds every lesson's cluster (the lesson's index is added). */
  readonly seed: number;
  /** The files a practice prompt can apply: the course's manifests. */
  readonly files: KubectlIO;
  readonly fileNames: readonly string[];
  /** Each lesson's cluster and what the learner did in it, by lesson id. */
  readonly practice: Readonly<Record<string, LessonPractice>>;
  /** The prompt of the practice step on screen. */
  readonly prompt: Prompt;
  /** In a practice step, whether keys go to the prompt or move through the lesson. */
  readonly focus: 'prompt' | 'page';
  /** Each quiz the learner has started, by `lesson/step`: kept, so going back shows it as it was. */
  readonly quizzes: Readonly<Record<string, QuizState>>;
  /** The answer being built for the question on screen. */
  readonly sheet: AnswerSheet | null;
  /** Each trace step's view, by `lesson/step`: the hop on screen and the learner's prediction. */
  readonly traces: Readonly<Record<string, TraceView>>;
  /** A trace is playing: the screen steps to the next hop on its own until the end or a key. */
  readonly playing: boolean;
  /** The practice step served to the learner's own kubectl, if any (own-kubectl.ts). */
  readonly ownKubectl?: OwnKubectl | null;
}

export interface TraceView {
  /** The hop on screen: 0..hops+replies (the last shows the outcome). */
  readonly at: number;
  /** The ending the learner predicted, once they have; null while asking. */
  readonly predicted: string | null;
  /** The choice under the cursor while predicting. */
  readonly cursor: number;
}

export interface PracticeSetup {
  readonly seed: number;
  readonly files: ReadonlyMap<string, string>;
}

export type NavAction =
  | { readonly type: 'move-cursor'; readonly delta: number }
  | { readonly type: 'open-lesson'; readonly lesson?: number }
  | { readonly type: 'answer-resume'; readonly accept: boolean }
  | { readonly type: 'next-step' }
  | { readonly type: 'previous-step' }
  | { readonly type: 'go-home' }
  /** Scrolls the step's text, or (pane 'output') a practice step's output, counted up from its end. */
  | { readonly type: 'scroll'; readonly delta: number; readonly max: number; readonly pane?: 'output' }
  | { readonly type: 'move-field'; readonly delta: number }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'close-help' }
  | { readonly type: 'notice'; readonly text: string | null }
  /** Whether the last save of progress worked; `problem` says why not. */
  | { readonly type: 'saved'; readonly problem: string | null }
  | { readonly type: 'quit' }
  | { readonly type: 'prompt-edit'; readonly action: EditAction }
  | { readonly type: 'prompt-complete' }
  /** Enter at the prompt: run the line, or go on when the line is empty and the goal is met. */
  | { readonly type: 'prompt-submit'; readonly elapsedMs: number }
  /** Ctrl-C at the prompt: clear the line, or quit when it is already empty. */
  | { readonly type: 'prompt-interrupt' }
  | { readonly type: 'focus'; readonly to: 'prompt' | 'page' }
  | { readonly type: 'hint' }
  | { readonly type: 'quiz-sheet'; readonly action: SheetAction }
  /** Enter in a quiz: answer, then go on to the next question, then (at the end) the next step. */
  | { readonly type: 'quiz-submit' }
  /** Show the answer; the question counts as missed and comes back later. */
  | { readonly type: 'quiz-give-up' }
  | { readonly type: 'quiz-restart' }
  /** Move through a trace's hops (or, at either end, to the next or previous step). */
  | { readonly type: 'trace-move'; readonly delta: number; readonly stops: number; readonly auto?: boolean }
  /** Move the prediction cursor, or choose the prediction under it. */
  | { readonly type: 'trace-predict-move'; readonly delta: number }
  /** Take the ending under the cursor as the learner's guess. */
  | { readonly type: 'trace-predict' }
  | { readonly type: 'trace-play'; readonly on: boolean }
  /** Straight to a step (nodeport-lab quiz). */
  | { readonly type: 'open-place'; readonly place: Place }
  /** Take deep dives, or pass over them (the learner's choice, kept in progress). */
  | { readonly type: 'toggle-deep' }
  | OwnKubectlAction;

export function stepKey(lesson: Lesson, step: number): string {
  const found = lesson.steps[step];
  return found ? placeKey(lesson, found) : `${lesson.id}/${step}`;
}

function findPlace(course: Course, place: Place | null): { lesson: number; step: number } | null {
  if (!place) return null;
  const lesson = course.lessons.findIndex((l) => l.id === place.lesson);
  const step = course.lessons[lesson]?.steps.findIndex((s) => s.id === place.step) ?? -1;
  return lesson >= 0 && step >= 0 ? { lesson, step } : null;
}

export function initialNav(course: Course, progress: Progress, notice: string | null = null, setup: PracticeSetup = { seed: 1, files: new Map() }): NavState {
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
    unsaved: false,
    quit: false,
    seed: setup.seed,
    files: { readFile: (path) => setup.files.get(path) ?? setup.files.get(path.replace(/^\.\//, '')) ?? { error: 'not-found' } },
    fileNames: [...setup.files.keys()],
    practice: {},
    prompt: emptyPrompt,
    focus: 'prompt',
    quizzes: {},
    sheet: null,
    traces: {},
    playing: false,
  };
}

/** The trace step on screen: its key and its view (a fresh one before the learner has moved). */
export function currentTrace(state: NavState): { key: string; view: TraceView; predict: boolean; started: boolean } | null {
  const here = currentStep(state);
  if (!here || here.step.kind !== 'trace') return null;
  const key = placeKey(here.lesson, here.step);
  const view = state.traces[key];
  return { key, view: view ?? { at: 0, predicted: null, cursor: 0 }, predict: here.step.predict, started: view !== undefined };
}

function withTraceView(state: NavState, update: (view: TraceView) => TraceView): NavState {
  const found = currentTrace(state);
  return found ? { ...state, traces: { ...state.traces, [found.key]: update(found.view) } } : state;
}

/** The quiz on screen and its key, when the step is a quiz. */
export function currentQuiz(state: NavState): { key: string; quiz: QuizState } | null {
  const here = currentStep(state);
  if (!here || here.step.kind !== 'quiz') return null;
  const key = placeKey(here.lesson, here.step);
  const quiz = state.quizzes[key];
  return quiz ? { key, quiz } : null;
}

/** Starts the quiz of a quiz step the first time the learner arrives, with facts from their cluster. */
function ensureQuiz(state: NavState): NavState {
  const here = currentStep(state);
  if (!here || here.step.kind !== 'quiz') return { ...state, sheet: null };
  const key = placeKey(here.lesson, here.step);
  const quiz = state.quizzes[key] ?? beginQuiz(state, here.step, here.index, learnerFacts(state, here.lesson));
  const turn = quiz.current;
  return { ...state, quizzes: { ...state.quizzes, [key]: quiz }, sheet: turn ? freshSheet(turn.presented) : null };
}

/** A lesson's quiz asks its questions; a review asks a round planned from the learner's history. */
function beginQuiz(state: NavState, step: QuizStep, lessonIndex: number, facts: Facts): QuizState {
  if (!step.review) return startQuiz(step.questions, { seed: state.seed + lessonIndex, facts });
  const history = state.progress.history;
  return startReview(reviewPool(state, step), { seed: state.seed + lessonIndex + (history?.answers ?? 0), facts, ...(history ? { history } : {}) });
}

/** A review's questions: on the core path, those of the core quizzes and of any deep dive the learner has answered. */
export function reviewPool(state: NavState, step: QuizStep): readonly Question[] {
  if (takesDeepDives(state)) return step.questions;
  const deep = new Set(step.deepQuestions ?? []);
  const answered = state.progress.history?.questions ?? {};
  return step.questions.filter((q) => !deep.has(q.id) || answered[q.id] !== undefined);
}

/**
 * Facts for personal questions: from this lesson's cluster, else from the latest lesson where the
 * learner made a NodePort service (a review quiz's own cluster is empty).
 */
function learnerFacts(state: NavState, lesson: Lesson): Facts {
  const here = quizFacts(getOwn(state.practice, lesson.id)?.shell.cluster);
  if (Object.keys(here).length > 0) return here;
  for (const other of [...state.course.lessons].reverse()) {
    const facts = quizFacts(getOwn(state.practice, other.id)?.shell.cluster);
    if (Object.keys(facts).length > 0) return facts;
  }
  // No cluster of the learner's has a NodePort service yet (the review opened straight away): the
  // latest lesson whose setup makes one lends its seeded cluster, so every question is asked
  // whichever way the learner came.
  const lessons = state.course.lessons;
  for (let i = lessons.length - 1; i >= 0; i--) {
    const other = lessons[i]!;
    if (other.setup.length === 0) continue;
    const facts = quizFacts(startPractice(other, state.seed + i, state.files).shell.cluster);
    if (Object.keys(facts).length > 0) return facts;
  }
  return {};
}

/** For "worth another look": each concept with the lessons whose own quizzes ask about it. */
export function conceptLessons(course: Course): Partial<Record<Concept, string[]>> {
  const map: Partial<Record<Concept, string[]>> = {};
  for (const lesson of course.lessons) {
    for (const step of lesson.steps) {
      if (step.kind !== 'quiz' || step.review) continue;
      for (const concept of new Set(step.questions.flatMap((q) => q.concepts))) {
        const list = (map[concept] ??= []);
        if (!list.includes(lesson.title)) list.push(lesson.title);
      }
    }
  }
  return map;
}

function quizStep(state: NavState, action: QuizAction): NavState {
  const found = currentQuiz(state);
  if (!found) return state;
  const quiz = quizReducer(found.quiz, action);
  // Every answer is kept at once, so a quiz left at any point has counted what was answered.
  const answered = quiz.current && !found.quiz.current?.grade ? quiz.current : null;
  const progress = answered?.grade ? recordQuestion(state.progress, answered.presented.question.id, answered.grade.correct) : state.progress;
  const next: NavState = { ...state, progress, quizzes: { ...state.quizzes, [found.key]: quiz } };
  if (quizPhase(quiz) === 'done' && quizPhase(found.quiz) !== 'done') {
    const result = summary(quiz, { conceptLessons: conceptLessons(state.course) }).result;
    return { ...next, progress: recordQuiz(next.progress, found.key, result) };
  }
  return next;
}

/** The step on screen, when in a lesson. */
export function currentStep(state: NavState): { lesson: Lesson; step: Step; index: number } | null {
  if (state.screen.kind !== 'lesson') return null;
  const lesson = state.course.lessons[state.screen.lesson];
  const step = lesson?.steps[state.screen.step];
  return lesson && step ? { lesson, step, index: state.screen.lesson } : null;
}

/** The cluster of the lesson on screen (created on entering the lesson). */
export function currentPractice(state: NavState): LessonPractice | null {
  const here = currentStep(state);
  return here ? (getOwn(state.practice, here.lesson.id) ?? null) : null;
}

/** Whether the practice step on screen has met its goal (true for any other step). */
export function goalMet(state: NavState): boolean {
  const here = currentStep(state);
  const practice = currentPractice(state);
  if (!here || here.step.kind !== 'do' || !practice) return true;
  return checkGoal(here.step.goal, practice.shell.cluster, attemptsIn(practice, here.step.id)).every((p) => p.met);
}

function withPractice(state: NavState, lesson: Lesson, update: (p: LessonPractice) => LessonPractice): NavState {
  const practice = getOwn(state.practice, lesson.id);
  return practice ? { ...state, practice: { ...state.practice, [lesson.id]: update(practice) } } : state;
}

/** Where a practice step's output pane is scrolled to, in `scroll`: lines up from its end. */
export function outputKey(lesson: Lesson, step: number): string {
  return `${stepKey(lesson, step)}#output`;
}

/** The place the learner is at, when in a lesson. */
export function currentPlace(state: NavState): Place | null {
  if (state.screen.kind !== 'lesson') return null;
  const lesson = state.course.lessons[state.screen.lesson];
  const step = lesson?.steps[state.screen.step];
  return lesson && step ? { lesson: lesson.id, step: step.id } : null;
}

function enter(state: NavState, lesson: number, step: number, notice: string | null): NavState {
  let next: NavState = state;
  const from = currentStep(state);
  if (from) next = withPractice(next, from.lesson, (p) => leaveStep(p, from.step.id));
  const target = state.course.lessons[lesson];
  const targetStep = target?.steps[step];
  if (target && !getOwn(next.practice, target.id)) {
    next = { ...next, practice: { ...next.practice, [target.id]: startPractice(target, state.seed + lesson, state.files) } };
  }
  const backwards = state.screen.kind === 'lesson' && (lesson < state.screen.lesson || (lesson === state.screen.lesson && step < state.screen.step));
  if (target && targetStep && backwards) next = withPractice(next, target, (p) => returnToStep(p, targetStep.id));
  const screen: Screen = { kind: 'lesson', lesson, step };
  next = ensureQuiz({ ...next, screen, help: false, resume: null, notice, prompt: emptyPrompt, focus: 'prompt', playing: false });
  const place = currentPlace(next);
  return place ? { ...next, progress: visit(next.progress, place) } : next;
}

/** Whether the learner takes deep dives (else moving on passes over them). */
export function takesDeepDives(state: NavState): boolean {
  return state.progress.deepDives ?? false;
}

/** Where to open a lesson from the list: its first unfinished step on the path, or the start. */
function openingStep(state: NavState, lesson: Lesson): number {
  const done = lessonProgress(state.progress, lesson.id);
  const path = pathSteps(lesson, takesDeepDives(state));
  if (done.complete) return path[0] ?? 0;
  const index = path.find((i) => !done.done.includes(lesson.steps[i]!.id));
  return index ?? path[0] ?? 0;
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
    const skipped = lessons.slice(lessonIndex + 1, upcoming.lesson).length;
    const also = skipped === 0 ? '' : ` Passed over ${skipped === 1 ? 'a deep-dive lesson' : `${skipped} deep-dive lessons`} (open it from the lesson list, or d there takes deep dives).`;
    return enter(after, upcoming.lesson, upcoming.step, left ?? `Lesson finished: ${lesson.title}.${also}`);
  }
  return { ...after, screen: { kind: 'home', cursor: lessonIndex }, help: false, notice: left ?? 'You finished the course. Well done!' };
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
    case 'saved':
      if (action.problem === null) return state.unsaved ? { ...state, unsaved: false, notice: 'Progress is being saved again.' } : state;
      // Said in full once; after that the screens' headers keep saying it.
      return state.unsaved ? state : { ...state, unsaved: true, notice: `${action.problem} You can go on; until this is fixed, nothing you do is kept.` };
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
    case 'previous-step': {
      if (screen.kind !== 'lesson') return state;
      const lesson = state.course.lessons[screen.lesson];
      if (!lesson) return state;
      const deep = takesDeepDives(state);
      const before = previousInLesson(lesson, screen.step, deep);
      if (before !== null) return enter(state, screen.lesson, before, null);
      const previous = previousLesson(state.course.lessons, screen.lesson, deep);
      return previous ? enter(state, previous.lesson, previous.step, null) : state;
    }
    case 'toggle-deep': {
      const on = !takesDeepDives(state);
      const notice = on
        ? 'Deep dives on: moving on takes every step and lesson.'
        : 'Deep dives off: moving on passes over them; the lesson list still opens any lesson.';
      return { ...state, progress: setDeepDives(state.progress, on), notice };
    }
    case 'scroll': {
      if (screen.kind !== 'lesson') return state;
      const lesson = state.course.lessons[screen.lesson];
      if (!lesson) return state;
      const key = action.pane === 'output' ? outputKey(lesson, screen.step) : stepKey(lesson, screen.step);
      const offset = Math.min(Math.max(0, action.max), Math.max(0, (state.scroll[key] ?? 0) + action.delta));
      return { ...state, scroll: { ...state.scroll, [key]: offset } };
    }
    case 'prompt-edit':
      return { ...state, prompt: editPrompt(state.prompt, action.action) };
    case 'prompt-complete': {
      const practice = currentPractice(state);
      return practice ? { ...state, prompt: completePrompt(state.prompt, practice.shell.cluster, state.fileNames) } : state;
    }
    case 'prompt-interrupt':
      return state.prompt.editor.text === '' ? { ...state, quit: true } : { ...state, prompt: editPrompt(state.prompt, { type: 'clear' }) };
    case 'prompt-submit': {
      const here = currentStep(state);
      if (!here || here.step.kind !== 'do') return state;
      const line = state.prompt.editor.text;
      if (line.trim() === '') return goalMet(state) ? navigate(state, { type: 'next-step' }) : state;
      const { step } = here;
      const prompt = editPrompt(state.prompt, { type: 'submit' });
      const next = withPractice(state, here.lesson, (p) => runPractice(p, step.id, line, state.files, action.elapsedMs, step.hints.length, step));
      // A new command brings the output back to its end, where its answer is.
      return { ...next, prompt, scroll: { ...next.scroll, [outputKey(here.lesson, state.screen.kind === 'lesson' ? state.screen.step : 0)]: 0 } };
    }
    case 'focus':
      return { ...state, focus: action.to };
    case 'hint': {
      const here = currentStep(state);
      if (!here || here.step.kind !== 'do') return state;
      const { step } = here;
      return withPractice(state, here.lesson, (p) => showHint(p, step.id, step.hints.length));
    }
    case 'trace-move': {
      const found = currentTrace(state);
      if (!found) return state;
      const at = found.view.at + action.delta;
      // The play timer only ever moves within the trace, and only while playing.
      if (action.auto && (!state.playing || at > action.stops - 1)) return state.playing ? { ...state, playing: false } : state;
      if (at < 0) return navigate(state, { type: 'previous-step' });
      if (at > action.stops - 1) return navigate({ ...state, playing: false }, { type: 'next-step' });
      return { ...withTraceView(state, (view) => ({ ...view, at })), playing: state.playing && at < action.stops - 1 };
    }
    case 'trace-predict-move':
      return withTraceView(state, (view) => ({ ...view, cursor: Math.max(0, Math.min(ENDINGS.length - 1, view.cursor + action.delta)) }));
    case 'trace-play':
      return { ...state, playing: action.on && currentTrace(state) !== null };
    case 'trace-predict':
      return withTraceView(state, (view) => ({ ...view, predicted: ENDINGS[view.cursor]?.id ?? null }));
    case 'open-place': {
      const place = findPlace(state.course, action.place);
      return place ? enter(state, place.lesson, place.step, null) : state;
    }
    case 'quiz-sheet': {
      const turn = currentQuiz(state)?.quiz.current;
      if (!turn || turn.grade || !state.sheet) return state;
      return { ...state, sheet: updateSheet(state.sheet, turn.presented, action.action) };
    }
    case 'quiz-submit': {
      const found = currentQuiz(state);
      if (!found) return state;
      const phase = quizPhase(found.quiz);
      if (phase === 'done') return navigate(state, { type: 'next-step' });
      const turn = found.quiz.current;
      if (!turn || !state.sheet) return state;
      if (phase === 'question') {
        if (turn.presented.question.kind === 'typed' && state.prompt.editor.text.trim() === '') return state;
        const response = responseFrom(state.sheet, turn.presented, state.prompt.editor.text);
        return quizStep(state, { type: 'answer', response });
      }
      const after = quizStep(state, { type: 'next' });
      const upcoming = currentQuiz(after)?.quiz.current;
      return { ...after, sheet: upcoming ? freshSheet(upcoming.presented) : null, prompt: emptyPrompt };
    }
    case 'quiz-give-up': {
      const found = currentQuiz(state);
      return found && quizPhase(found.quiz) === 'question' ? quizStep(state, { type: 'give-up' }) : state;
    }
    case 'quiz-restart': {
      const found = currentQuiz(state);
      if (!found || quizPhase(found.quiz) !== 'done') return state;
      const others = Object.fromEntries(Object.entries(state.quizzes).filter(([key]) => key !== found.key));
      return ensureQuiz({ ...state, quizzes: others, prompt: emptyPrompt });
    }
    case 'own-kubectl':
    case 'own-kubectl-ready':
    case 'own-kubectl-failed':
    case 'own-kubectl-stopped':
    case 'own-kubectl-log':
    case 'own-kubectl-cluster':
    case 'own-kubectl-request':
      return ownKubectlReducer(state, action);
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
