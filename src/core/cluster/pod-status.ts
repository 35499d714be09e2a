// A pod's visible status at a moment on the virtual clock, derived from its timeline.

import { quickExitView, type Terminated } from './crash-loop.js';
import { pullWaiting } from './image-pull.js';
import type { Pod, PodPhase } from './types.js';

export type ContainerState =
  | { readonly state: 'waiting'; readonly reason: 'ContainerCreating' }
  | { readonly state: 'waiting'; readonly reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName' | 'CrashLoopBackOff'; readonly message: string }
  | { readonly state: 'running'; readonly startedAt: number }
  | { readonly state: 'terminated'; readonly reason: Terminated['reason']; readonly terminated: Terminated };

/** The container's restarts and the run before this one (lastState.terminated), at `now`. */
export function restartsOf(pod: Pod, now: number): { count: number; last?: Terminated } {
  if (pod.quickExit && now >= pod.timeline.startedAt) {
    const view = quickExitView(pod, pod.quickExit, now);
    return { count: view.restartCount, ...(view.last ? { last: view.last } : {}) };
  }
  const last = pod.lastTermination;
  return {
    count: pod.restartCount ?? 0,
    ...(last ? { last: { reason: 'Completed', exitCode: 0, startedAt: last.startedAt, finishedAt: last.finishedAt } } : {}),
  };
}

export interface PodConditionView {
  readonly type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled';
  readonly status: 'True' | 'False';
  readonly at: number;
  /** PodScheduled=False: `Unschedulable` and the scheduler's message. */
  readonly reason?: string;
  readonly message?: string;
}

export function podPhase(pod: Pod, now: number): PodPhase {
  if (now < pod.timeline.startedAt) return 'Pending';
  const st = containerState(pod, now);
  // A container that ended and will not be started again ends the pod.
  if (st.state === 'terminated' && pod.spec.restartPolicy !== 'Always' && !(pod.spec.restartPolicy === 'OnFailure' && st.terminated.exitCode !== 0)) {
    return st.terminated.exitCode === 0 ? 'Succeeded' : 'Failed';
  }
  return 'Running';
}

export function containerState(pod: Pod, now: number): ContainerState {
  if (pod.imagePull) return { state: 'waiting', ...pullWaiting(pod, pod.imagePull, now) };
  if (pod.quickExit && now >= pod.timeline.startedAt) {
    const st = quickExitView(pod, pod.quickExit, now).current;
    return st.state === 'terminated' ? { state: 'terminated', reason: st.terminated.reason, terminated: st.terminated } : st;
  }
  return now >= pod.timeline.startedAt ? { state: 'running', startedAt: pod.timeline.startedAt } : { state: 'waiting', reason: 'ContainerCreating' };
}

/** Running and ready: the pod can be an endpoint. */
export function isPodReady(pod: Pod, now: number): boolean {
  if (pod.quickExit) return now >= pod.timeline.startedAt && containerState(pod, now).state === 'running';
  return now >= pod.timeline.startedAt;
}

/** The pod IP is known once the sandbox exists. */
export function visiblePodIP(pod: Pod, now: number): string | undefined {
  return now >= pod.timeline.sandboxAt ? pod.status.podIP : undefined;
}

export function podConditions(pod: Pod, now: number): PodConditionView[] {
  // A pod no node has taken has one condition, the scheduler's (schedule_one.go handleSchedulingFailure).
  if (pod.spec.nodeName === undefined) {
    const waiting = pod.unschedulable;
    return [
      {
        type: 'PodScheduled',
        status: 'False',
        at: waiting?.since ?? pod.metadata.creationTimestamp,
        ...(waiting ? { reason: 'Unschedulable', message: waiting.message } : {}),
      },
    ];
  }
  const t = pod.timeline;
  const sandbox = now >= t.sandboxAt;
  const ready = isPodReady(pod, now);
  return [
    { type: 'PodReadyToStartContainers', status: sandbox ? 'True' : 'False', at: sandbox ? t.sandboxAt : t.scheduledAt },
    { type: 'Initialized', status: 'True', at: t.scheduledAt },
    { type: 'Ready', status: ready ? 'True' : 'False', at: ready ? t.startedAt : t.scheduledAt },
    { type: 'ContainersReady', status: ready ? 'True' : 'False', at: ready ? t.startedAt : t.scheduledAt },
    { type: 'PodScheduled', status: 'True', at: t.scheduledAt },
  ];
}
