// The course's root: one reducer, one key router, one way out. Screens are pure frames drawn as lines.
import { useApp, useInput } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Course } from '../core/course/model.js';
import { currentPractice, currentStep, initialNav, navigate, type NavAction, type NavState, type PracticeSetup } from '../core/course/navigation.js';
import { waitOf } from './screens/practice.js';
import type { Place, Progress } from '../core/progress/model.js';
import { useDisplay } from './display.js';
import { actionFor, contextOf, keyNames, partOfTyping, strayTyping, strayTypingNotice, typedText } from './keymap.js';
import { Lines } from './Lines.js';
import { helpFrame } from './screens/help.js';
import { homeFrame, tooSmall, type Frame } from './screens/home.js';
import { lessonFrame } from './screens/lesson.js';
import { useTerminalSize, type Size } from './use-terminal-size.js';
import { useOwnKubectl } from './use-own-kubectl.js';
import { useRealCluster, type RealLink } from './use-real-cluster.js';
import { realWorld } from '../core/course/real-world.js';

export const MIN_SIZE: Size = { columns: 60, rows: 20 };

export interface AppProps {
  readonly course: Course;
  readonly progress: Progress;
  /** Said once on the first screen (a progress file set aside, for instance). */
  readonly notice?: string | null;
  /** Stores progress; returns a message when it could not. */
  readonly saveProgress: (progress: Progress) => string | null;
  /** A fixed size instead of the terminal's (tests). */
  readonly size?: Size;
  /** Seed of the lessons' clusters and the manifests their prompts can apply. */
  readonly practice?: PracticeSetup;
  /** Milliseconds on some clock (the real one; tests pass their own). */
  readonly clock?: () => number;
  /**
   * Open here instead of the lesson list: a step (nodeport-lab quiz), or a lesson by its index
   * (`--lesson`), at the step the lesson list would open it at.
   */
  readonly start?: Place | { readonly openLesson: number };
  /** The lab's folder: where a practice step served to the learner's own kubectl writes its kubeconfig. */
  readonly home?: string;
  /** The course on a real cluster (--cluster): practice lines run there (use-real-cluster.ts). */
  readonly real?: RealLink;
}

/** How long after a stray key the next ones still count as typing: a word's keys come faster. */
const STRAY_TYPING_MS = 1000;

export function App({ course, progress, notice = null, saveProgress, size: fixedSize, practice, clock = Date.now, start, home, real }: AppProps) {
  const display = useDisplay();
  const size = useTerminalSize(fixedSize);
  const { exit } = useApp();
  const [state, setState] = useState(() => {
    const simulated = initialNav(course, progress, notice, practice);
    const initial = real ? { ...simulated, real: realWorld(real.context, real.flavour, real.reach) } : simulated;
    if (!start) return initial;
    return 'openLesson' in start
      ? navigate(initial, { type: 'open-lesson', lesson: start.openLesson })
      : navigate(initial, { type: 'open-place', place: start });
  });
  const lastRun = useRef(clock());
  /** Until when keys are taken as stray typing on a screen without a prompt (see strayTyping). */
  const typingUntil = useRef(0);
  // A command that times out (curl -m 5 against a closed port) keeps the learner waiting for as
  // long as it would, counted down on the screen; any key stops the wait.
  const [waiting, setWaiting] = useState<number | null>(null);
  const waitingRef = useRef<number | null>(null);
  waitingRef.current = waiting;

  const small = size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
  const frame: Frame = small
    ? { lines: tooSmall(size, MIN_SIZE), metrics: { page: 1, maxScroll: 0 } }
    : state.help
      ? helpFrame(state, size, display)
      : state.screen.kind === 'home'
        ? homeFrame(state, size, display)
        : lessonFrame(state, size, display, waiting);

  const latest = useRef({ frame, small });
  latest.current = { frame, small };
  // The state as the router last left it: a key that comes before React has drawn the previous
  // one's result is routed from there, not from the screen still showing. Each render catches up.
  // The reducer runs once an action, here; React is handed its result (one update a chunk of
  // keys), so a command typed at a practice prompt runs once.
  const routedState = useRef(state);
  routedState.current = state;
  const dispatch = useCallback((action: NavAction) => {
    routedState.current = navigate(routedState.current, action);
    setState(routedState.current);
  }, []);

  useInput((input, key) => {
    const { small: tooSmall, frame: shown } = latest.current;
    // Several keys can come in one read, or in reads faster than frames; each is routed by the
    // state the ones before it made.
    let routed = routedState.current;
    const now = clock();
    // The cluster's clock moves by the time between two commands, as a real one would.
    let metrics = { ...shown.metrics, elapsedMs: now - lastRun.current, columns: size.columns };
    // Any key stops a trace that is playing.
    if (routed.playing) routed = navigate(routed, { type: 'trace-play', on: false });
    // A key that stops a counted wait does nothing else, but for what is typed at the prompt: the
    // next command, typed before the wait was over, is kept whole.
    const stopsWait = waitingRef.current !== null;
    if (stopsWait) {
      waitingRef.current = null;
      setWaiting(null);
    }
    for (const name of keyNames(input, key)) {
      if (tooSmall && name !== 'q' && name !== 'ctrl-c') continue;
      const context = tooSmall ? 'help' : contextOf(routed);
      if (strayTyping(context, name) || (now < typingUntil.current && partOfTyping(context, name))) {
        typingUntil.current = now + STRAY_TYPING_MS;
        const notice = strayTypingNotice(routed);
        if (routed.notice !== notice) routed = navigate(routed, { type: 'notice', text: notice });
        continue;
      }
      const typed = typedText(context, name);
      if (stopsWait && typed === null) continue;
      const bound = stopsWait ? null : actionFor(context, name, metrics);
      const action = bound ?? (typed === null ? null : ({ type: 'prompt-edit', action: { type: 'insert', text: typed } } as const));
      if (!action) continue;
      routed = navigate(routed, action);
      if (action.type === 'prompt-submit') {
        // Commands pasted together ran together: the pause before them counts once.
        lastRun.current = now;
        metrics = { ...metrics, elapsedMs: 0 };
      }
    }
    if (routed === routedState.current) return;
    const ms = waitOf(lastEntry(routed));
    if (ms !== null && lastEntry(routed) !== lastEntry(routedState.current)) {
      const seconds = Math.min(180, Math.max(1, Math.round(ms / 1000)));
      waitingRef.current = seconds;
      setWaiting(seconds);
    }
    routedState.current = routed;
    setState(routed);
  });

  useOwnKubectl(state, dispatch, home);
  useRealCluster(state, dispatch, real);

  const saved = useRef(progress);
  useEffect(() => {
    if (state.progress === saved.current) return;
    saved.current = state.progress;
    dispatch({ type: 'saved', problem: saveProgress(state.progress) });
  }, [state.progress, saveProgress, dispatch]);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  // Back from the background (fg after a suspend): the shell wrote over the screen, which the
  // exit path has cleared; a changed frame makes Ink draw it whole again.
  useEffect(() => {
    const resumed = () => dispatch({ type: 'notice', text: 'Welcome back: you are where you left off.' });
    process.on('SIGCONT', resumed);
    return () => {
      process.off('SIGCONT', resumed);
    };
  }, [dispatch]);

  useEffect(() => {
    if (waiting === null) return;
    const timer = setTimeout(() => setWaiting((left) => (left === null || left <= 1 ? null : left - 1)), 1000);
    return () => clearTimeout(timer);
  }, [waiting]);

  // A playing trace steps on by itself, one hop every 700 ms (never under --plain: no animation).
  useEffect(() => {
    if (!state.playing || display.plain) return;
    const timer = setInterval(() => {
      dispatch({ type: 'trace-move', delta: 1, stops: latest.current.frame.metrics.stops ?? 1, auto: true });
    }, 700);
    return () => clearInterval(timer);
  }, [state.playing, display.plain, dispatch]);

  return <Lines lines={frame.lines} columns={size.columns} />;
}

/** The last command run in the practice step on screen. */
function lastEntry(state: NavState) {
  const here = currentStep(state);
  const entries = here ? currentPractice(state)?.entries[here.step.id] : undefined;
  return entries?.[entries.length - 1];
}
