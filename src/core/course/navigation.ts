// Moving through the course: the state the screens draw and the small root reducer over typed actions.
// Each screen's actions have a sub-reducer of their own in core/navigation/ (home, help, lesson,
// practice, quiz, trace); the root sends each action to its screen and keeps the few that belong
// to no screen (quit, notice, saved). The screen draws this state; nothing else moves.
import { courseFolder } from './course-folder.js';
import type { KubectlIO } from '../kubectl/index.js';
import type { EditAction } from '../shell/line-editor.js';
import type { Place, Progress } from '../progress/model.js';
import { lessonProgress } from '../progress/model.js';
import type { Course } from './model.js';
import { emptyPrompt, type LessonPractice, type Prompt } from './practice.js';
import type { AnswerSheet, SheetAction } from '../navigation/answer-sheet.js';
import type { QuizState } from '../quiz/index.js';
import { findPlace } from '../navigation/place.js';
import { helpScreen } from '../navigation/help.js';
import { homeScreen } from '../navigation/home.js';
import { lessonScreen } from '../navigation/lesson.js';
import { practiceScreen } from '../navigation/practice.js';
import { quizScreen } from '../navigation/quiz.js';
import { traceScreen } from '../navigation/trace.js';
import { ownKubectlReducer, type OwnKubectl, type OwnKubectlAction } from './own-kubectl.js';
import { realWorldReducer, type RealWorld, type RealWorldAction } from './real-world.js';

export { currentPlace, currentPractice, currentStep, outputKey, stepKey, takesDeepDives } from '../navigation/place.js';
export { goalMet } from '../navigation/practice.js';
export { conceptLessons, currentQuiz, reviewPool } from '../navigation/quiz.js';
export { currentTrace } from '../navigation/trace.js';

export type Screen = { readonly kind: 'home'; readonly cursor: number } | { readonly kind: 'lesson'; readonly lesson: number; readonly step: number };

export interface NavState {
  readonly course: Course;
  readonly screen: Screen;
  readonly progress: Progress;
  /** A saved place the course offers to continue from; shown over the lesson list until answered. */
  readonly resume: Place | null;
  readonly help: boolean;
  /** How far the help overlay is scrolled, when its keys do not fit the window. */
  readonly helpScroll?: number;
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
  /** On a real cluster (--cluster): its lesson namespace and the line running there (real-world.ts). */
  readonly real?: RealWorld | null;
}

export interface TraceView {
  /** The hop on screen: 0..hops+replies (the last shows the outcome). */
  readonly at: number;
  /** The ending the learner predicted, once they have; null while asking. */
  readonly predicted: string | null;
  /** The choice under the cursor while predicting. */
  readonly cursor: number;
  /**
   * The learner has chosen an ending (↑/↓). Until then none is marked and enter or space is no
   * guess, so the key that moved past the last hop of the trace before does not guess unread.
   */
  readonly picked?: boolean;
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
  /** Scrolls the help overlay, by `delta` rows within 0..max. */
  | { readonly type: 'help-scroll'; readonly delta: number; readonly max: number }
  | { readonly type: 'notice'; readonly text: string | null }
  /** Whether the last save of progress worked; `problem` says why not. */
  | { readonly type: 'saved'; readonly problem: string | null }
  | { readonly type: 'quit' }
  | { readonly type: 'prompt-edit'; readonly action: EditAction }
  | { readonly type: 'prompt-complete' }
  /** Enter at the prompt: run the line, or go on when the line is empty and the goal is met. */
  /** `columns`: the terminal's width, for output laid out to fit it (ls). */
  | { readonly type: 'prompt-submit'; readonly elapsedMs: number; readonly columns?: number }
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
  | OwnKubectlAction
  | RealWorldAction;

/** A sub-reducer's way on to the step before or after (the root's own reducer). */
export type Navigate = (state: NavState, action: Extract<NavAction, { type: 'next-step' | 'previous-step' }>) => NavState;

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
    files: courseFolder(setup.files),
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

/** The learner's next deed in a step: a notice given before it has had its moment, and goes. */
const DEEDS: ReadonlySet<NavAction['type']> = new Set<NavAction['type']>([
  'prompt-submit',
  'hint',
  'quiz-submit',
  'quiz-sheet',
  'quiz-give-up',
  'quiz-restart',
  'trace-move',
  'trace-predict',
  'trace-predict-move',
  'move-field',
]);

export function navigate(state: NavState, action: NavAction): NavState {
  return reduce(DEEDS.has(action.type) && state.notice !== null ? { ...state, notice: null } : state, action);
}

function reduce(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'quit':
      return { ...state, quit: true };
    case 'notice':
      return { ...state, notice: action.text };
    case 'saved':
      if (action.problem === null) return state.unsaved ? { ...state, unsaved: false, notice: 'Progress is being saved again.' } : state;
      // Said in full once; after that the screens' headers keep saying it.
      return state.unsaved ? state : { ...state, unsaved: true, notice: `${action.problem} You can go on; until this is fixed, nothing you do is kept.` };
    case 'own-kubectl':
      // On a real cluster the learner's own kubectl already reaches it: no simulated cluster to serve.
      if (state.real)
        return {
          ...state,
          notice: `Your own kubectl reaches this lesson's namespace on ${state.real.context} already; the course serves no simulated cluster here.`,
        };
      return ownKubectlReducer(state, action);
    case 'own-kubectl-ready':
    case 'own-kubectl-failed':
    case 'own-kubectl-stopped':
    case 'own-kubectl-log':
    case 'own-kubectl-cluster':
    case 'own-kubectl-request':
      return ownKubectlReducer(state, action);
    case 'real-opening':
    case 'real-ready':
    case 'real-failed':
    case 'real-closed':
    case 'real-cluster':
    case 'real-ran':
      return realWorldReducer(state, action);
    case 'toggle-help':
    case 'close-help':
    case 'help-scroll':
      return helpScreen(state, action);
    case 'move-cursor':
    case 'open-lesson':
    case 'answer-resume':
    case 'toggle-deep':
      return homeScreen(state, action);
    case 'next-step':
    case 'previous-step':
    case 'go-home':
    case 'scroll':
    case 'move-field':
    case 'open-place':
      return lessonScreen(state, action);
    case 'prompt-edit':
    case 'prompt-complete':
    case 'prompt-submit':
    case 'prompt-interrupt':
    case 'focus':
    case 'hint':
      return practiceScreen(state, action, navigate);
    case 'quiz-sheet':
    case 'quiz-submit':
    case 'quiz-give-up':
    case 'quiz-restart':
      return quizScreen(state, action, navigate);
    case 'trace-move':
    case 'trace-predict-move':
    case 'trace-predict':
    case 'trace-play':
      return traceScreen(state, action, navigate);
  }
}
