// The learner's own kubectl on a practice step: the step's cluster served as a Kubernetes API on
// 127.0.0.1, and the goal judged on what that kubectl asked of it, as on the course's own prompt.
// Pure: the server itself is an effect the UI owns; this state says which step wants it, what it
// answers at, a few lines of its log, and each invocation's requests (one Kubectl-Session each),
// from which the command is rebuilt (core/api/outside-command.ts).

import type { Cluster } from '../cluster/index.js';
import { outsideCommand, type Exchange } from '../api/outside-command.js';
import type { Attempt } from './goals.js';
import { placeKey } from './model.js';
import type { LessonPractice } from './practice.js';
import type { NavState } from './navigation.js';
import { getOwn } from '../own.js';

export interface OwnKubectl {
  /** The practice step it serves, as `lesson/step`. */
  readonly step: string;
  readonly phase: 'starting' | 'serving';
  readonly url?: string;
  /** The kubeconfig's path as the learner types it after `export KUBECONFIG=` ("$HOME/..." under their home). */
  readonly kubeconfig?: string;
  /** The last few lines of the server's log, newest last. */
  readonly log: readonly string[];
  /** Each recent invocation's requests, by its Kubectl-Session, oldest first. */
  readonly sessions: readonly { readonly id: string; readonly exchanges: readonly Exchange[] }[];
}

export type OwnKubectlAction =
  /** The key: serve the step's cluster to the learner's own kubectl, or stop serving it. */
  | { readonly type: 'own-kubectl' }
  | { readonly type: 'own-kubectl-ready'; readonly step: string; readonly url: string; readonly kubeconfig: string }
  | { readonly type: 'own-kubectl-failed'; readonly step: string; readonly message: string }
  | { readonly type: 'own-kubectl-stopped'; readonly step: string }
  /** A line of the server's log that is no request (a node port opened). */
  | { readonly type: 'own-kubectl-log'; readonly step: string; readonly line: string }
  /** The served cluster as it is now (its clock follows the wall clock). */
  | { readonly type: 'own-kubectl-cluster'; readonly step: string; readonly cluster: Cluster }
  /** One request the API answered, the cluster after it, and its log line. */
  | {
      readonly type: 'own-kubectl-request';
      readonly step: string;
      readonly session: string;
      readonly exchange: Exchange;
      readonly line: string;
      readonly cluster: Cluster;
    };

/** How many log lines and invocations are kept. */
const LOG_LINES = 3;
const SESSIONS = 16;
const EXCHANGES = 64;

/** An attempt from the learner's own kubectl: one per invocation, rebuilt as its requests come. */
export interface OutsideAttempt extends Attempt {
  readonly session: string;
}

const isOutside = (attempt: Attempt): attempt is OutsideAttempt => 'session' in attempt;

/** The practice step on screen, as `lesson/step` with its lesson's id and the step's id. */
function onScreen(state: NavState): { key: string; lesson: string; step: string; practice: boolean } | null {
  if (state.screen.kind !== 'lesson') return null;
  const lesson = state.course.lessons[state.screen.lesson];
  const step = lesson?.steps[state.screen.step];
  return lesson && step ? { key: placeKey(lesson, step), lesson: lesson.id, step: step.id, practice: step.kind === 'do' } : null;
}

/** The serving state of the step on screen; none when it serves another step (left, so stopping). */
export function ownKubectlHere(state: NavState): OwnKubectl | null {
  const here = onScreen(state);
  const own = state.ownKubectl ?? null;
  return own && here && own.step === here.key ? own : null;
}

/** Which step wants a server now: the UI starts one for it, and stops any other. */
export function wantedServer(state: NavState): string | null {
  return ownKubectlHere(state)?.step ?? null;
}

const withLog = (own: OwnKubectl, line: string): OwnKubectl => ({ ...own, log: [...own.log, line].slice(-LOG_LINES) });

function withCluster(state: NavState, lesson: string, cluster: Cluster, attempt?: { step: string; attempt: OutsideAttempt }): NavState {
  const practice = getOwn(state.practice, lesson);
  if (!practice) return state;
  let next: LessonPractice = { ...practice, shell: { ...practice.shell, cluster } };
  if (attempt) {
    const seen = getOwn(practice.seen, attempt.step) ?? getOwn(practice.entries, attempt.step) ?? [];
    const at = seen.findIndex((a) => isOutside(a) && a.session === attempt.attempt.session);
    const updated = at < 0 ? [...seen, attempt.attempt] : seen.map((a, i) => (i === at ? attempt.attempt : a));
    next = { ...next, seen: { ...practice.seen, [attempt.step]: updated } };
  }
  return { ...state, practice: { ...state.practice, [lesson]: next } };
}

/** Takes an action about the learner's own kubectl; any other state is left as it is. */
export function ownKubectlReducer(state: NavState, action: OwnKubectlAction): NavState {
  const here = onScreen(state);
  const own = ownKubectlHere(state);
  if (action.type === 'own-kubectl') {
    if (!here?.practice) return { ...state, notice: 'Your own kubectl can work on a practice step (a step with a prompt).' };
    if (own) return { ...state, ownKubectl: null, notice: 'Stopped serving this step to your own kubectl; its kubeconfig is removed.' };
    return { ...state, ownKubectl: { step: here.key, phase: 'starting', log: [], sessions: [] }, notice: null };
  }
  // Whatever comes from a server for a step the learner has left is dropped.
  if (!own || !here || own.step !== action.step)
    return action.type === 'own-kubectl-stopped' && state.ownKubectl?.step === action.step ? { ...state, ownKubectl: null } : state;
  switch (action.type) {
    case 'own-kubectl-ready':
      return { ...state, ownKubectl: { ...own, phase: 'serving', url: action.url, kubeconfig: action.kubeconfig } };
    case 'own-kubectl-failed':
      return { ...state, ownKubectl: null, notice: `Your own kubectl: the lab's API could not start (${action.message}).` };
    case 'own-kubectl-stopped':
      return { ...state, ownKubectl: null };
    case 'own-kubectl-log':
      return { ...state, ownKubectl: withLog(own, action.line) };
    case 'own-kubectl-cluster':
      return withCluster(state, here.lesson, action.cluster);
    case 'own-kubectl-request': {
      const before = own.sessions.find((s) => s.id === action.session);
      const exchanges = [...(before?.exchanges ?? []), action.exchange].slice(0, EXCHANGES);
      const sessions = [...own.sessions.filter((s) => s.id !== action.session), { id: action.session, exchanges }].slice(-SESSIONS);
      const command = action.session === '' ? null : outsideCommand(exchanges);
      const attempt: OutsideAttempt | undefined = command
        ? { line: command.line, answer: command.answer, session: action.session, ...(command.unseen.length ? { unseen: command.unseen } : {}) }
        : undefined;
      const next = { ...state, ownKubectl: { ...withLog(own, action.line), sessions } };
      return withCluster(next, here.lesson, action.cluster, attempt ? { step: here.step, attempt } : undefined);
    }
  }
}
