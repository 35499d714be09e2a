// The garbage collector's share in deleting a Deployment. A DELETE with background propagation
// (kubectl's default cascade, staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go) removes the
// Deployment at once; its ReplicaSets, whose ownerReferences name it, are deleted by the
// kube-controller-manager's garbage collector (pkg/controller/garbagecollector) once its graph
// has seen the owner go: a moment later, not in the same request. So `kubectl delete all --all`
// on a real cluster still lists the ReplicaSets after deleting their Deployment, and deletes them
// itself (`replicaset.apps "..." deleted`), where a collector in the same request would leave
// nothing to list.

import { notFound, type Result } from './api-error.js';
import { deleteReplicaSetCascade, deploymentsOf, findDeployment, ownedReplicaSets } from './deployments.js';
import { replicaSetsOf } from './replicasets.js';
import type { Cluster, Deployment } from './types.js';
import { DEFAULT_NAMESPACE } from './types.js';

/** How long after its owner's deletion the collector deletes a dependent (its informers' round trip). */
export const COLLECTION_DELAY_MS = 1000;

/** DELETE of a Deployment with background propagation: its ReplicaSets are collected a moment later. */
export function deleteDeploymentInBackground(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Result<Deployment> {
  const live = findDeployment(cluster, name, namespace);
  if (!live) return { ok: false, cluster, error: notFound('deployments.apps', name) };
  const dependents = new Set(ownedReplicaSets(cluster, live));
  const collectAt = cluster.now + COLLECTION_DELAY_MS;
  return {
    ok: true,
    cluster: {
      ...cluster,
      deployments: deploymentsOf(cluster).filter((d) => d !== live),
      replicaSets: replicaSetsOf(cluster).map((rs) => (dependents.has(rs) ? { ...rs, collectAt } : rs)),
    },
    value: live,
  };
}

/** The earliest moment a dependent waits to be collected, if any does. */
export function nextCollection(cluster: Cluster): number | undefined {
  let soonest: number | undefined;
  for (const rs of replicaSetsOf(cluster)) if (rs.collectAt !== undefined && (soonest === undefined || rs.collectAt < soonest)) soonest = rs.collectAt;
  return soonest;
}

/** Deletes the dependents whose moment has come, with their pods (their own dependents). */
export function collectGarbage(cluster: Cluster): Cluster {
  let next = cluster;
  for (const rs of replicaSetsOf(cluster)) if (rs.collectAt !== undefined && rs.collectAt <= cluster.now) next = deleteReplicaSetCascade(next, rs);
  return next;
}
