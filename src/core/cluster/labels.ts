// Changing an object's labels (kubectl label), with the API's label validation.

import { invalidError, notFound, type Result } from './api-error.js';
import { nextRevision } from './ids.js';
import { validateLabels } from './metadata-validation.js';
import { podIndex, podsReplacing, qualifiedName, serviceIndex, servicesReplacing } from './object-index.js';
import type { Cluster, Labels, Node, Pod, Service } from './types.js';

export type LabelledKind = 'Pod' | 'Service' | 'Node';

export function setLabels(cluster: Cluster, kind: LabelledKind, name: string, labels: Labels, namespace = 'default'): Result<Pod | Service | Node> {
  const errors = validateLabels(labels, 'metadata.labels');
  if (errors.length > 0) return { ok: false, cluster, error: invalidError(kind, name, errors) };
  const revision = nextRevision(cluster);
  const rv = revision.resourceVersion;
  const next = revision.cluster;
  if (kind === 'Pod') {
    const pod = podIndex(next.pods).byName.first(qualifiedName(namespace, name));
    if (!pod) return { ok: false, cluster, error: notFound('pods', name) };
    const updated: Pod = { ...pod, metadata: { ...pod.metadata, labels, resourceVersion: rv } };
    return { ok: true, cluster: { ...next, pods: podsReplacing(next.pods, (p) => p === pod, updated) }, value: updated };
  }
  if (kind === 'Service') {
    const svc = serviceIndex(next.services).byName.first(qualifiedName(namespace, name));
    if (!svc) return { ok: false, cluster, error: notFound('services', name) };
    const updated: Service = { ...svc, metadata: { ...svc.metadata, labels, resourceVersion: rv } };
    return { ok: true, cluster: { ...next, services: servicesReplacing(next.services, (s) => s === svc, updated) }, value: updated };
  }
  const node = next.nodes.find((n) => n.metadata.name === name);
  if (!node) return { ok: false, cluster, error: notFound('nodes', name) };
  const updated: Node = { ...node, metadata: { ...node.metadata, labels, resourceVersion: rv } };
  return { ok: true, cluster: { ...next, nodes: next.nodes.map((n) => (n === node ? updated : n)) }, value: updated };
}
