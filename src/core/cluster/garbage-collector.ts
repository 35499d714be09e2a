// The garbage collector's share in deleting a Deployment, a ReplicaSet or a DaemonSet, for each
// propagation policy a DELETE may carry (DeleteOptions.propagationPolicy; kubectl's --cascade,
// staging/src/k8s.io/kubectl/pkg/cmd/delete/delete_flags.go):
//
// - Background (kubectl's default): the owner goes at once; its dependents, whose
//   ownerReferences name it, are deleted by the kube-controller-manager's garbage collector
//   (pkg/controller/garbagecollector) once its graph has seen the owner go: a moment later, not in
//   the same request. So `kubectl delete all --all` on a real cluster still lists a deleted
//   Deployment's ReplicaSets, and deletes them itself. The collector deletes pods gracefully:
//   they show as Terminating until their containers have stopped.
// - Foreground: the API server keeps the owner, with a deletionTimestamp, a bumped generation and
//   the `foregroundDeletion` finalizer (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go
//   deletionFinalizersForGarbageCollection, markAsDeleting); the collector deletes its dependents
//   in the foreground too, and removes the finalizer once the last has gone. Meanwhile the
//   controllers leave the owner alone (its pods are not replaced).
// - Orphan: the owner goes, and the collector removes its ownerReferences from the dependents,
//   which stay: a ReplicaSet left by a Deployment keeps its pods. A controller whose selector
//   matches an orphan adopts it again (controller_ref_manager.go), as a Deployment made again
//   with the same template does.

import { notFound, type Result } from './api-error.js';
import { daemonSetsOf, findDaemonSet } from './daemonsets.js';
import { deploymentsOf, findDeployment, reconcileWorkloads } from './deployments.js';
import { nextRevision } from './ids.js';
import { podsReplacing } from './object-index.js';
import { terminatePod } from './pod-termination.js';
import { findReplicaSet, replicaSetsOf } from './replicasets.js';
import type { Cluster, ClusterEvent, DaemonSet, Deployment, ForegroundDeletion, Pod, ReplicaSet } from './types.js';
import { DEFAULT_NAMESPACE } from './types.js';
import { append, largest } from '../append.js';
import { recordEvents } from './events.js';
import { stoppingEvents } from './pod-delete.js';

/** How long after its owner's deletion the collector deletes a dependent (its informers' round trip). */
export const COLLECTION_DELAY_MS = 1000;

/** DeleteOptions.propagationPolicy. */
export type Propagation = 'Background' | 'Foreground' | 'Orphan';
export const PROPAGATIONS: readonly Propagation[] = ['Foreground', 'Background', 'Orphan'];

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'DaemonSet';
export type Workload = Deployment | ReplicaSet | DaemonSet;

const RESOURCES: Readonly<Record<WorkloadKind, string>> = { Deployment: 'deployments.apps', ReplicaSet: 'replicasets.apps', DaemonSet: 'daemonsets.apps' };

function findWorkload(cluster: Cluster, kind: WorkloadKind, name: string, namespace: string): Workload | undefined {
  if (kind === 'Deployment') return findDeployment(cluster, name, namespace);
  if (kind === 'ReplicaSet') return findReplicaSet(cluster, name, namespace);
  return findDaemonSet(cluster, name, namespace);
}

const ownedBy = (uid: string) => (x: { owner?: { uid: string } }) => x.owner?.uid === uid;

function withoutWorkload(cluster: Cluster, live: Workload): Cluster {
  if (live.kind === 'Deployment') return { ...cluster, deployments: deploymentsOf(cluster).filter((d) => d !== live) };
  if (live.kind === 'ReplicaSet') return { ...cluster, replicaSets: replicaSetsOf(cluster).filter((r) => r !== live) };
  return { ...cluster, daemonSets: daemonSetsOf(cluster).filter((d) => d !== live) };
}

function replacingWorkload(cluster: Cluster, live: Workload, next: Workload): Cluster {
  if (live.kind === 'Deployment') return { ...cluster, deployments: deploymentsOf(cluster).map((d) => (d === live ? (next as Deployment) : d)) };
  if (live.kind === 'ReplicaSet') return { ...cluster, replicaSets: replicaSetsOf(cluster).map((r) => (r === live ? (next as ReplicaSet) : r)) };
  return { ...cluster, daemonSets: daemonSetsOf(cluster).map((d) => (d === live ? (next as DaemonSet) : d)) };
}

/**
 * DELETE of a Deployment, ReplicaSet or DaemonSet with a propagation policy. The value is the
 * object as the API server answers the DELETE: marked for foreground deletion, or as it was.
 */
export function deleteWorkload(
  cluster: Cluster,
  kind: WorkloadKind,
  name: string,
  namespace: string = DEFAULT_NAMESPACE,
  propagation: Propagation = 'Background',
): Result<Workload> {
  const live = findWorkload(cluster, kind, name, namespace);
  if (!live) return { ok: false, cluster, error: notFound(RESOURCES[kind], name) };
  if (propagation === 'Foreground') return deleteInForeground(cluster, live);
  if (propagation === 'Orphan') return { ok: true, cluster: reconcileWorkloads(orphanDependents(withoutWorkload(cluster, live), live)), value: live };
  const collectAt = cluster.now + COLLECTION_DELAY_MS;
  const without = withoutWorkload(cluster, live);
  const next: Cluster =
    live.kind === 'Deployment'
      ? { ...without, replicaSets: replicaSetsOf(without).map((rs) => (ownedBy(live.metadata.uid)(rs) ? { ...rs, collectAt } : rs)) }
      : { ...without, pods: without.pods.map((p) => (ownedBy(live.metadata.uid)(p) && !p.terminating ? { ...p, collectAt } : p)) };
  // A Deployment whose ReplicaSet went makes it again (a new one, with new pods).
  return { ok: true, cluster: live.kind === 'ReplicaSet' ? reconcileWorkloads(next) : next, value: live };
}

/** A copy without the named optional fields. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

/** The collector removes the owner's ownerReference from each dependent (a new resourceVersion each). */
function orphanDependents(cluster: Cluster, owner: Workload): Cluster {
  let next = cluster;
  const isDependent = ownedBy(owner.metadata.uid);
  if (owner.kind === 'Deployment') {
    for (const rs of replicaSetsOf(cluster).filter(isDependent)) {
      const revision = nextRevision(next);
      const orphan: ReplicaSet = { ...without(rs, ['owner', 'collectAt']), metadata: { ...rs.metadata, resourceVersion: revision.resourceVersion } };
      next = { ...revision.cluster, replicaSets: replicaSetsOf(revision.cluster).map((r) => (r === rs ? orphan : r)) };
    }
    return next;
  }
  for (const pod of cluster.pods.filter(isDependent)) {
    const revision = nextRevision(next);
    const orphan: Pod = {
      ...without(pod, ['owner', 'collectAt']),
      generateName: pod.generateName ?? `${pod.owner?.name ?? owner.metadata.name}-`,
      metadata: { ...pod.metadata, resourceVersion: revision.resourceVersion },
    };
    next = { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p === pod, orphan) };
  }
  return next;
}

/** Marks the owner and, in turn, its dependents; pods terminate gracefully from now. */
function deleteInForeground(cluster: Cluster, live: Workload): Result<Workload> {
  const now = cluster.now;
  let next = cluster;
  const killing: ClusterEvent[] = [];
  const podsGone = (ownerUid: string): number => {
    let gone = now;
    const pods = next.pods.map((p) => {
      if (!ownedBy(ownerUid)(p)) return p;
      if (!p.terminating) append(killing, stoppingEvents(p, now));
      const stopping = terminatePod(p, now);
      gone = Math.max(gone, stopping.terminating?.goneAt ?? now);
      return stopping;
    });
    next = { ...next, pods };
    return gone;
  };
  const mark = <T extends Workload>(w: T, goneAt: number): T => {
    const revision = nextRevision(next);
    next = revision.cluster;
    const deleting: ForegroundDeletion = { since: now, goneAt };
    return {
      ...w,
      deleting,
      metadata: { ...w.metadata, resourceVersion: revision.resourceVersion },
      generation: w.generation + 1,
    };
  };
  let goneAt = now;
  if (live.kind === 'Deployment') {
    for (const rs of replicaSetsOf(cluster).filter(ownedBy(live.metadata.uid))) {
      if (rs.deleting) {
        goneAt = Math.max(goneAt, rs.deleting.goneAt);
        continue;
      }
      const rsGone = podsGone(rs.metadata.uid);
      const marked = mark(rs, rsGone);
      next = { ...next, replicaSets: replicaSetsOf(next).map((r) => (r.metadata.uid === rs.metadata.uid ? marked : r)) };
      goneAt = Math.max(goneAt, rsGone);
    }
  } else goneAt = podsGone(live.metadata.uid);
  next = recordEvents(next, killing);
  const current = findWorkload(next, live.kind, live.metadata.name, live.metadata.namespace) ?? live;
  if (current.deleting) return { ok: true, cluster: next, value: current };
  const marked = mark(current, goneAt);
  return { ok: true, cluster: replacingWorkload(next, current, marked), value: marked };
}

/** The earliest moment the collector has work waiting, if it has any. */
export function nextCollection(cluster: Cluster): number | undefined {
  const moments: number[] = [];
  for (const rs of replicaSetsOf(cluster)) {
    if (rs.collectAt !== undefined) moments.push(rs.collectAt);
    if (rs.deleting) moments.push(rs.deleting.goneAt);
  }
  for (const d of deploymentsOf(cluster)) if (d.deleting) moments.push(d.deleting.goneAt);
  for (const d of daemonSetsOf(cluster)) if (d.deleting) moments.push(d.deleting.goneAt);
  for (const p of cluster.pods) if (p.collectAt !== undefined) moments.push(p.collectAt);
  return moments.length === 0 ? undefined : moments.reduce((a, b) => Math.min(a, b));
}

/**
 * The collector's pass at this moment: dependents whose owner went are deleted (a ReplicaSet with
 * its pods, which terminate gracefully), and owners deleted in the foreground whose dependents
 * have gone lose their finalizer and go.
 */
export function collectGarbage(cluster: Cluster): Cluster {
  const now = cluster.now;
  const due = replicaSetsOf(cluster).filter((rs) => rs.collectAt !== undefined && rs.collectAt <= now);
  const dueUids = new Set(due.map((rs) => rs.metadata.uid));
  const finished = <T extends { deleting?: ForegroundDeletion }>(x: T): boolean => x.deleting !== undefined && x.deleting.goneAt <= now;
  // The collector deletes each pod through the API; its kubelet stops the containers (Killing).
  const stopping: ClusterEvent[] = [];
  const pods = cluster.pods.map((p) => {
    if (!((p.collectAt !== undefined && p.collectAt <= now) || (p.owner !== undefined && dueUids.has(p.owner.uid)))) return p;
    const at = p.collectAt ?? now;
    if (!p.terminating) append(stopping, stoppingEvents(p, at));
    return terminatePod(p, at);
  });
  return {
    ...recordEvents(cluster, stopping),
    pods,
    ...(cluster.replicaSets ? { replicaSets: cluster.replicaSets.filter((rs) => !dueUids.has(rs.metadata.uid) && !finished(rs)) } : {}),
    ...(cluster.deployments ? { deployments: cluster.deployments.filter((d) => !finished(d)) } : {}),
    ...(cluster.daemonSets ? { daemonSets: cluster.daemonSets.filter((d) => !finished(d)) } : {}),
  };
}

/** When every object a delete marked for the foreground has gone (kubectl's wait), if any waits. */
export function foregroundGoneAt(cluster: Cluster, uids: ReadonlySet<string>): number | undefined {
  const moments: number[] = [];
  for (const w of [...deploymentsOf(cluster), ...replicaSetsOf(cluster), ...daemonSetsOf(cluster)]) {
    if (w.deleting && uids.has(w.metadata.uid)) moments.push(w.deleting.goneAt);
  }
  return moments.length === 0 ? undefined : largest(moments, 0);
}
