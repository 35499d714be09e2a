// A pod's visible status at a moment on the virtual clock, derived from its timeline.

import { pullWaiting } from './image-pull.js';
import type { Pod, PodPhase } from './types.js';

export type ContainerState =
  | { readonly state: 'waiting'; readonly reason: 'ContainerCreating' }
  | { readonly state: 'waiting'; readonly reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName'; readonly message: string }
  | { readonly state: 'running'; readonly startedAt: number };

export interface PodConditionView {
  readonly type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled';
  readonly status: 'True' | 'False';
  readonly at: number;
}

export function podPhase(pod: Pod, now: number): PodPhase {
  return now >= pod.timeline.startedAt ? 'Running' : 'Pending';
}

export function containerState(pod: Pod, now: number): ContainerState {
  if (pod.imagePull) return { state: 'waiting', ...pullWaiting(pod, pod.imagePull, now) };
  return now >= pod.timeline.startedAt
    ? { state: 'running', startedAt: pod.timeline.startedAt }
    : { state: 'waiting', reason: 'ContainerCreating' };
}

/** Running and ready: the pod can be an endpoint. */
export function isPodReady(pod: Pod, now: number): boolean {
  return now >= pod.timeline.startedAt;
}

/** The pod IP is known once the sandbox exists. */
export function visiblePodIP(pod: Pod, now: number): string | undefined {
  return now >= pod.timeline.sandboxAt ? pod.status.podIP : undefined;
}

export function podConditions(pod: Pod, now: number): PodConditionView[] {
  const t = pod.timeline;
  const sandbox = now >= t.sandboxAt;
  const ready = now >= t.startedAt;
  return [
    { type: 'PodReadyToStartContainers', status: sandbox ? 'True' : 'False', at: sandbox ? t.sandboxAt : t.scheduledAt },
    { type: 'Initialized', status: 'True', at: t.scheduledAt },
    { type: 'Ready', status: ready ? 'True' : 'False', at: ready ? t.startedAt : t.scheduledAt },
    { type: 'ContainersReady', status: ready ? 'True' : 'False', at: ready ? t.startedAt : t.scheduledAt },
    { type: 'PodScheduled', status: 'True', at: t.scheduledAt },
  ];
}
