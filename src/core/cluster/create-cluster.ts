// A fresh cluster: nodes, the `kubernetes` service, a clock and a seeded RNG.

import { settleWorkloads } from './deployments.js';
import { collectGarbage, nextCollection } from './garbage-collector.js';
import { settleTerminations } from './namespace-termination.js';
import { reconcileDaemonSets } from './daemonsets.js';
import { systemObjects } from './system-pods.js';
import { newUid } from './ids.js';
import { seedRng } from '../random.js';
import { DEFAULT_CONFIG, DEFAULT_NODES, DEFAULT_START, buildNode, type NodePlan } from './topology.js';
import type { Cluster, ClusterConfig, ClusterEvent, Node, Pod, Service } from './types.js';
import { EVENT_HORIZON_MS, pullEvents } from './image-pull.js';
import { quickExitEvents } from './crash-loop.js';
import { restartEvents, retryUnschedulable, scheduleWaiting } from './pods.js';
import { recordEvents } from './events.js';
import { podsReplacing } from './object-index.js';
import { append, smallest } from '../append.js';

export interface CreateClusterOptions {
  readonly seed: number;
  /** Start of the virtual clock (ms since the epoch); defaults to 2025-03-01T09:00:00Z. */
  readonly now?: number;
  readonly config?: Partial<ClusterConfig>;
  readonly nodes?: readonly NodePlan[];
  /** false: no kube-system pods, kube-dns or CNI (an empty cluster for tests of one mechanism). */
  readonly systemPods?: boolean;
}

export function createCluster(options: CreateClusterOptions): Cluster {
  const config: ClusterConfig = { ...DEFAULT_CONFIG, ...options.config };
  const start = options.now ?? DEFAULT_START;
  let rng = seedRng(options.seed);
  let revision = 100;
  const nodes: Node[] = [];
  for (const plan of options.nodes ?? DEFAULT_NODES) {
    const uid = newUid(rng);
    rng = uid.rng;
    revision += 1;
    nodes.push(buildNode(plan, config, start, uid.uid, String(revision)));
  }
  const oldest = smallest(
    nodes.map((n) => n.metadata.creationTimestamp),
    Infinity,
  );
  const uid = newUid(rng);
  rng = uid.rng;
  revision += 1;
  const kubernetes: Service = {
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      uid: uid.uid,
      resourceVersion: String(revision),
      creationTimestamp: oldest + 8_000,
      labels: { component: 'apiserver', provider: 'kubernetes' },
      annotations: {},
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: config.apiServerPort }],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  };
  // The cluster's own pods and the kube-dns Service, from the revisions before the learner's.
  const system = options.systemPods === false ? undefined : systemObjects(config, nodes, revision + 100);
  return {
    config,
    now: start,
    rng,
    revision: revision + 400,
    nodes: system ? [...system.nodes] : nodes,
    pods: system ? [...system.pods] : [],
    services: system ? [kubernetes, ...system.services] : [kubernetes],
    events: [],
    ...(system ? { namespaces: system.namespaces, daemonSets: system.daemonSets, deployments: system.deployments, replicaSets: system.replicaSets } : {}),
  };
}

/** Moves the virtual clock forward; pods progress through their start-up as time passes. */
export function advanceClock(cluster: Cluster, ms: number): Cluster {
  if (!(ms > 0)) return cluster;
  // The garbage collector deletes a deleted Deployment's ReplicaSets on the way, at their moment.
  const until = cluster.now + ms;
  const collection = nextCollection(cluster);
  if (collection !== undefined && collection <= until) {
    const at = moveClock(cluster, collection - cluster.now);
    return advanceClock(collectGarbage(at), until - at.now);
  }
  return moveClock(cluster, ms);
}

/** The controllers and kubelets as `ms` pass. */
function moveClock(cluster: Cluster, ms: number): Cluster {
  if (!(ms > 0)) return cluster;
  // Controllers act as time passes (a deployment's pods replaced, a rollout stepped on); the
  // kubelet's retries of failed pulls are written down ahead of the clock.
  // A DaemonSet's missing pod is made at once, at the moment the clock starts from.
  const from = cluster.daemonSets?.length ? reconcileDaemonSets(cluster) : cluster;
  const moved = from.deployments?.length || from.replicaSets?.length ? settleWorkloads(from, from.now + ms) : { ...from, now: from.now + ms };
  // Pods that ended on the way left room on their nodes: the scheduler takes up waiting pods.
  return recordKubeletRetries(retryUnschedulable(scheduleWaiting(settleTerminations(moved))));
}

/** The kubelet keeps retrying pulls that fail: write its events down ahead of the clock. */
function recordKubeletRetries(cluster: Cluster): Cluster {
  return recordRestarts(recordPullRetries(cluster));
}

/** The kubelet keeps restarting containers that exit: their events too. */
function recordRestarts(cluster: Cluster): Cluster {
  const due = cluster.pods.filter((p) => p.quickExit && p.quickExit.eventsUntil < cluster.now + EVENT_HORIZON_MS / 2);
  if (due.length === 0) return cluster;
  const events: ClusterEvent[] = [];
  let pods = cluster.pods;
  for (const pod of due) {
    const q = pod.quickExit;
    if (!q) continue;
    const until = cluster.now + EVENT_HORIZON_MS;
    append(events, quickExitEvents(pod, q, q.eventsUntil, until, restartEvents(pod)));
    pods = podsReplacing(pods, (p) => p === pod, { ...pod, quickExit: { ...q, eventsUntil: until } });
  }
  return recordEvents({ ...cluster, pods }, events);
}

function recordPullRetries(cluster: Cluster): Cluster {
  const due = cluster.pods.filter((p) => p.imagePull && p.imagePull.eventsUntil < cluster.now + EVENT_HORIZON_MS / 2);
  if (due.length === 0) return cluster;
  const events: ClusterEvent[] = [];
  const updated = new Map<Pod, Pod>();
  for (const pod of due) {
    const failure = pod.imagePull;
    if (!failure) continue;
    const until = cluster.now + EVENT_HORIZON_MS;
    append(events, pullEvents(pod, failure, failure.eventsUntil, until));
    updated.set(pod, { ...pod, imagePull: { ...failure, eventsUntil: until } });
  }
  let pods = cluster.pods;
  for (const [old, next] of updated) pods = podsReplacing(pods, (p) => p === old, next);
  return recordEvents({ ...cluster, pods }, events);
}
