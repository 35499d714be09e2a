// Which pods a ReplicaSet deletes when it has more than spec.replicas, as the ReplicaSet controller
// of Kubernetes 1.32 picks them (pkg/controller/replicaset/replica_set.go getPodsToDelete,
// getPodsRankedByRelatedPodsOnSameNode; pkg/controller/controller_utils.go ActivePodsWithRanks.Less).
// The pods are sorted so the cheapest to lose come first, and the first `count` go:
//
// 1. a pod no node has taken before one on a node;
// 2. Pending before Unknown before Running;
// 3. not ready before ready;
// 4. a lower controller.kubernetes.io/pod-deletion-cost before a higher one (absent or invalid: 0);
// 5. a pod sharing its node with more active pods of the same owner before one with fewer (the
//    rank counts the pods of every ReplicaSet its Deployment owns; a ReplicaSet with no owner
//    ranks every pod 0);
// 6. of two ready pods, the one ready for less time, compared in logarithmic buckets
//    (LogarithmicScaleDown, on by default): floor(log2(now - readyTime in nanoseconds)); the same
//    bucket falls back to the smaller UID;
// 7. more container restarts before fewer;
// 8. the newer before the older by creationTimestamp, in the same logarithmic buckets.
// Times are what the API stores (whole seconds); `now` is the controller's clock.

import { podConditions, podPhase, restartsOf } from './pod-status.js';
import { isPodReady } from './pod-status.js';
import { matchesSelector } from './selectors.js';
import type { Cluster, Pod, ReplicaSet } from './types.js';

export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** core/helper GetDeletionCostFromPodAnnotations: an int32 without a plus sign or leading zeros; else 0. */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata.annotations[DELETION_COST_ANNOTATION];
  if (value === undefined || !/^(0|-?[1-9][0-9]*)$/.test(value)) return 0;
  const n = Number(value);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** The pod is active: not ended and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod, now: number): boolean {
  if (pod.terminating) return false;
  const phase = podPhase(pod, now);
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** The Ready condition's lastTransitionTime, as stored (whole seconds). */
function readyTime(pod: Pod, now: number): number {
  const ready = podConditions(pod, now).find((c) => c.type === 'Ready');
  return seconds(ready?.at ?? 0);
}

/** int64(math.Log2(d)) of a duration in nanoseconds; -1 when it is not positive. */
function bucket(at: number, now: number): number {
  const ns = (now - at) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/** Negative when `a` goes first: the newer (or, same bucket, the smaller UID). */
function byAge(a: number, b: number, uidA: string, uidB: string, now: number): number {
  const diff = bucket(a, now) - bucket(b, now);
  if (diff !== 0) return diff;
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

/** Pods of every ReplicaSet with the same controller, by selector, once each (getIndirectlyRelatedPods). */
function relatedPods(cluster: Cluster, rs: ReplicaSet): Pod[] {
  const owner = rs.owner;
  if (!owner) return [];
  const siblings = (cluster.replicaSets ?? []).filter((r) => r.owner?.uid === owner.uid && r.metadata.namespace === rs.metadata.namespace);
  return cluster.pods.filter(
    (p) =>
      p.metadata.namespace === rs.metadata.namespace &&
      siblings.some((r) => Object.keys(r.spec.selector).length > 0 && matchesSelector(r.spec.selector, p.metadata.labels)),
  );
}

/**
 * The `count` pods of `active` (the ReplicaSet's active pods) its controller deletes, in the
 * order it ranks them. All of them when it deletes all (the controller does not sort then).
 */
export function podsToDelete(cluster: Cluster, rs: ReplicaSet, active: readonly Pod[], count: number): Pod[] {
  if (count >= active.length) return active.slice(0, count);
  const now = cluster.now;
  const onNode = new Map<string, number>();
  for (const pod of relatedPods(cluster, rs)) {
    if (!isPodActive(pod, now)) continue;
    const node = pod.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = active.map((pod) => ({
    pod,
    node: pod.spec.nodeName ?? '',
    phase: PHASE_ORDINAL[podPhase(pod, now)] ?? 0,
    ready: isPodReady(pod, now),
    readyAt: readyTime(pod, now),
    cost: deletionCost(pod),
    rank: onNode.get(pod.spec.nodeName ?? '') ?? 0,
    restarts: restartsOf(pod, now).count,
    created: seconds(pod.metadata.creationTimestamp),
  }));
  ranked.sort((a, b) => {
    if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '' ? -1 : 1;
    if (a.phase !== b.phase) return a.phase - b.phase;
    if (a.ready !== b.ready) return a.ready ? 1 : -1;
    if (a.cost !== b.cost) return a.cost - b.cost;
    if (a.rank !== b.rank) return b.rank - a.rank;
    if (a.ready && b.ready && a.readyAt !== b.readyAt) return byAge(a.readyAt, b.readyAt, a.pod.metadata.uid, b.pod.metadata.uid, now);
    if (a.restarts !== b.restarts) return b.restarts - a.restarts;
    if (a.created !== b.created) return byAge(a.created, b.created, a.pod.metadata.uid, b.pod.metadata.uid, now);
    return 0;
  });
  return ranked.slice(0, count).map((r) => r.pod);
}
