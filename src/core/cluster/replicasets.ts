// The ReplicaSet controller: keeps as many pods as a ReplicaSet's spec.replicas asks for.
// Pods it makes are named after the ReplicaSet plus five random characters (generateName),
// carry the template's labels (with pod-template-hash) and the ReplicaSet as their owner.
// Extra pods go in the order the controller ranks them (pods-to-delete.ts), deleted gracefully.

import { createPod } from './pods.js';
import { deletePodGracefully } from './pod-delete.js';
import { podsToDelete } from './pods-to-delete.js';
import { recordEvents } from './events.js';
import { podIndex, podsReplacing } from './object-index.js';
import { nextRevision, randomSuffix } from './ids.js';
import { matchesSelector } from './selectors.js';
import type { Cluster, ClusterEvent, Pod, ReplicaSet } from './types.js';

export const replicaSetsOf = (cluster: Cluster): readonly ReplicaSet[] => cluster.replicaSets ?? [];

export function findReplicaSet(cluster: Cluster, name: string, namespace = 'default'): ReplicaSet | undefined {
  return replicaSetsOf(cluster).find((rs) => rs.metadata.name === name && rs.metadata.namespace === namespace);
}

/** The pods a ReplicaSet owns, in the cluster's order. */
export function podsOfReplicaSet(cluster: Cluster, rs: ReplicaSet): Pod[] {
  return cluster.pods.filter((p) => p.owner?.uid === rs.metadata.uid);
}

/** The pods a ReplicaSet counts (status.replicas): those not being deleted (controller.FilterActivePods). */
export function activePodsOfReplicaSet(cluster: Cluster, rs: ReplicaSet): Pod[] {
  return podsOfReplicaSet(cluster, rs).filter((p) => !p.terminating);
}

/** Replaces one stored ReplicaSet (same uid). */
export function withReplicaSet(cluster: Cluster, rs: ReplicaSet): Cluster {
  return { ...cluster, replicaSets: replicaSetsOf(cluster).map((r) => (r.metadata.uid === rs.metadata.uid ? rs : r)) };
}

function rsEvent(rs: ReplicaSet, reason: string, message: string, at: number): ClusterEvent {
  return {
    involved: { kind: 'ReplicaSet', name: rs.metadata.name, namespace: rs.metadata.namespace },
    involvedUid: rs.metadata.uid,
    type: 'Normal',
    reason,
    message,
    source: 'replicaset-controller',
    at,
  };
}

function createOwnedPod(cluster: Cluster, rs: ReplicaSet): Cluster {
  // generateName: a name the cluster does not have yet.
  let rng = cluster.rng;
  let name = '';
  for (let tries = 0; tries < 10; tries++) {
    const suffix = randomSuffix(rng, 5);
    rng = suffix.rng;
    name = `${rs.metadata.name}-${suffix.text}`;
    if (!cluster.pods.some((p) => p.metadata.name === name && p.metadata.namespace === rs.metadata.namespace)) break;
  }
  const created = createPod(
    { ...cluster, rng },
    {
      name,
      namespace: rs.metadata.namespace,
      labels: rs.spec.template.labels,
      containers: rs.spec.template.containers.map((c) => ({
        name: c.name,
        image: c.image,
        ports: c.ports,
        env: c.env,
        imagePullPolicy: c.imagePullPolicy,
      })),
    },
  );
  if (!created.ok) return cluster;
  const template = rs.spec.template;
  const made = created.value;
  // The cluster's own templates (CoreDNS) carry requests, limits and a priority class.
  const system: Pod = template.priorityClassName
    ? {
        ...made,
        spec: {
          ...made.spec,
          containers: made.spec.containers.map((c, i) => {
            const resources = template.containers[i]?.resources;
            return resources ? { ...c, resources } : c;
          }),
          priorityClassName: template.priorityClassName,
          priority: template.priorityClassName === 'system-node-critical' ? 2000001000 : 2000000000,
        },
        status: { ...made.status, qosClass: template.containers.some((c) => c.resources) ? 'Burstable' : made.status.qosClass },
      }
    : made;
  const owned: Pod = { ...system, owner: { kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid } };
  const next = { ...created.cluster, pods: podsReplacing(created.cluster.pods, (p) => p === created.value, owned) };
  return recordEvents(next, [rsEvent(rs, 'SuccessfulCreate', `Created pod: ${name}`, cluster.now)]);
}

/**
 * The ReplicaSet controller adopts orphaned pods its selector matches, in its namespace
 * (pkg/controller/controller_ref_manager.go ClaimPods): the pods a ReplicaSet deleted with
 * --cascade=orphan left belong to the one its Deployment makes again.
 */
function adoptPods(cluster: Cluster, rs: ReplicaSet): Cluster {
  let candidates: readonly Pod[] | undefined;
  const byLabel = podIndex(cluster.pods).byLabel;
  for (const [key, value] of Object.entries(rs.spec.selector)) {
    const pods = byLabel.get(key, value);
    if (candidates === undefined || pods.length < candidates.length) candidates = pods;
  }
  const orphans = (candidates ?? []).filter(
    (p) => p.owner === undefined && !p.terminating && p.metadata.namespace === rs.metadata.namespace && matchesSelector(rs.spec.selector, p.metadata.labels),
  );
  if (orphans.length === 0) return cluster;
  let next = cluster;
  for (const pod of orphans) {
    const revision = nextRevision(next);
    const adopted: Pod = {
      ...pod,
      owner: { kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid },
      metadata: { ...pod.metadata, resourceVersion: revision.resourceVersion },
    };
    next = { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p === pod, adopted) };
  }
  return next;
}

/** Brings one ReplicaSet's pods to its spec.replicas. */
export function reconcileReplicaSet(cluster: Cluster, rs: ReplicaSet): Cluster {
  // A ReplicaSet being deleted in the foreground is left alone (replica_set.go syncReplicaSet).
  if (rs.deleting) return cluster;
  let next = Object.keys(rs.spec.selector).length > 0 ? adoptPods(cluster, rs) : cluster;
  // Terminating pods are not counted (controller.FilterActivePods).
  const pods = activePodsOfReplicaSet(next, rs);
  if (pods.length < rs.spec.replicas) {
    for (let i = pods.length; i < rs.spec.replicas; i++) next = createOwnedPod(next, rs);
    return next;
  }
  if (pods.length > rs.spec.replicas) {
    // The extra pods are deleted through the API with their own grace period: they show as
    // Terminating until their containers have stopped (manageReplicas, podControl.DeletePod).
    const now = cluster.now;
    for (const pod of podsToDelete(next, rs, pods, pods.length - rs.spec.replicas)) {
      const noted = recordEvents(next, [rsEvent(rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, now)]);
      const deleted = deletePodGracefully(noted, pod.metadata.name, pod.metadata.namespace);
      if (deleted.ok) next = deleted.cluster;
    }
  }
  return next;
}

export function reconcileReplicaSets(cluster: Cluster): Cluster {
  let next = cluster;
  for (const rs of replicaSetsOf(cluster)) next = reconcileReplicaSet(next, rs);
  return next;
}
