// A pull that fails, and what the kubelet does about it: the attempts, the back-off between
// them, the container's waiting state and the events it records
// (pkg/kubelet/images/image_manager.go, pkg/kubelet/kuberuntime/kuberuntime_container.go).
//
// Back-off per image: 10s, doubling, at most 300s (the kubelet's imageBackOff). The pod worker
// syncs a failing pod again a few seconds after the failure (the status turns ImagePullBackOff),
// then every 15s; a sync past the back-off pulls again.

import type { ClusterEvent, Pod } from './types.js';

export interface PullFailure {
  readonly reason: 'ErrImagePull' | 'InvalidImageName';
  /** The CRI error (ErrImagePull) or the kubelet's own message (InvalidImageName). */
  readonly message: string;
  /** How long each pull takes to fail, ms. */
  readonly failMs: number;
  /** Events exist up to here (exclusive); more are recorded as the clock moves. */
  readonly eventsUntil: number;
}

const FIRST_SYNC_MS = 8_000;
const SYNC_EVERY_MS = 15_000;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;

/** How far ahead of the clock events are written down. */
export const EVENT_HORIZON_MS = 10 * 60_000;

export const backoffAfter = (failures: number): number => Math.min(BACKOFF_START_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);

export type PullMoment =
  { readonly kind: 'pulling'; readonly at: number } | { readonly kind: 'failed'; readonly at: number } | { readonly kind: 'backoff'; readonly at: number };

/** The kubelet's moments for a failing pull from `start` (the first Pulling), up to `until`. */
export function pullMoments(start: number, failure: PullFailure, until: number): PullMoment[] {
  const out: PullMoment[] = [];
  if (failure.reason === 'InvalidImageName') {
    for (let t = start; t < until; t += SYNC_EVERY_MS) out.push({ kind: 'failed', at: t });
    return out;
  }
  let attempt = start;
  let failures = 0;
  while (attempt < until) {
    out.push({ kind: 'pulling', at: attempt });
    const failedAt = attempt + failure.failMs;
    if (failedAt >= until) break;
    out.push({ kind: 'failed', at: failedAt });
    failures++;
    let sync = failedAt + FIRST_SYNC_MS;
    while (sync - failedAt < backoffAfter(failures) && sync < until) {
      out.push({ kind: 'backoff', at: sync });
      sync += SYNC_EVERY_MS;
    }
    attempt = sync;
  }
  return out;
}

export type PullWaiting =
  { readonly reason: 'ContainerCreating' } | { readonly reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName'; readonly message: string };

/** The container's waiting reason and message at `now` (what `get pods` shows as STATUS). */
export function pullWaiting(pod: Pod, failure: PullFailure, now: number): PullWaiting {
  const start = pod.timeline.pullStartedAt;
  if (now < start + (failure.reason === 'InvalidImageName' ? 0 : failure.failMs)) return { reason: 'ContainerCreating' };
  if (failure.reason === 'InvalidImageName') return { reason: 'InvalidImageName', message: failure.message };
  let last: PullMoment | undefined;
  for (const m of pullMoments(start, failure, now + 1)) if (m.kind !== 'pulling') last = m;
  if (last?.kind === 'failed') return { reason: 'ErrImagePull', message: failure.message };
  const image = pod.spec.containers[0]?.image ?? '';
  return { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${failure.message}` };
}

/** An event the kubelet on the pod's node records about the pod. */
export function kubeletEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, at: number): ClusterEvent {
  return {
    involved: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace },
    involvedUid: pod.metadata.uid,
    type,
    reason,
    message,
    source: `kubelet/${pod.spec.nodeName}`,
    at,
  };
}

/** The kubelet's events for the failing pull, for moments in [from, to). */
export function pullEvents(pod: Pod, failure: PullFailure, from: number, to: number): ClusterEvent[] {
  const container = pod.spec.containers[0];
  const image = container?.image ?? '';
  const ev = (type: 'Normal' | 'Warning', reason: string, message: string, at: number): ClusterEvent => kubeletEvent(pod, type, reason, message, at);
  const events: ClusterEvent[] = [];
  for (const m of pullMoments(pod.timeline.pullStartedAt, failure, to)) {
    if (m.at < from) continue;
    if (failure.reason === 'InvalidImageName') {
      events.push(ev('Warning', 'InspectFailed', failure.message, m.at), ev('Warning', 'Failed', 'Error: InvalidImageName', m.at));
    } else if (m.kind === 'pulling') events.push(ev('Normal', 'Pulling', `Pulling image "${image}"`, m.at));
    else if (m.kind === 'failed') {
      events.push(ev('Warning', 'Failed', `Failed to pull image "${image}": ${failure.message}`, m.at), ev('Warning', 'Failed', 'Error: ErrImagePull', m.at));
    } else events.push(ev('Normal', 'BackOff', `Back-off pulling image "${image}"`, m.at), ev('Warning', 'Failed', 'Error: ImagePullBackOff', m.at));
  }
  return events;
}
