// The course on a real cluster, as state: which lesson's namespace is open (or being made), and the
// one command line running on the cluster. Pure: a practice step's line becomes a request to run it
// (the UI runs it through the real kubectl, use-real-cluster.ts) and comes back as one action with
// its output, its answer and the cluster as read through the API, recorded as a simulated command is.
import type { Cluster } from '../cluster/index.js';
import type { Answer } from '../kubectl/answer.js';
import type { RequestRecord } from '../shell/result.js';
import type { Attempt } from './goals.js';
import type { DoStep } from './model.js';
import { nearMiss } from './near-miss.js';
import { attemptsIn, type Entry, type LessonPractice } from './practice.js';
import type { NavState } from './navigation.js';
import { getOwn } from '../own.js';
import type { Flavour } from '../real-cluster/flavour.js';
import type { ReachFacts } from '../real-cluster/reach-here.js';
import type { World } from './world-notes.js';

/** A line the learner submitted, running on the real cluster. */
export interface RealRun {
  readonly id: number;
  readonly lesson: string;
  readonly step: string;
  readonly line: string;
  /** Ctrl-C asked for the child to be stopped. */
  readonly stopping: boolean;
}

export interface RealWorld {
  /** The kube-context the course runs on. */
  readonly context: string;
  /** Its flavour (kind, minikube, ...), for the lessons' per-world notes. */
  readonly flavour?: Flavour;
  /** How a node port is reached from this machine on it (the `reach` line of a step about curl). */
  readonly reach?: ReachFacts;
  /** The lesson whose namespace is open or being made; null on the lesson list. */
  readonly lesson: string | null;
  readonly phase: 'idle' | 'opening' | 'ready' | 'failed';
  /** What the opening is doing now, or why it failed. */
  readonly says: string | null;
  readonly running: RealRun | null;
  /** How many lines were sent to run so far: the next one's id. */
  readonly sent: number;
}

export type RealWorldAction =
  | { readonly type: 'real-opening'; readonly lesson: string; readonly says: string }
  | { readonly type: 'real-ready'; readonly lesson: string; readonly cluster: Cluster }
  | { readonly type: 'real-failed'; readonly lesson: string; readonly message: string }
  /** The lesson's namespace was deleted (the learner left the lesson). */
  | { readonly type: 'real-closed'; readonly lesson: string }
  /** The cluster as read now (pods becoming Ready while the learner reads). */
  | { readonly type: 'real-cluster'; readonly lesson: string; readonly cluster: Cluster }
  /** A line ran on the cluster: what it printed, how it ended, the cluster after it. */
  | {
      readonly type: 'real-ran';
      readonly id: number;
      readonly output: string;
      readonly exitCode: number;
      readonly answer?: Answer;
      readonly request?: RequestRecord;
      readonly cluster: Cluster;
    };

export function realWorld(context: string, flavour?: Flavour, reach?: ReachFacts): RealWorld {
  return { context, ...(flavour ? { flavour } : {}), ...(reach ? { reach } : {}), lesson: null, phase: 'idle', says: null, running: null, sent: 0 };
}

/** Whether the prompt takes a line now: the namespace is ready and nothing is running. */
export function realPromptOpen(real: RealWorld | null | undefined): boolean {
  return !real || (real.phase === 'ready' && real.running === null);
}

/** A line run on the real cluster, recorded as runPractice records a simulated one. */
export function recordReal(
  practice: LessonPractice,
  step: string,
  line: string,
  ran: Extract<RealWorldAction, { type: 'real-ran' }>,
  doStep?: DoStep,
): LessonPractice {
  const attempt: Attempt = { line, ...(ran.request ? { request: ran.request } : {}), ...(ran.answer ? { answer: ran.answer } : {}) };
  const entry: Entry = { ...attempt, output: ran.output };
  const seen = [...attemptsIn(practice, step), attempt];
  const miss = doStep ? nearMiss(doStep, attempt, practice.shell.cluster, ran.cluster, seen) : null;
  const otherMisses = Object.fromEntries(Object.entries(practice.nearMiss ?? {}).filter(([id]) => id !== step));
  return {
    ...practice,
    shell: { ...practice.shell, cluster: ran.cluster, history: [...practice.shell.history, line] },
    entries: { ...practice.entries, [step]: [...(getOwn(practice.entries, step) ?? []), entry] },
    seen: { ...practice.seen, [step]: seen },
    nearMiss: miss ? { ...otherMisses, [step]: miss } : otherMisses,
  };
}

function withCluster(state: NavState, lesson: string, cluster: Cluster): NavState {
  const practice = getOwn(state.practice, lesson);
  return practice ? { ...state, practice: { ...state.practice, [lesson]: { ...practice, shell: { ...practice.shell, cluster } } } } : state;
}

/** Enter at a practice prompt on a real cluster: the line is sent to run (or kept, while another runs). */
export function submitReal(state: NavState, real: RealWorld, lesson: string, step: string, line: string): NavState {
  if (!realPromptOpen(real) || real.lesson !== lesson) return state;
  const running: RealRun = { id: real.sent + 1, lesson, step, line: line.trim(), stopping: false };
  return { ...state, real: { ...real, running, sent: running.id } };
}

/** Ctrl-C while a line runs: the child is stopped (the line stays, the course goes on). */
export function interruptReal(state: NavState, real: RealWorld): NavState {
  return real.running ? { ...state, real: { ...real, running: { ...real.running, stopping: true } } } : state;
}

export function realWorldReducer(state: NavState, action: RealWorldAction): NavState {
  const real = state.real;
  if (!real) return state;
  switch (action.type) {
    case 'real-opening':
      return { ...state, real: { ...real, lesson: action.lesson, phase: 'opening', says: action.says, running: null } };
    case 'real-ready':
      if (real.lesson !== action.lesson) return state;
      return withCluster({ ...state, real: { ...real, phase: 'ready', says: null } }, action.lesson, action.cluster);
    case 'real-failed':
      return real.lesson === action.lesson ? { ...state, real: { ...real, phase: 'failed', says: action.message, running: null } } : state;
    case 'real-closed':
      return real.lesson === action.lesson ? { ...state, real: { ...real, lesson: null, phase: 'idle', says: null, running: null } } : state;
    case 'real-cluster':
      // A line running will hand over the cluster after it; a read from before it is stale.
      return real.lesson === action.lesson && real.phase === 'ready' && !real.running ? withCluster(state, action.lesson, action.cluster) : state;
    case 'real-ran': {
      const run = real.running;
      if (!run || run.id !== action.id) return state;
      const practice = getOwn(state.practice, run.lesson);
      const lesson = state.course.lessons.find((l) => l.id === run.lesson);
      const doStep = lesson?.steps.find((s): s is DoStep => s.id === run.step && s.kind === 'do');
      const next: NavState = { ...state, real: { ...real, running: null } };
      return practice ? { ...next, practice: { ...next.practice, [run.lesson]: recordReal(practice, run.step, run.line, action, doStep) } } : next;
    }
  }
}

/** The world the course is taken in: a real cluster (of its flavour, `remote` when not known) or the lab. */
export function worldOf(real: RealWorld | null | undefined): World {
  return real ? { kind: 'cluster', flavour: real.flavour ?? 'remote' } : { kind: 'lab' };
}
