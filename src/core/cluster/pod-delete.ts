// DELETE of a pod, as the API server and the kubelet answer it on Kubernetes 1.32.
//
// The pod registry decides the grace period (pkg/registry/core/pod/strategy.go CheckGracefulDelete):
// the DELETE's gracePeriodSeconds if it has one, else the pod's terminationGracePeriodSeconds; a
// pod not yet bound to a node, or whose containers have all ended (Succeeded, Failed), is deleted
// at once. With a grace period above zero the registry only marks the pod
// (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete: deletionTimestamp = now
// + grace, deletionGracePeriodSeconds = grace, a new resourceVersion); the kubelet stops its
// containers ("Killing: Stopping container NAME") and, once they have stopped, deletes the pod for
// good (pod-termination.ts says when). A second DELETE of a pod already terminating may only
// shorten its grace period; a grace period of zero (--force) removes it at once.
// A ReplicaSet does not count a terminating pod (controller.FilterActivePods): it makes a
// replacement at once.

import { notFound, type Result } from './api-error.js';
import { recordEvents } from './events.js';
import { nextRevision } from './ids.js';
import { kubeletEvent } from './image-pull.js';
import { isMirrorPod } from './mirror-pods.js';
import { podsReplacing } from './object-index.js';
import { containerState, podPhase } from './pod-status.js';
import { gracefulTermination, terminatePod } from './pod-termination.js';
import { deletePod, findPod } from './pods.js';
import type { Cluster, ClusterEvent, Pod } from './types.js';
import { DEFAULT_NAMESPACE } from './types.js';

/** The grace period the registry gives a DELETE of this pod (`requested` below zero or absent: the pod's own). */
export function podGracePeriod(pod: Pod, now: number, requested?: number): number {
  if (pod.spec.nodeName === undefined) return 0;
  const phase = podPhase(pod, now);
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  return requested !== undefined && requested >= 0 ? requested : pod.spec.terminationGracePeriodSeconds;
}

function replacingPod(cluster: Cluster, live: Pod, next: Pod): { cluster: Cluster; pod: Pod } {
  const revision = nextRevision(cluster);
  const pod: Pod = { ...next, metadata: { ...next.metadata, resourceVersion: revision.resourceVersion } };
  return { cluster: { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p === live, pod) }, pod };
}

/**
 * DELETE of a pod with an optional grace period (seconds). The value is the pod as the API server
 * answers: marked Terminating, or as it was when it went at once.
 */
export function deletePodGracefully(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE, requested?: number): Result<Pod> {
  const live = findPod(cluster, name, namespace);
  if (!live) return { ok: false, cluster, error: notFound('pods', name) };
  // A static pod's mirror is made again by its kubelet: the pod itself never stops.
  if (isMirrorPod(live)) return deletePod(cluster, name, namespace);
  const now = cluster.now;
  const grace = podGracePeriod(live, now, requested);
  if (grace === 0) return deletePod(cluster, name, namespace);
  if (live.terminating) {
    // Only a shorter grace period changes a deletion under way.
    const shorter = gracefulTermination(live, now, grace);
    if (shorter.deletionTimestamp >= live.terminating.deletionTimestamp) return { ok: true, cluster, value: live };
    const goneAt = Math.min(live.terminating.goneAt, shorter.goneAt);
    const marked = replacingPod(cluster, live, { ...live, terminating: { ...shorter, goneAt } });
    return { ok: true, cluster: marked.cluster, value: marked.pod };
  }
  const marked = replacingPod(cluster, live, terminatePod(live, now, grace));
  return { ok: true, cluster: recordEvents(marked.cluster, stoppingEvents(live, now)), value: marked.pod };
}

/**
 * The kubelet's events as it stops a deleted pod's running containers, one `Killing: Stopping
 * container NAME` each (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer). A
 * container not running (still pulling, waiting to be restarted) is not killed and has none.
 */
export function stoppingEvents(pod: Pod, at: number): ClusterEvent[] {
  if (pod.spec.nodeName === undefined || containerState(pod, at).state !== 'running') return [];
  return pod.spec.containers.map((c) => ({ ...kubeletEvent(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, at), container: c.name }));
}
