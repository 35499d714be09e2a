// Why the kubelet has no log to give for a container yet (pkg/kubelet/kubelet_pods.go,
// validateContainerLogStatus): the common pending failures in words, else the waiting reason.
// The sandbox's kubectl logs and the lab's API both answer with it.

import { containerState, isPodReady } from './pod-status.js';
import type { Cluster, Pod } from './types.js';

/** The BadRequest message for a container that has not started, or undefined when it has logs. */
export function logRefusal(cluster: Cluster, pod: Pod, container: string): string | undefined {
  // A container that has run (and exited) has logs, even while it waits to be started again.
  const hasRun = pod.quickExit !== undefined && cluster.now >= pod.timeline.startedAt;
  if (isPodReady(pod, cluster.now) || hasRun) return undefined;
  const st = containerState(pod, cluster.now);
  const reason = st.state === 'waiting' ? st.reason : 'ContainerCreating';
  const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
  return `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${why}`;
}
