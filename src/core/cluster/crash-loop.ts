// Images whose default command ends at once (busybox's `sh` with no terminal, curl's `curl` with
// no URL): the container exits, and with restartPolicy Always (or OnFailure after a failure) the
// kubelet starts it again with a back-off of 10s, doubling to at most 300s, as it does for any
// container that keeps exiting (pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff,
// pkg/kubelet/kubelet.go MaxContainerBackOff). The first exit is restarted at the next sync; each
// later one waits out the back-off, during which the container is Waiting in CrashLoopBackOff.

import { kubeletEvent } from './image-pull.js';
import { normalizeImage } from './images.js';
import type { ClusterEvent, Pod } from './types.js';

export interface QuickExit {
  /** 0: "Completed"; otherwise "Error". */
  readonly exitCode: number;
  /** How long a run lasts, ms. */
  readonly runMs: number;
  /** Events exist up to here (exclusive); more are recorded as the clock moves. */
  readonly eventsUntil: number;
}

const FIRST_RESTART_MS = 1_000;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** The kubelet notices an exit at its next status sync: until then the pod shows the exit itself. */
const NOTICE_MS = 1_000;
const BACKOFF_EVENT_EVERY_MS = 15_000;
/** A pull of an image the node already has (imagePullPolicy Always): the registry is asked again. */
export const RESTART_PULL_MS = 1_100;

/** The exit code of an image's default command when it ends at once (busybox: 0; curl without a URL: 2). */
export function quickExitCode(image: string): number | undefined {
  const ref = normalizeImage(image);
  if (ref.registry !== 'docker.io') return undefined;
  if (ref.path === 'library/busybox' || ref.path === 'library/alpine') return 0;
  if (ref.path === 'curlimages/curl') return 2;
  return undefined;
}

export interface Run {
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** Whether the kubelet restarts a container that exited with this code. */
const restarts = (pod: Pod, exitCode: number): boolean => pod.spec.restartPolicy === 'Always' || (pod.spec.restartPolicy === 'OnFailure' && exitCode !== 0);

/** The container's runs that have started before `until`. */
export function runsOf(pod: Pod, q: QuickExit, until: number): Run[] {
  const runs: Run[] = [];
  let start = pod.timeline.startedAt;
  let backoff = BACKOFF_START_MS;
  while (start < until && runs.length < 10_000) {
    const finishedAt = start + q.runMs;
    runs.push({ startedAt: start, finishedAt });
    if (!restarts(pod, q.exitCode)) break;
    // imagePullPolicy Always pulls again before each start.
    const pull = pod.spec.containers[0]?.imagePullPolicy === 'Always' ? RESTART_PULL_MS : 0;
    if (runs.length === 1) start = finishedAt + FIRST_RESTART_MS + pull;
    else {
      start = finishedAt + backoff + pull;
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    }
  }
  return runs;
}

export interface Terminated {
  readonly reason: 'Completed' | 'Error';
  readonly exitCode: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export type QuickExitState =
  | { readonly state: 'terminated'; readonly terminated: Terminated }
  | { readonly state: 'waiting'; readonly reason: 'CrashLoopBackOff'; readonly message: string };

export interface QuickExitView {
  readonly current: QuickExitState;
  readonly last?: Terminated;
  readonly restartCount: number;
}

const terminated = (q: QuickExit, run: Run): Terminated => ({
  reason: q.exitCode === 0 ? 'Completed' : 'Error',
  exitCode: q.exitCode,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
});

/** The container as `get`, `describe` and `-o yaml` show it at `now` (the image has been pulled). */
export function quickExitView(pod: Pod, q: QuickExit, now: number): QuickExitView {
  const runs = runsOf(pod, q, now + 1);
  const k = runs.length - 1;
  const run = runs[k] as Run;
  const previous = k > 0 ? terminated(q, runs[k - 1] as Run) : undefined;
  const base = { restartCount: k, ...(previous ? { last: previous } : {}) };
  // A run lasts less than the kubelet's relist (1s): its status is first seen with the exit.
  const done = terminated(q, run);
  const waiting = restarts(pod, q.exitCode) && k >= 1 && now >= run.finishedAt + NOTICE_MS;
  if (!waiting) return { ...base, current: { state: 'terminated', terminated: done } };
  const backoff = Math.min(BACKOFF_START_MS * 2 ** (k - 1), BACKOFF_MAX_MS) / 1000;
  const name = pod.spec.containers[0]?.name ?? '';
  const message = `back-off ${backoff >= 60 ? `${Math.floor(backoff / 60)}m${backoff % 60}s` : `${backoff}s`} restarting failed container=${name} pod=${pod.metadata.name}_${pod.metadata.namespace || 'default'}(${pod.metadata.uid})`;
  return { restartCount: k, last: done, current: { state: 'waiting', reason: 'CrashLoopBackOff', message } };
}

/** The kubelet's events for the restarts and back-offs at moments in [from, to) (the first start's are the pod's own). */
export function quickExitEvents(pod: Pod, q: QuickExit, from: number, to: number, pullEvents: (startAt: number) => ClusterEvent[]): ClusterEvent[] {
  const name = pod.spec.containers[0]?.name ?? '';
  const events: ClusterEvent[] = [];
  const runs = runsOf(pod, q, to);
  runs.forEach((run, i) => {
    if (i > 0 && run.startedAt >= from) append(events, pullEvents(run.startedAt));
    const next = runs[i + 1]?.startedAt ?? (restarts(pod, q.exitCode) && i > 0 ? Infinity : run.finishedAt);
    if (i === 0) return;
    const pull = pod.spec.containers[0]?.imagePullPolicy === 'Always' ? RESTART_PULL_MS : 0;
    for (let t = run.finishedAt + NOTICE_MS; t < Math.min(next - pull, to); t += BACKOFF_EVENT_EVERY_MS) {
      if (t >= from)
        events.push(
          kubeletEvent(
            pod,
            'Warning',
            'BackOff',
            `Back-off restarting failed container ${name} in pod ${pod.metadata.name}_${pod.metadata.namespace || 'default'}(${pod.metadata.uid})`,
            t,
          ),
        );
    }
  });
  return events;
}

function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}
