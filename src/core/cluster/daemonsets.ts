// DaemonSets and their controller (pkg/controller/daemon): one pod on every node the node
// selector allows. kube-proxy and flannel tolerate every taint, so the control-plane node has
// one too. A node that lacks its pod (the learner deleted it) gets a new one, with a new
// generated name, as soon as the clock moves on.

import { randomSuffix, nextRevision } from './ids.js';
import { isPodReady } from './pod-status.js';
import { daemonSetPod } from './system-pods.js';
import type { Cluster, DaemonSet, Node, Pod } from './types.js';

export const daemonSetsOf = (cluster: Cluster): readonly DaemonSet[] => cluster.daemonSets ?? [];

export function findDaemonSet(cluster: Cluster, name: string, namespace = 'default'): DaemonSet | undefined {
  return daemonSetsOf(cluster).find((ds) => ds.metadata.name === name && ds.metadata.namespace === namespace);
}

export function podsOfDaemonSet(cluster: Cluster, ds: DaemonSet): Pod[] {
  return cluster.pods.filter((p) => p.owner?.uid === ds.metadata.uid);
}

/** The nodes the DaemonSet wants a pod on: those whose labels its node selector matches. */
export function nodesFor(cluster: Cluster, ds: DaemonSet): Node[] {
  const selector = ds.spec.nodeSelector ?? {};
  return cluster.nodes.filter((n) => Object.entries(selector).every(([k, v]) => n.metadata.labels[k] === v));
}

export interface DaemonSetStatus {
  readonly desired: number;
  readonly current: number;
  readonly ready: number;
  readonly upToDate: number;
  readonly available: number;
  readonly misscheduled: number;
}

export function daemonSetStatus(cluster: Cluster, ds: DaemonSet): DaemonSetStatus {
  const pods = podsOfDaemonSet(cluster, ds).filter((p) => !p.terminating);
  const ready = pods.filter((p) => isPodReady(p, cluster.now)).length;
  const upToDate = pods.filter((p) => p.metadata.labels['controller-revision-hash'] === ds.revisionHash).length;
  return { desired: nodesFor(cluster, ds).length, current: pods.length, ready, upToDate, available: ready, misscheduled: 0 };
}

/** Gives every wanted node that has no pod of a DaemonSet a new one. */
export function reconcileDaemonSets(cluster: Cluster): Cluster {
  let next = cluster;
  for (const ds of daemonSetsOf(cluster)) {
    // A DaemonSet being deleted in the foreground makes no new pods (daemon_controller.go syncDaemonSet).
    if (ds.deleting) continue;
    const owned = podsOfDaemonSet(next, ds);
    for (const node of nodesFor(next, ds)) {
      if (owned.some((p) => p.spec.nodeName === node.metadata.name)) continue;
      let rng = next.rng;
      let name = '';
      for (let tries = 0; tries < 10; tries++) {
        const suffix = randomSuffix(rng, 5);
        rng = suffix.rng;
        name = `${ds.metadata.name}-${suffix.text}`;
        if (!next.pods.some((p) => p.metadata.name === name && p.metadata.namespace === ds.metadata.namespace)) break;
      }
      const revision = nextRevision({ ...next, rng });
      const pod = daemonSetPod(ds, node, name, next.now, Number(revision.resourceVersion));
      next = { ...revision.cluster, pods: [...revision.cluster.pods, pod] };
    }
  }
  return next;
}
