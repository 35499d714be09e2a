// Deployments, ReplicaSets, Namespaces, EndpointSlices and Events as the API server serialises
// them (apps/v1, v1, discovery.k8s.io/v1), fields in Go struct order.

import {
  daemonSetStatus,
  deploymentStatus,
  isPodReady,
  newReplicaSet,
  activePodsOfReplicaSet,
  podsOfReplicaSet,
  rollingNumbers,
  type Cluster,
  type Container,
  type DaemonSet,
  type Deployment,
  type Labels,
  type EndpointSlice,
  type EventObject,
  type ForegroundDeletion,
  type Namespace,
  type ObjectMeta,
  type PodTemplate,
  type ReplicaSet,
} from '../cluster/index.js';
import { rfc3339 } from './duration.js';
import { inMetaOrder } from './api-view.js';
import { terminationConditions } from '../cluster/namespace-termination.js';
import type { JsonValue } from './go-yaml.js';
import { largest } from '../append.js';

type Json = { [key: string]: JsonValue };

interface MetaExtra {
  generation?: number;
  owner?: { kind: string; name: string; uid: string; apiVersion: string };
  /** Being deleted in the foreground: deletionTimestamp, a grace period of 0 and the collector's finalizer. */
  deleting?: ForegroundDeletion;
}

function meta(m: ObjectMeta, extra: MetaExtra = {}): Json {
  const out: Json = { name: m.name };
  if (m.namespace !== '') out.namespace = m.namespace;
  out.uid = m.uid;
  out.resourceVersion = m.resourceVersion;
  if (extra.generation !== undefined) out.generation = extra.generation;
  out.creationTimestamp = rfc3339(m.creationTimestamp);
  if (extra.deleting) {
    out.deletionTimestamp = rfc3339(extra.deleting.since);
    out.deletionGracePeriodSeconds = 0;
  }
  if (Object.keys(m.labels).length > 0) out.labels = { ...m.labels };
  if (Object.keys(m.annotations).length > 0) out.annotations = { ...m.annotations };
  if (extra.owner) {
    out.ownerReferences = [
      { apiVersion: extra.owner.apiVersion, kind: extra.owner.kind, name: extra.owner.name, uid: extra.owner.uid, controller: true, blockOwnerDeletion: true },
    ];
  }
  if (extra.deleting) out.finalizers = ['foregroundDeletion'];
  return out;
}

function containerView(c: Container): Json {
  const out: Json = { name: c.name, image: c.image };
  if (c.ports.length > 0) out.ports = c.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol }));
  if (c.env.length > 0) out.env = c.env.map((e) => ({ name: e.name, value: e.value }));
  out.resources = c.resources
    ? { ...(c.resources.limits ? { limits: { ...c.resources.limits } } : {}), ...(c.resources.requests ? { requests: { ...c.resources.requests } } : {}) }
    : {};
  out.terminationMessagePath = '/dev/termination-log';
  out.terminationMessagePolicy = 'File';
  out.imagePullPolicy = c.imagePullPolicy;
  return out;
}

export function templateView(t: PodTemplate, pod: { nodeSelector?: Labels; hostNetwork?: boolean } = {}): Json {
  const spec: Json = {
    containers: t.containers.map(containerView),
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
  };
  if (pod.nodeSelector) spec.nodeSelector = { ...pod.nodeSelector };
  if (pod.hostNetwork) spec.hostNetwork = true;
  spec.securityContext = {};
  spec.schedulerName = 'default-scheduler';
  if (t.priorityClassName) spec.priorityClassName = t.priorityClassName;
  return { metadata: { creationTimestamp: null, labels: { ...t.labels } }, spec };
}

/** A DaemonSet as the API serves it (apps/v1), its status counted from its pods. */
export function daemonSetView(cluster: Cluster, ds: DaemonSet): Json {
  const st = daemonSetStatus(cluster, ds);
  const status: Json = {
    currentNumberScheduled: st.current,
    numberMisscheduled: st.misscheduled,
    desiredNumberScheduled: st.desired,
    numberReady: st.ready,
    observedGeneration: ds.generation,
  };
  if (st.upToDate > 0) status.updatedNumberScheduled = st.upToDate;
  if (st.available > 0) status.numberAvailable = st.available;
  if (st.desired - st.available > 0) status.numberUnavailable = st.desired - st.available;
  return {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    metadata: meta(ds.metadata, { generation: ds.generation, deleting: ds.deleting }),
    spec: {
      selector: { matchLabels: { ...ds.spec.selector } },
      template: templateView(ds.spec.template, { ...(ds.spec.nodeSelector ? { nodeSelector: ds.spec.nodeSelector } : {}), hostNetwork: ds.spec.hostNetwork }),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
    status,
  };
}

/** When the deployment last had all its pods available (or was created, if never). */
function availableSince(cluster: Cluster, d: Deployment): number {
  const rs = newReplicaSet(cluster, d);
  const pods = rs ? podsOfReplicaSet(cluster, rs) : [];
  const times = pods.filter((p) => isPodReady(p, cluster.now)).map((p) => p.timeline.startedAt);
  return Math.floor(largest(times, d.metadata.creationTimestamp) / 1000) * 1000;
}

export function deploymentConditions(cluster: Cluster, d: Deployment): { type: string; status: string; reason: string; message: string; at: number }[] {
  const st = deploymentStatus(cluster, d);
  const { maxUnavailable } = rollingNumbers(d.spec.replicas);
  const rs = newReplicaSet(cluster, d);
  const rsName = rs?.metadata.name ?? d.metadata.name;
  const available = st.availableReplicas >= d.spec.replicas - maxUnavailable;
  const done = st.updatedReplicas === d.spec.replicas && st.replicas === d.spec.replicas && st.availableReplicas >= d.spec.replicas;
  const at = availableSince(cluster, d);
  return [
    available
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', at }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
          at: d.metadata.creationTimestamp,
        },
    done
      ? { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.`, at }
      : {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: `ReplicaSet "${rsName}" is progressing.`,
          at: d.metadata.creationTimestamp,
        },
  ];
}

export function deploymentView(cluster: Cluster, d: Deployment): Json {
  const st = deploymentStatus(cluster, d);
  const status: Json = { observedGeneration: d.generation };
  if (st.replicas > 0) status.replicas = st.replicas;
  if (st.updatedReplicas > 0) status.updatedReplicas = st.updatedReplicas;
  if (st.readyReplicas > 0) status.readyReplicas = st.readyReplicas;
  if (st.availableReplicas > 0) status.availableReplicas = st.availableReplicas;
  if (st.unavailableReplicas > 0) status.unavailableReplicas = st.unavailableReplicas;
  status.conditions = deploymentConditions(cluster, d).map((c) => ({
    type: c.type,
    status: c.status,
    lastUpdateTime: rfc3339(c.at),
    lastTransitionTime: rfc3339(c.at),
    reason: c.reason,
    message: c.message,
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(d.metadata, { generation: d.generation, deleting: d.deleting }),
    spec: {
      replicas: d.spec.replicas,
      selector: { matchLabels: { ...d.spec.selector } },
      template: templateView(d.spec.template),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  };
}

export function replicaSetCounts(cluster: Cluster, rs: ReplicaSet): { current: number; ready: number } {
  // status.replicas and readyReplicas: the active pods (a terminating pod is not counted).
  const pods = activePodsOfReplicaSet(cluster, rs);
  return { current: pods.length, ready: pods.filter((p) => isPodReady(p, cluster.now)).length };
}

export function replicaSetView(cluster: Cluster, rs: ReplicaSet): Json {
  const { current, ready } = replicaSetCounts(cluster, rs);
  const status: Json = { replicas: current };
  if (current > 0) status.fullyLabeledReplicas = current;
  if (ready > 0) {
    status.readyReplicas = ready;
    status.availableReplicas = ready;
  }
  // The controller syncs at once: it has seen the generation there is (replica_set.go updateReplicaSetStatus).
  status.observedGeneration = rs.generation;
  return {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: meta(rs.metadata, {
      generation: rs.generation,
      ...(rs.owner ? { owner: { ...rs.owner, apiVersion: 'apps/v1' } } : {}),
      deleting: rs.deleting,
    }),
    spec: { replicas: rs.spec.replicas, selector: { matchLabels: { ...rs.spec.selector } }, template: templateView(rs.spec.template) },
    status,
  };
}

export function namespaceView(ns: Namespace): Json {
  const t = ns.terminating;
  const metadata = meta(ns.metadata);
  if (t) metadata.deletionTimestamp = rfc3339(t.since);
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata,
    spec: { finalizers: ['kubernetes'] },
    status: t
      ? {
          phase: 'Terminating',
          conditions: terminationConditions(t).map((c) => ({ ...c, lastTransitionTime: rfc3339(c.lastTransitionTime) })),
        }
      : { phase: 'Active' },
  };
}

export function endpointSliceView(slice: EndpointSlice): Json {
  const endpoints: JsonValue[] = slice.endpoints.map((e) => {
    const out: Json = { addresses: [e.address], conditions: { ready: e.ready, serving: e.serving ?? e.ready, terminating: e.terminating ?? false } };
    if (e.podName) out.targetRef = { kind: 'Pod', namespace: slice.metadata.namespace, name: e.podName, uid: e.podUid ?? '' };
    if (e.nodeName) out.nodeName = e.nodeName;
    return out;
  });
  // The controller's slices: generateName SERVICE- and the Service as their owner
  // (staging/src/k8s.io/endpointslice/utils.go newEndpointSlice, ownerRef).
  const owner = slice.owner;
  const base = meta(slice.metadata, owner ? { owner: { apiVersion: 'v1', kind: 'Service', name: owner.name, uid: owner.uid } } : {});
  // generateName stands after name, as ObjectMeta orders its fields.
  const metadata: Json = owner ? inMetaOrder({ ...base, generateName: `${owner.name}-` }) : base;
  const view: Json = { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', metadata, addressType: slice.addressType };
  view.endpoints = endpoints.length > 0 ? endpoints : null;
  view.ports = slice.ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port }));
  return view;
}

export function eventView(e: EventObject): Json {
  const ev = e.event;
  const at = rfc3339(e.firstAt);
  const [component = '', host] = ev.source.split('/');
  const involved: Json = { kind: ev.involved.kind, namespace: ev.involved.namespace ?? 'default', name: ev.involved.name, uid: ev.involvedUid };
  if (ev.involved.kind === 'Deployment' || ev.involved.kind === 'ReplicaSet' || ev.involved.kind === 'DaemonSet') involved.apiVersion = 'apps/v1';
  else if (ev.involved.kind !== 'Node') involved.apiVersion = 'v1';
  if (e.fieldPath !== undefined) involved.fieldPath = e.fieldPath;
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name: e.metadata.name, namespace: e.metadata.namespace, creationTimestamp: at },
    involvedObject: involved,
    reason: ev.reason,
    message: ev.message,
    source: { component, ...(host ? { host } : {}) },
    firstTimestamp: at,
    lastTimestamp: rfc3339(e.lastAt),
    count: e.count,
    type: ev.type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? '',
  };
}
