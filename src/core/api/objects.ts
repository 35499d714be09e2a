// The cluster's objects as the API server lists them: JSON views, list kinds, events and namespaces.

import { smallest } from '../append.js';
import { eventsFor, type Cluster, type ClusterEvent } from '../cluster/index.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { rfc3339 } from '../kubectl/duration.js';
import { getItem, itemView, listItems, type Item } from '../kubectl/lookup.js';
import { RESOURCE_TYPES, type ResourceKind } from '../kubectl/resources.js';

export type Json = { [key: string]: JsonValue };

/** The namespaces a fresh cluster has; the lab keeps the learner's objects in `default`. */
export const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

export function namespaceView(cluster: Cluster, name: string): Json {
  const created = smallest(cluster.nodes.map((n) => n.metadata.creationTimestamp), cluster.now);
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: `00000000-0000-4000-8000-${String(NAMESPACES.indexOf(name as (typeof NAMESPACES)[number]) + 1).padStart(12, '0')}`,
      resourceVersion: String(NAMESPACES.indexOf(name as (typeof NAMESPACES)[number]) + 10),
      creationTimestamp: rfc3339(created),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

const typeFor = (kind: ResourceKind) => RESOURCE_TYPES.find((t) => t.kind === kind);

export function listObjects(cluster: Cluster, kind: ResourceKind): Item[] {
  const type = typeFor(kind);
  return type ? listItems(cluster, type) : [];
}

export function getObject(cluster: Cluster, kind: ResourceKind, name: string): Item | undefined {
  const type = typeFor(kind);
  return type ? getItem(cluster, type, name) : undefined;
}

export const objectView = (cluster: Cluster, item: Item): Json => itemView(cluster, item);

function uidOf(cluster: Cluster, event: ClusterEvent): string {
  const owner = event.involved.kind === 'Pod' ? cluster.pods : event.involved.kind === 'Service' ? cluster.services : cluster.nodes;
  return owner.find((o) => o.metadata.name === event.involved.name)?.metadata.uid ?? event.involvedUid;
}

/** An event as core/v1 Event: kubectl describe reads reason, message, source and the timestamps. */
export function eventView(cluster: Cluster, event: ClusterEvent, index: number): Json {
  const namespaced = event.involved.kind !== 'Node';
  const at = rfc3339(event.at);
  // The cluster keeps a source as `kubelet/worker-1`: the component, and the host it ran on.
  const [component = event.source, host] = event.source.split('/');
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: {
      name: `${event.involved.name}.${(event.at * 1000 + index).toString(16).padStart(16, '0').slice(-16)}`,
      namespace: namespaced ? 'default' : 'default',
      uid: `${event.involvedUid.slice(0, 24)}${index.toString(16).padStart(12, '0')}`,
      resourceVersion: String(1000 + index),
      creationTimestamp: at,
    },
    involvedObject: {
      kind: event.involved.kind,
      ...(namespaced ? { namespace: 'default' } : {}),
      name: event.involved.name,
      uid: uidOf(cluster, event),
      apiVersion: 'v1',
    },
    reason: event.reason,
    message: event.message,
    source: { component, ...(host ? { host } : {}) },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type: event.type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? '',
  };
}

export function eventViews(cluster: Cluster): Json[] {
  return cluster.events.map((e, i) => eventView(cluster, e, i));
}

export { eventsFor };

/** A node's heartbeat Lease (coordination.k8s.io/v1), renewed every 10 s as the kubelet renews it. */
export function leaseView(cluster: Cluster, nodeName: string): Json | undefined {
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName);
  if (!node) return undefined;
  const renewed = cluster.now - (cluster.now % 10_000);
  return {
    kind: 'Lease',
    apiVersion: 'coordination.k8s.io/v1',
    metadata: {
      name: nodeName,
      namespace: 'kube-node-lease',
      uid: node.metadata.uid,
      resourceVersion: node.metadata.resourceVersion,
      creationTimestamp: rfc3339(node.metadata.creationTimestamp),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid }],
    },
    spec: { holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: new Date(renewed).toISOString().replace('Z', '000Z') },
  };
}
