// The cluster's objects as the API server lists them: the sandbox's own lookup and views
// (kubectl/lookup.ts), so the API and `kubectl get -o yaml` never compute an object twice; and the
// nodes' heartbeat Leases, which only the API serves (describe node reads them).

import type { Cluster } from '../cluster/index.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { rfc3339 } from '../kubectl/duration.js';
import { getItem, itemView, listItems, type Item } from '../kubectl/lookup.js';
import { typeOf, type ResourceKind } from '../kubectl/resources.js';

export type Json = { [key: string]: JsonValue };

/** The objects of a kind in `namespace` (absent: in every namespace). */
export const listObjects = (cluster: Cluster, kind: ResourceKind, namespace?: string): Item[] => listItems(cluster, typeOf(kind), namespace);

/** One object by name, in `namespace` (ignored for cluster-scoped kinds). */
export const getObject = (cluster: Cluster, kind: ResourceKind, name: string, namespace = 'default'): Item | undefined =>
  getItem(cluster, typeOf(kind), name, namespace);

export const objectView = (cluster: Cluster, item: Item): Json => itemView(cluster, item);

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
