// Finding objects by resource type and name, in the order the API lists them.

import {
  findEndpoints,
  findPod,
  findService,
  listEndpoints,
  type Cluster,
  type Endpoints,
  type Labels,
  type Node,
  type Pod,
  type Service,
} from '../cluster/index.js';
import {
  deploymentsOf,
  findDeployment,
  findEndpointSlice,
  findNamespace,
  findReplicaSet,
  listEndpointSlices,
  listEventObjects,
  listNamespaces,
  namespaceExists,
  replicaSetsOf,
  daemonSetsOf,
  findDaemonSet,
  type ApiError,
  type DaemonSet,
  type Deployment,
  type EndpointSlice,
  type EventObject,
  type Namespace,
  type ReplicaSet,
} from '../cluster/index.js';
import { endpointsView, nodeView, podView, serviceView } from './api-view.js';
import { daemonSetView, deploymentView, endpointSliceView, eventView, namespaceView, replicaSetView } from './workload-views.js';
import type { JsonValue } from './go-yaml.js';
import { qualifiedPlural, type ResourceType } from './resources.js';

export type Item =
  | { readonly kind: 'Pod'; readonly obj: Pod }
  | { readonly kind: 'Service'; readonly obj: Service }
  | { readonly kind: 'Node'; readonly obj: Node }
  | { readonly kind: 'Endpoints'; readonly obj: Endpoints }
  | { readonly kind: 'Deployment'; readonly obj: Deployment }
  | { readonly kind: 'ReplicaSet'; readonly obj: ReplicaSet }
  | { readonly kind: 'Namespace'; readonly obj: Namespace }
  | { readonly kind: 'EndpointSlice'; readonly obj: EndpointSlice }
  | { readonly kind: 'Event'; readonly obj: EventObject }
  | { readonly kind: 'DaemonSet'; readonly obj: DaemonSet };

export const itemName = (item: Item): string => item.obj.metadata.name;
export const itemLabels = (item: Item): Labels => item.obj.metadata.labels;

/** The API server's list order: by namespace, then by name (the order of its storage keys). */
const byName = <T extends { metadata: { name: string; namespace: string } }>(a: T, b: T): number =>
  a.metadata.namespace < b.metadata.namespace
    ? -1
    : a.metadata.namespace > b.metadata.namespace
      ? 1
      : a.metadata.name < b.metadata.name
        ? -1
        : a.metadata.name > b.metadata.name
          ? 1
          : 0;

// A cluster's lists are never changed in place, so each list is sorted once, not on every `get`.
const sortedLists = new WeakMap<readonly object[], readonly object[]>();

function sortedByName<T extends { metadata: { name: string; namespace: string } }>(list: readonly T[]): readonly T[] {
  let sorted = sortedLists.get(list) as readonly T[] | undefined;
  if (!sorted) {
    sorted = [...list].sort(byName);
    sortedLists.set(list, sorted);
  }
  return sorted;
}

/**
 * The objects of one type, in list order: in `namespace` (absent: every namespace, as `-A` and
 * the cluster-wide API paths list them). Cluster-scoped types ignore the namespace.
 */
export function listItems(cluster: Cluster, type: ResourceType, namespace?: string): Item[] {
  const all = listAllItems(cluster, type);
  return namespace === undefined || !type.namespaced ? all : all.filter((i) => i.obj.metadata.namespace === namespace);
}

function listAllItems(cluster: Cluster, type: ResourceType): Item[] {
  switch (type.kind) {
    case 'Pod':
      return sortedByName(cluster.pods).map((obj) => ({ kind: 'Pod', obj }));
    case 'Service':
      return sortedByName(cluster.services).map((obj) => ({ kind: 'Service', obj }));
    case 'Node':
      return sortedByName(cluster.nodes).map((obj) => ({ kind: 'Node', obj }));
    case 'Endpoints':
      return listEndpoints(cluster)
        .sort(byName)
        .map((obj) => ({ kind: 'Endpoints', obj }));
    case 'Deployment':
      return sortedByName(deploymentsOf(cluster)).map((obj) => ({ kind: 'Deployment', obj }));
    case 'ReplicaSet':
      return sortedByName(replicaSetsOf(cluster)).map((obj) => ({ kind: 'ReplicaSet', obj }));
    case 'Namespace':
      return listNamespaces(cluster).map((obj) => ({ kind: 'Namespace', obj }));
    case 'EndpointSlice':
      return [...listEndpointSlices(cluster)].sort(byName).map((obj) => ({ kind: 'EndpointSlice', obj }));
    case 'Event':
      return [...listEventObjects(cluster)].sort(byName).map((obj) => ({ kind: 'Event', obj }));
    case 'DaemonSet':
      return sortedByName(daemonSetsOf(cluster)).map((obj) => ({ kind: 'DaemonSet', obj }));
  }
}

/** One object by name, in `namespace` (ignored for cluster-scoped types). */
export function getItem(cluster: Cluster, type: ResourceType, name: string, namespace = 'default'): Item | undefined {
  switch (type.kind) {
    case 'Pod': {
      const obj = findPod(cluster, name, namespace);
      return obj && { kind: 'Pod', obj };
    }
    case 'Service': {
      const obj = findService(cluster, name, namespace);
      return obj && { kind: 'Service', obj };
    }
    case 'Node': {
      const obj = cluster.nodes.find((n) => n.metadata.name === name);
      return obj && { kind: 'Node', obj };
    }
    case 'Endpoints': {
      const obj = findEndpoints(cluster, name, namespace);
      return obj && { kind: 'Endpoints', obj };
    }
    case 'Deployment': {
      const obj = findDeployment(cluster, name, namespace);
      return obj && { kind: 'Deployment', obj };
    }
    case 'ReplicaSet': {
      const obj = findReplicaSet(cluster, name, namespace);
      return obj && { kind: 'ReplicaSet', obj };
    }
    case 'Namespace': {
      const obj = findNamespace(cluster, name);
      return obj && { kind: 'Namespace', obj };
    }
    case 'EndpointSlice': {
      const obj = findEndpointSlice(cluster, name, namespace);
      return obj && { kind: 'EndpointSlice', obj };
    }
    case 'Event': {
      const obj = listEventObjects(cluster).find((e) => e.metadata.name === name && e.metadata.namespace === namespace);
      return obj && { kind: 'Event', obj };
    }
    case 'DaemonSet': {
      const obj = findDaemonSet(cluster, name, namespace);
      return obj && { kind: 'DaemonSet', obj };
    }
  }
}

/**
 * The error for an object that is not there: kubectl, told NotFound for a namespaced object, asks
 * for the namespace and reports that instead when it is missing (cli-runtime resource/visitor.go).
 */
export function missingObject(cluster: Cluster, type: ResourceType, name: string, namespace: string): ApiError {
  if (type.namespaced && !namespaceExists(cluster, namespace)) return { kind: 'NotFound', message: `namespaces "${namespace}" not found`, causes: [] };
  return { kind: 'NotFound', message: `${qualifiedPlural(type)} "${name}" not found`, causes: [] };
}

export function itemView(cluster: Cluster, item: Item): { [key: string]: JsonValue } {
  switch (item.kind) {
    case 'Pod':
      return podView(item.obj, cluster.now);
    case 'Service':
      return serviceView(item.obj, cluster.now);
    case 'Node':
      return nodeView(item.obj, cluster.now);
    case 'Endpoints':
      return endpointsView(item.obj);
    case 'Deployment':
      return deploymentView(cluster, item.obj);
    case 'ReplicaSet':
      return replicaSetView(cluster, item.obj);
    case 'Namespace':
      return namespaceView(item.obj);
    case 'EndpointSlice':
      return endpointSliceView(item.obj);
    case 'Event':
      return eventView(item.obj);
    case 'DaemonSet':
      return daemonSetView(cluster, item.obj);
  }
}
