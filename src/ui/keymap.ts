// Every key binding, as data: the router reads it to dispatch, the help overlay to explain.
import type { SheetAction } from '../core/navigation/answer-sheet.js';
import { currentQuiz, currentStep, currentTrace, type NavAction, type NavState } from '../core/course/navigation.js';
import type { EditAction } from '../core/shell/line-editor.js';
import { hasLetterOrDigit } from '../core/course/pace.js';

export type KeyName =
  'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' | 'enter' | 'escape' | 'space' | 'tab' | 'ctrl-c' | 'ctrl-d' | (string & {});

/** Where the keys go: decided from the state, one context at a time. */
export type Context = 'resume' | 'home' | 'lesson' | 'manifest' | 'practice' | 'quiz' | 'quiz-typed' | 'trace' | 'trace-predict' | 'help';

/** What a view knows that an action may need: how tall a page is and how far one can scroll. */
export interface ViewMetrics {
  readonly page: number;
  readonly maxScroll: number;
  /** Time since the previous key, for the cluster's clock when a command runs. */
  readonly elapsedMs?: number;
  /** The terminal's width, for a command's output laid out to fit it (ls). */
  readonly columns?: number;
  /** A trace: how many stops it has (each hop, then the outcome). */
  readonly stops?: number;
  /** A practice step's output pane: its height and how many earlier lines it can scroll back. */
  readonly outputPage?: number;
  readonly outputMaxScroll?: number;
}

/** A key binding: the course's (NavAction in a Context) or another app's own actions and contexts (the sandbox's). */
export interface Binding<A = NavAction, C extends string = Context> {
  readonly contexts: readonly C[];
  readonly keys: readonly KeyName[];
  /** How the keys are written in the help overlay. */
  readonly label: string;
  readonly does: string;
  /** A short form for the footer, when the binding deserves a place there. */
  readonly hint?: string;
  /** `key` is the key that was pressed, for a binding of several keys that differ in meaning (the digits). */
  readonly action: (view: ViewMetrics, key: KeyName) => A;
}

const READING: readonly Context[] = ['lesson', 'manifest'];

const edit = (action: EditAction) => (): NavAction => ({ type: 'prompt-edit', action });
const PRACTICE: readonly Context[] = ['practice'];
const QUIZ: readonly Context[] = ['quiz', 'quiz-typed'];
const sheet = (action: SheetAction) => (): NavAction => ({ type: 'quiz-sheet', action });

const scroll =
  (delta: (v: ViewMetrics) => number) =>
  (v: ViewMetrics): NavAction => ({ type: 'scroll', delta: delta(v), max: v.maxScroll });
const helpScroll =
  (delta: (v: ViewMetrics) => number) =>
  (v: ViewMetrics): NavAction => ({ type: 'help-scroll', delta: delta(v), max: v.maxScroll });
const scrollOutput =
  (delta: (v: ViewMetrics) => number) =>
  (v: ViewMetrics): NavAction => ({ type: 'scroll', pane: 'output', delta: delta(v), max: v.outputMaxScroll ?? 0 });

/**
 * Page keys on a practice step move its output pane whichever keys are on (the pane's rule offers
 * pgup there, and ↑↓ scroll the instructions); on other steps they move the text.
 */
const pageOrOutput =
  (text: (v: ViewMetrics) => number, output: (v: ViewMetrics) => number) =>
  (v: ViewMetrics): NavAction =>
    v.outputMaxScroll !== undefined ? scrollOutput(output)(v) : scroll(text)(v);

export const BINDINGS: readonly Binding[] = [
  {
    contexts: ['resume'],
    keys: ['enter', 'y'],
    label: 'enter / y',
    does: 'continue where you left off',
    hint: 'enter continue',
    action: () => ({ type: 'answer-resume', accept: true }),
  },
  {
    contexts: ['resume'],
    keys: ['n', 'escape'],
    label: 'n / esc',
    does: 'go to the lesson list instead',
    hint: 'n lesson list',
    action: () => ({ type: 'answer-resume', accept: false }),
  },
  { contexts: ['home'], keys: ['up', 'k'], label: '↑ / k', does: 'previous lesson', action: () => ({ type: 'move-cursor', delta: -1 }) },
  { contexts: ['home'], keys: ['down', 'j'], label: '↓ / j', does: 'next lesson', hint: '↑↓ choose', action: () => ({ type: 'move-cursor', delta: 1 }) },
  {
    contexts: ['home'],
    keys: ['enter', 'right', 'space'],
    label: 'enter / →',
    does: 'open the lesson',
    hint: 'enter open',
    action: () => ({ type: 'open-lesson' }),
  },
  {
    contexts: READING,
    keys: ['right', 'enter', 'space', 'n'],
    label: '→ / enter / space',
    does: 'next step',
    hint: '→ next',
    action: () => ({ type: 'next-step' }),
  },
  { contexts: READING, keys: ['left', 'b', 'p'], label: '← / b', does: 'previous step', hint: '← back', action: () => ({ type: 'previous-step' }) },
  { contexts: ['lesson'], keys: ['down', 'j'], label: '↓ / j', does: 'scroll down', hint: '↑↓ scroll', action: scroll(() => 1) },
  { contexts: ['lesson'], keys: ['up', 'k'], label: '↑ / k', does: 'scroll up', action: scroll(() => -1) },
  {
    contexts: ['manifest'],
    keys: ['down', 'j'],
    label: '↓ / j',
    does: 'next field of the manifest',
    hint: '↑↓ fields',
    action: () => ({ type: 'move-field', delta: 1 }),
  },
  { contexts: ['manifest'], keys: ['up', 'k'], label: '↑ / k', does: 'previous field of the manifest', action: () => ({ type: 'move-field', delta: -1 }) },
  {
    contexts: READING,
    keys: ['pagedown'],
    label: 'page down',
    does: "scroll a page down (a practice step's output, as at its prompt)",
    action: pageOrOutput(
      (v) => v.page,
      (v) => -(v.outputPage ?? 1),
    ),
  },
  {
    contexts: READING,
    keys: ['pageup'],
    label: 'page up',
    does: "scroll a page up (a practice step's output, as at its prompt)",
    action: pageOrOutput(
      (v) => -v.page,
      (v) => v.outputPage ?? 1,
    ),
  },
  { contexts: READING, keys: ['home', 'g'], label: 'home / g', does: 'back to the top', action: scroll((v) => -v.maxScroll - 1) },
  { contexts: READING, keys: ['end', 'G'], label: 'end / G', does: 'to the bottom', action: scroll((v) => v.maxScroll + 1) },
  { contexts: READING, keys: ['l', 'escape'], label: 'l / esc', does: 'the lesson list', hint: 'l lessons', action: () => ({ type: 'go-home' }) },
  {
    contexts: PRACTICE,
    keys: ['enter'],
    label: 'enter',
    does: 'run the command (on an empty line, once the goal is met: next step)',
    hint: 'enter run',
    action: (v) => ({ type: 'prompt-submit', elapsedMs: v.elapsedMs ?? 0, ...(v.columns ? { columns: v.columns } : {}) }),
  },
  {
    contexts: PRACTICE,
    keys: ['ctrl-o'],
    label: 'ctrl-o',
    does: "your own kubectl: serve this step's cluster on 127.0.0.1 for it (again: stop)",
    hint: 'ctrl-o kubectl',
    action: () => ({ type: 'own-kubectl' }),
  },
  { contexts: PRACTICE, keys: ['tab'], label: 'tab', does: 'complete a command, a name or a file', action: () => ({ type: 'prompt-complete' }) },
  { contexts: PRACTICE, keys: ['up'], label: '↑ / ↓', does: 'earlier commands', action: edit({ type: 'history', delta: -1 }) },
  { contexts: PRACTICE, keys: ['down'], label: '↓', does: 'later commands', action: edit({ type: 'history', delta: 1 }) },
  { contexts: PRACTICE, keys: ['left'], label: '←', does: 'cursor left', action: edit({ type: 'move', to: 'left' }) },
  { contexts: PRACTICE, keys: ['right'], label: '→', does: 'cursor right', action: edit({ type: 'move', to: 'right' }) },
  { contexts: PRACTICE, keys: ['home', 'ctrl-a'], label: 'home / ctrl-a', does: 'start of the line', action: edit({ type: 'move', to: 'home' }) },
  { contexts: PRACTICE, keys: ['end', 'ctrl-e'], label: 'end / ctrl-e', does: 'end of the line', action: edit({ type: 'move', to: 'end' }) },
  { contexts: PRACTICE, keys: ['backspace'], label: 'backspace', does: 'erase to the left', action: edit({ type: 'backspace' }) },
  { contexts: PRACTICE, keys: ['ctrl-w'], label: 'ctrl-w', does: 'erase the word before the cursor', action: edit({ type: 'delete-word' }) },
  { contexts: PRACTICE, keys: ['ctrl-u'], label: 'ctrl-u', does: 'erase the line', action: edit({ type: 'clear' }) },
  {
    contexts: PRACTICE,
    keys: ['pageup'],
    label: 'page up',
    does: 'scroll the output back (earlier commands and their output)',
    hint: 'pgup/pgdn output',
    action: scrollOutput((v) => v.outputPage ?? 1),
  },
  {
    contexts: PRACTICE,
    keys: ['pagedown'],
    label: 'page down',
    does: 'scroll the output on, to the prompt',
    action: scrollOutput((v) => -(v.outputPage ?? 1)),
  },
  {
    contexts: PRACTICE,
    keys: ['escape'],
    label: 'esc',
    does: 'lesson keys: → next, ← back, h hint, l lessons, q quit',
    hint: 'esc lesson keys',
    action: () => ({ type: 'focus', to: 'page' }),
  },
  {
    contexts: PRACTICE,
    keys: ['ctrl-c'],
    label: 'ctrl-c',
    does: 'erase the line; on an empty line, quit',
    hint: 'type hint for a hint',
    action: () => ({ type: 'prompt-interrupt' }),
  },
  {
    contexts: QUIZ,
    keys: ['enter'],
    label: 'enter',
    does: 'answer; after the feedback, the next question',
    hint: 'enter answer',
    action: () => ({ type: 'quiz-submit' }),
  },
  { contexts: ['quiz'], keys: ['up', 'k'], label: '↑ / k', does: 'the row above', action: sheet({ type: 'move', delta: -1 }) },
  { contexts: ['quiz'], keys: ['down', 'j'], label: '↓ / j', does: 'the row below', action: sheet({ type: 'move', delta: 1 }) },
  { contexts: ['quiz'], keys: ['space'], label: 'space', does: 'tick an option, or pick up and drop an item', action: sheet({ type: 'toggle' }) },
  { contexts: ['quiz'], keys: ['right', 'l'], label: '→', does: 'next match for the term', action: sheet({ type: 'cycle', delta: 1 }) },
  { contexts: ['quiz'], keys: ['left', 'h'], label: '←', does: 'previous match for the term', action: sheet({ type: 'cycle', delta: -1 }) },
  {
    contexts: ['quiz'],
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: '1-9',
    does: 'the option of that number, or the choice of that number for the term',
    action: (_view, key) => ({ type: 'quiz-sheet', action: { type: 'pick', choice: Number(key) } }),
  },
  { contexts: QUIZ, keys: ['pagedown'], label: 'page down', does: 'scroll down', action: scroll((v) => v.page) },
  { contexts: QUIZ, keys: ['pageup'], label: 'page up', does: 'scroll up', action: scroll((v) => -v.page) },
  { contexts: ['quiz'], keys: ['g'], label: 'g', does: 'show the answer (the question comes back later)', action: () => ({ type: 'quiz-give-up' }) },
  { contexts: ['quiz'], keys: ['r'], label: 'r', does: 'take the quiz again (at the end)', action: () => ({ type: 'quiz-restart' }) },
  { contexts: ['quiz-typed'], keys: ['backspace'], label: 'backspace', does: 'erase to the left', action: edit({ type: 'backspace' }) },
  { contexts: ['quiz-typed'], keys: ['left'], label: '←', does: 'cursor left', action: edit({ type: 'move', to: 'left' }) },
  { contexts: ['quiz-typed'], keys: ['right'], label: '→', does: 'cursor right', action: edit({ type: 'move', to: 'right' }) },
  { contexts: ['quiz-typed'], keys: ['ctrl-u'], label: 'ctrl-u', does: 'erase the answer', action: edit({ type: 'clear' }) },
  {
    contexts: QUIZ,
    keys: ['escape'],
    label: 'esc',
    does: 'lesson keys: → next, ← back, l lessons, q quit',
    hint: 'esc lesson keys',
    action: () => ({ type: 'focus', to: 'page' }),
  },
  { contexts: ['trace-predict'], keys: ['up', 'k'], label: '↑ / k', does: 'the ending above', action: () => ({ type: 'trace-predict-move', delta: -1 }) },
  { contexts: ['trace-predict'], keys: ['down', 'j'], label: '↓ / j', does: 'the ending below', action: () => ({ type: 'trace-predict-move', delta: 1 }) },
  {
    contexts: ['trace-predict'],
    keys: ['enter', 'space'],
    label: 'enter',
    does: 'that is my guess: show the trace',
    hint: 'enter guess',
    action: () => ({ type: 'trace-predict' }),
  },
  {
    contexts: ['trace'],
    keys: ['right', 'space', 'n'],
    label: '→ / space',
    does: 'the next hop (after the last, the next step)',
    hint: '→ next hop',
    action: (v) => ({ type: 'trace-move', delta: 1, stops: v.stops ?? 1 }),
  },
  {
    contexts: ['trace'],
    keys: ['left', 'b', 'p'],
    label: '←',
    does: 'the hop before (before the first, the previous step)',
    hint: '← back',
    action: (v) => ({ type: 'trace-move', delta: -1, stops: v.stops ?? 1 }),
  },
  { contexts: ['trace'], keys: ['a'], label: 'a', does: 'play the trace hop by hop', hint: 'a play', action: () => ({ type: 'trace-play', on: true }) },
  // The step's text above the trace, and in a narrow window every hop at once, can be taller than the window.
  { contexts: ['trace'], keys: ['down', 'j'], label: '↓ / j', does: 'scroll down', hint: '↑↓ scroll', action: scroll(() => 1) },
  { contexts: ['trace'], keys: ['up', 'k'], label: '↑ / k', does: 'scroll up', action: scroll(() => -1) },
  { contexts: ['trace'], keys: ['pagedown'], label: 'page down', does: 'scroll a page down', action: scroll((v) => v.page) },
  { contexts: ['trace'], keys: ['pageup'], label: 'page up', does: 'scroll a page up', action: scroll((v) => -v.page) },
  { contexts: ['trace'], keys: ['enter'], label: 'enter', does: 'the next step', action: () => ({ type: 'next-step' }) },
  {
    contexts: ['trace', 'trace-predict'],
    keys: ['l', 'escape'],
    label: 'l / esc',
    does: 'the lesson list',
    hint: 'l lessons',
    action: () => ({ type: 'go-home' }),
  },
  {
    // In a quiz too: its summary offers d when deep dives are passed over.
    contexts: ['home', ...READING, 'trace', 'quiz'],
    keys: ['d'],
    label: 'd',
    does: 'deep dives: take them, or pass over them (the core path)',
    action: () => ({ type: 'toggle-deep' }),
  },
  { contexts: ['lesson'], keys: ['i'], label: 'i', does: 'back to the prompt (practice steps)', action: () => ({ type: 'focus', to: 'prompt' }) },
  {
    contexts: ['lesson'],
    keys: ['o'],
    label: 'o',
    does: "your own kubectl on this practice step's cluster (again: stop)",
    action: () => ({ type: 'own-kubectl' }),
  },
  { contexts: ['lesson'], keys: ['h'], label: 'h', does: 'a hint (practice steps)', action: () => ({ type: 'hint' }) },
  { contexts: ['help'], keys: ['escape', '?', 'enter'], label: 'esc / ?', does: 'close this help', hint: 'esc close', action: () => ({ type: 'close-help' }) },
  // A narrow window may not hold every key: the list scrolls.
  { contexts: ['help'], keys: ['down', 'j'], label: '↓ / j', does: 'scroll down', hint: '↑↓ scroll', action: helpScroll(() => 1) },
  { contexts: ['help'], keys: ['up', 'k'], label: '↑ / k', does: 'scroll up', action: helpScroll(() => -1) },
  { contexts: ['help'], keys: ['pagedown'], label: 'page down', does: 'scroll a page down', action: helpScroll((v) => v.page) },
  { contexts: ['help'], keys: ['pageup'], label: 'page up', does: 'scroll a page up', action: helpScroll((v) => -v.page) },
  {
    contexts: ['home', 'lesson', 'manifest', 'quiz', 'trace', 'trace-predict'],
    keys: ['?'],
    label: '?',
    does: 'show the keys',
    hint: '? keys',
    action: () => ({ type: 'toggle-help' }),
  },
  { contexts: ['quiz-typed'], keys: ['ctrl-c'], label: 'ctrl-c', does: 'quit (your progress is saved)', action: () => ({ type: 'quit' }) },
  {
    contexts: ['resume', 'home', 'lesson', 'manifest', 'quiz', 'trace', 'trace-predict', 'help'],
    keys: ['q', 'ctrl-c'],
    label: 'q / ctrl-c',
    does: 'quit (your progress is saved)',
    hint: 'q quit',
    action: () => ({ type: 'quit' }),
  },
];

export function contextOf(state: NavState): Context {
  if (state.help) return 'help';
  if (state.screen.kind === 'home') return state.resume ? 'resume' : 'home';
  const step = state.course.lessons[state.screen.lesson]?.steps[state.screen.step];
  if (step?.kind === 'do' && state.focus === 'prompt') return 'practice';
  if (step?.kind === 'trace') {
    const trace = currentTrace(state);
    return trace?.predict && trace.view.predicted === null ? 'trace-predict' : 'trace';
  }
  if (step?.kind === 'quiz' && state.focus === 'prompt') {
    const turn = currentQuiz(state)?.quiz.current;
    return turn && !turn.grade && turn.presented.question.kind === 'typed' ? 'quiz-typed' : 'quiz';
  }
  return step?.kind === 'manifest' ? 'manifest' : 'lesson';
}

/** The screens without a prompt, where a learner may still type a command by mistake. */
const PROMPTLESS: readonly Context[] = ['lesson', 'manifest', 'trace'];

/**
 * Stray typing: a letter or digit that no binding claims, on a screen without a prompt (the `u` of
 * `kubectl` on a read step). The keys typed after it within a moment are held off, so the `b` of
 * `kubectl` does not go back a step and send the rest to the prompt there.
 */
export function strayTyping(context: Context, key: KeyName): boolean {
  return PROMPTLESS.includes(context) && [...key].length === 1 && hasLetterOrDigit(key) && !bindingsFor(context).some((b) => b.keys.includes(key));
}

/**
 * While stray typing goes on, the keys a command is made of (and the Enter after it) do nothing;
 * q still quits, whatever came before it.
 */
export function partOfTyping(context: Context, key: KeyName): boolean {
  return PROMPTLESS.includes(context) && key !== 'q' && ([...key].length === 1 || key === 'space' || key === 'enter' || key === 'backspace');
}

/** What the course says about stray typing, by the step it happens on. */
export function strayTypingNotice(state: NavState): string {
  const kind = currentStep(state)?.step.kind;
  if (kind === 'do') return 'The lesson keys are on, so what you type is not run: i goes back to the prompt.';
  if (kind === 'quiz') return 'The lesson keys are on, so what you type is not an answer: i goes back to the question.';
  return 'This step has no prompt, so what you type here is not run: → goes on, and practice steps have a prompt.';
}

/** A key that types itself at the prompt when no binding claims it. */
export function typedText(context: Context, key: KeyName): string | null {
  if (context !== 'practice' && context !== 'quiz-typed') return null;
  if (key === 'space') return ' ';
  return [...key].length === 1 && key >= ' ' ? key : null;
}

export function bindingsFor(context: Context): Binding[] {
  return BINDINGS.filter((b) => b.contexts.includes(context));
}

/** The one key router: which action, if any, a key means in a context of a set of bindings. */
export function actionIn<A, C extends string>(bindings: readonly Binding<A, C>[], context: C, key: KeyName, view: ViewMetrics): A | null {
  const binding = bindings.find((b) => b.contexts.includes(context) && b.keys.includes(key));
  return binding ? binding.action(view, key) : null;
}

/** The course's key router: which action, if any, a key means here. */
export function actionFor(context: Context, key: KeyName, view: ViewMetrics): NavAction | null {
  return actionIn(BINDINGS, context, key, view);
}

interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  tab: boolean;
  backspace?: boolean;
  delete?: boolean;
}

const ESCAPES: Record<string, KeyName> = {
  '\u001B[A': 'up',
  '\u001B[B': 'down',
  '\u001B[C': 'right',
  '\u001B[D': 'left',
  '\u001BOA': 'up',
  '\u001BOB': 'down',
  '\u001BOC': 'right',
  '\u001BOD': 'left',
  '\u001B[5~': 'pageup',
  '\u001B[6~': 'pagedown',
  '\u001B[H': 'home',
  '\u001B[F': 'end',
  '\u001B[1~': 'home',
  '\u001B[4~': 'end',
  '\u001BOH': 'home',
  '\u001BOF': 'end',
};

/**
 * Names the key presses in one read from the terminal. Keys typed faster than a frame (or pasted)
 * arrive together as one string, so plain characters are taken one at a time.
 */
export function keyNames(input: string, key: InkKey): KeyName[] {
  const special =
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end ||
    key.escape ||
    key.ctrl ||
    key.tab ||
    key.backspace ||
    key.delete;
  if (special || input.length <= 1) return [keyName(input, key)];
  // Ink hands a mixed read ("\r" then an arrow) over raw: take it apart key by key.
  return (input.match(/\u001B\[[0-9;]*[A-Za-z~]|\u001BO[A-Za-z]|[\s\S]/gu) ?? []).flatMap((token): KeyName[] => {
    const escape = ESCAPES[token];
    if (escape) return [escape];
    if (token === '\r' || token === '\n') return ['enter'];
    if (token === '\t') return ['tab'];
    if (token === ' ') return ['space'];
    if (token === '\u007f' || token === '\b') return ['backspace'];
    if (token === '\u001B') return ['escape'];
    return token >= '!' && !token.startsWith('\u001B') ? [token] : [];
  });
}

/** Names a key press as Ink reports it. */
export function keyName(input: string, key: InkKey): KeyName {
  if (key.ctrl && /^[a-z]$/.test(input)) return `ctrl-${input}`;
  if (key.backspace || key.delete) return 'backspace';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  // A newline is Enter too: Ctrl-J, and an Enter pressed before the terminal was put in raw mode
  // (the line discipline turned its CR into NL).
  if (key.return || input === '\n') return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (input === ' ') return 'space';
  return input;
}
