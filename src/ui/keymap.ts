// Every key binding, as data: the router reads it to dispatch, the help overlay to explain.
import type { NavAction, NavState } from '../core/course/navigation.js';

export type KeyName =
  | 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end'
  | 'enter' | 'escape' | 'space' | 'tab' | 'ctrl-c' | 'ctrl-d' | (string & {});

/** Where the keys go: decided from the state, one context at a time. */
export type Context = 'resume' | 'home' | 'lesson' | 'manifest' | 'help';

/** What a view knows that an action may need: how tall a page is and how far one can scroll. */
export interface ViewMetrics {
  readonly page: number;
  readonly maxScroll: number;
}

export interface Binding {
  readonly contexts: readonly Context[];
  readonly keys: readonly KeyName[];
  /** How the keys are written in the help overlay. */
  readonly label: string;
  readonly does: string;
  /** A short form for the footer, when the binding deserves a place there. */
  readonly hint?: string;
  readonly action: (view: ViewMetrics) => NavAction;
}

const READING: readonly Context[] = ['lesson', 'manifest'];

const scroll = (delta: (v: ViewMetrics) => number) => (v: ViewMetrics): NavAction => ({ type: 'scroll', delta: delta(v), max: v.maxScroll });

export const BINDINGS: readonly Binding[] = [
  { contexts: ['resume'], keys: ['enter', 'y'], label: 'enter / y', does: 'continue where you left off', hint: 'enter continue', action: () => ({ type: 'answer-resume', accept: true }) },
  { contexts: ['resume'], keys: ['n', 'escape'], label: 'n / esc', does: 'go to the lesson list instead', hint: 'n lesson list', action: () => ({ type: 'answer-resume', accept: false }) },
  { contexts: ['home'], keys: ['up', 'k'], label: '↑ / k', does: 'previous lesson', action: () => ({ type: 'move-cursor', delta: -1 }) },
  { contexts: ['home'], keys: ['down', 'j'], label: '↓ / j', does: 'next lesson', hint: '↑↓ choose', action: () => ({ type: 'move-cursor', delta: 1 }) },
  { contexts: ['home'], keys: ['enter', 'right', 'space'], label: 'enter / →', does: 'open the lesson', hint: 'enter open', action: () => ({ type: 'open-lesson' }) },
  { contexts: READING, keys: ['right', 'enter', 'space', 'n'], label: '→ / enter / space', does: 'next step', hint: '→ next', action: () => ({ type: 'next-step' }) },
  { contexts: READING, keys: ['left', 'b', 'p'], label: '← / b', does: 'previous step', hint: '← back', action: () => ({ type: 'previous-step' }) },
  { contexts: ['lesson'], keys: ['down', 'j'], label: '↓ / j', does: 'scroll down', hint: '↑↓ scroll', action: scroll(() => 1) },
  { contexts: ['lesson'], keys: ['up', 'k'], label: '↑ / k', does: 'scroll up', action: scroll(() => -1) },
  { contexts: ['manifest'], keys: ['down', 'j'], label: '↓ / j', does: 'next field of the manifest', hint: '↑↓ fields', action: () => ({ type: 'move-field', delta: 1 }) },
  { contexts: ['manifest'], keys: ['up', 'k'], label: '↑ / k', does: 'previous field of the manifest', action: () => ({ type: 'move-field', delta: -1 }) },
  { contexts: READING, keys: ['pagedown'], label: 'page down', does: 'scroll a page down', action: scroll((v) => v.page) },
  { contexts: READING, keys: ['pageup'], label: 'page up', does: 'scroll a page up', action: scroll((v) => -v.page) },
  { contexts: READING, keys: ['home', 'g'], label: 'home / g', does: 'back to the top', action: scroll((v) => -v.maxScroll - 1) },
  { contexts: READING, keys: ['end', 'G'], label: 'end / G', does: 'to the bottom', action: scroll((v) => v.maxScroll + 1) },
  { contexts: READING, keys: ['l', 'escape'], label: 'l / esc', does: 'the lesson list', hint: 'l lessons', action: () => ({ type: 'go-home' }) },
  { contexts: ['help'], keys: ['escape', '?', 'enter'], label: 'esc / ?', does: 'close this help', hint: 'esc close', action: () => ({ type: 'close-help' }) },
  { contexts: ['home', 'lesson', 'manifest'], keys: ['?', 'h'], label: '?', does: 'show the keys', hint: '? keys', action: () => ({ type: 'toggle-help' }) },
  { contexts: ['resume', 'home', 'lesson', 'manifest', 'help'], keys: ['q', 'ctrl-c'], label: 'q / ctrl-c', does: 'quit (your progress is saved)', hint: 'q quit', action: () => ({ type: 'quit' }) },
];

export function contextOf(state: NavState): Context {
  if (state.help) return 'help';
  if (state.screen.kind === 'home') return state.resume ? 'resume' : 'home';
  const step = state.course.lessons[state.screen.lesson]?.steps[state.screen.step];
  return step?.kind === 'manifest' ? 'manifest' : 'lesson';
}

export function bindingsFor(context: Context): Binding[] {
  return BINDINGS.filter((b) => b.contexts.includes(context));
}

/** The one key router: which action, if any, a key means here. */
export function actionFor(context: Context, key: KeyName, view: ViewMetrics): NavAction | null {
  const binding = BINDINGS.find((b) => b.contexts.includes(context) && b.keys.includes(key));
  return binding ? binding.action(view) : null;
}

interface InkKey {
  upArrow: boolean; downArrow: boolean; leftArrow: boolean; rightArrow: boolean;
  pageDown: boolean; pageUp: boolean; home?: boolean; end?: boolean;
  return: boolean; escape: boolean; ctrl: boolean; tab: boolean;
}

/**
 * Names the key presses in one read from the terminal. Keys typed faster than a frame (or pasted)
 * arrive together as one string, so plain characters are taken one at a time.
 */
export function keyNames(input: string, key: InkKey): KeyName[] {
  const special = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.escape || key.ctrl || key.tab;
  if (special || input.length <= 1) return [keyName(input, key)];
  return [...input].flatMap((ch): KeyName[] => (ch === '\r' || ch === '\n' ? ['enter'] : ch === ' ' ? ['space'] : /^[\x21-\x7e]$/.test(ch) ? [ch] : []));
}

/** Names a key press as Ink reports it. */
export function keyName(input: string, key: InkKey): KeyName {
  if (key.ctrl && input === 'c') return 'ctrl-c';
  if (key.ctrl && input === 'd') return 'ctrl-d';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (input === ' ') return 'space';
  return input;
}
