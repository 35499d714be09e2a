// The ReplicaSet controller: keeps as many pods as a ReplicaSet's spec.replicas asks for.
// Pods it makes are named after the ReplicaSet plus five random characters (generateName),
// carry the template's labels (with pod-template-hash) and the ReplicaSet as their owner.
// Extra pods go in the order the controller prefers: not yet on a node, not yet ready, then the newest.

import { deletePod, createPod } from './pods.js';
import { recordEvents } from './events.js';
import { randomSuffix } from './ids.js';
import { podsReplacing } from './object-index.js';
import { isPodReady } from './pod-status.js';
import type { Cluster, ClusterEvent, Pod, ReplicaSet } from './types.js';

export const replicaSetsOf = (cluster: Cluster): readonly ReplicaSet[] => cluster.replicaSets ?? [];

export function findReplicaSet(cluster: Cluster, name: string, namespace = 'default'): ReplicaSet | undefined {
  return replicaSetsOf(cluster).find((rs) => rs.metadata.name === name && rs.metadata.namespace === namespace);
}

/** The pods a ReplicaSet owns, in the cluster's order. */
export function podsOfReplicaSet(cluster: Cluster, rs: ReplicaSet): Pod[] {
  return cluster.pods.filter((p) => p.owner?.uid === rs.metadata.uid);
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

/** Brings one ReplicaSet's pods to its spec.replicas. */
export function reconcileReplicaSet(cluster: Cluster, rs: ReplicaSet): Cluster {
  let next = cluster;
  const pods = podsOfReplicaSet(cluster, rs);
  if (pods.length < rs.spec.replicas) {
    for (let i = pods.length; i < rs.spec.replicas; i++) next = createOwnedPod(next, rs);
    return next;
  }
  if (pods.length > rs.spec.replicas) {
    const now = cluster.now;
    const order = [...pods].sort((a, b) => {
      // Pods with no node go first (controller.ActivePods: unassigned < assigned).
      const ua = a.spec.nodeName === undefined ? 0 : 1;
      const ub = b.spec.nodeName === undefined ? 0 : 1;
      if (ua !== ub) return ua - ub;
      if (ua === 0) return b.metadata.creationTimestamp - a.metadata.creationTimestamp;
      const ra = isPodReady(a, now) ? 1 : 0;
      const rb = isPodReady(b, now) ? 1 : 0;
      if (ra !== rb) return ra - rb;
      return b.timeline.scheduledAt - a.timeline.scheduledAt;
    });
    for (const pod of order.slice(0, pods.length - rs.spec.replicas)) {
      const deleted = deletePod(next, pod.metadata.name, pod.metadata.namespace);
      if (deleted.ok) next = recordEvents(deleted.cluster, [rsEvent(rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, now)]);
    }
  }
  return next;
}

export function reconcileReplicaSets(cluster: Cluster): Cluster {
  let next = cluster;
  for (const rs of replicaSetsOf(cluster)) next = reconcileReplicaSet(next, rs);
  return next;
}
