// The namespaces every kubeadm-style cluster starts with. The simulator's own objects live in
// `default`; the others exist (and list) from the moment the control plane came up.

import type { Cluster, ObjectMeta } from './types.js';
import { smallest } from '../append.js';

export interface Namespace {
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
}

export const NAMESPACE_NAMES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** The cluster's namespaces, by name; all Active, created with the first node. */
export function listNamespaces(cluster: Cluster): Namespace[] {
  const born = smallest(cluster.nodes.map((n) => n.metadata.creationTimestamp), cluster.now);
  return NAMESPACE_NAMES.map((name, i) => ({
    kind: 'Namespace',
    metadata: {
      name,
      namespace: '',
      uid: `0a1b2c3d-${String(i).padStart(4, '0')}-4000-8000-${name.length.toString(16).padStart(12, '0')}`,
      resourceVersion: String(10 + i),
      creationTimestamp: Number.isFinite(born) ? born + (name === 'default' ? 4_000 : 2_000) : cluster.now,
      labels: { 'kubernetes.io/metadata.name': name },
      annotations: {},
    },
  }));
}

export function findNamespace(cluster: Cluster, name: string): Namespace | undefined {
  return listNamespaces(cluster).find((n) => n.metadata.name === name);
}
