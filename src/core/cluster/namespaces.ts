// Namespaces: the four every kubeadm-style cluster starts with, and those a user creates.
// Namespaced objects are filed under (namespace, name); deleting a namespace deletes what is in it.

import { alreadyExists, forbidden, invalidError, notFound, type ApiError, type Result } from './api-error.js';
import { startTermination, terminatingError } from './namespace-termination.js';
import { newUid, nextRevision } from './ids.js';
import { validateMetadata } from './metadata-validation.js';
import { isDNS1123Label } from './names.js';
import type { Cluster, Labels, Namespace } from './types.js';
import { smallest } from '../append.js';

export type { Namespace } from './types.js';

export const NAMESPACE_NAMES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** The label the API server puts on every namespace (NamespaceDefaultLabelName, 1.21 on). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const isBuiltin = (name: string): boolean => (NAMESPACE_NAMES as readonly string[]).includes(name);

function builtinNamespaces(cluster: Cluster): Namespace[] {
  const born = smallest(
    cluster.nodes.map((n) => n.metadata.creationTimestamp),
    cluster.now,
  );
  return NAMESPACE_NAMES.map((name, i) => ({
    kind: 'Namespace',
    metadata: {
      name,
      namespace: '',
      uid: `0a1b2c3d-${String(i).padStart(4, '0')}-4000-8000-${name.length.toString(16).padStart(12, '0')}`,
      resourceVersion: String(10 + i),
      creationTimestamp: Number.isFinite(born) ? born + (name === 'default' ? 4_000 : 2_000) : cluster.now,
      labels: { ...cluster.builtinNamespaceLabels?.[name], [NAMESPACE_NAME_LABEL]: name },
      annotations: {},
    },
  }));
}

/** The cluster's namespaces, by name (Active, or Terminating when deleted). */
export function listNamespaces(cluster: Cluster): Namespace[] {
  const all = builtinNamespaces(cluster).concat(cluster.namespaces ?? []);
  return all.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

export function findNamespace(cluster: Cluster, name: string): Namespace | undefined {
  if (isBuiltin(name)) return builtinNamespaces(cluster).find((n) => n.metadata.name === name);
  return cluster.namespaces?.find((n) => n.metadata.name === name);
}

export function namespaceExists(cluster: Cluster, name: string): boolean {
  return isBuiltin(name) || (cluster.namespaces ?? []).some((n) => n.metadata.name === name);
}

/** The API's answer to a create in a namespace that does not exist (NamespaceLifecycle admission). */
export const missingNamespace = (name: string) => notFound('namespaces', name);

export interface NamespaceInput {
  readonly name: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
}

/** Creates a namespace; its name must be a DNS-1123 label (ValidateNamespaceName). */
export function createNamespace(cluster: Cluster, input: NamespaceInput): Result<Namespace> {
  const errors = validateMetadata(input.name, input.labels, input.annotations, isDNS1123Label);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Namespace', input.name, errors) };
  if (namespaceExists(cluster, input.name)) {
    const exists = alreadyExists('Namespace', input.name);
    // The registry's create names an object still being deleted (apiserver registry/generic/registry/store.go).
    const terminating = findNamespace(cluster, input.name)?.terminating !== undefined;
    return { ok: false, cluster, error: terminating ? { ...exists, message: `object is being deleted: ${exists.message}` } : exists };
  }
  const uid = newUid(cluster.rng);
  const revision = nextRevision({ ...cluster, rng: uid.rng });
  const namespace: Namespace = {
    kind: 'Namespace',
    metadata: {
      name: input.name,
      namespace: '',
      uid: uid.uid,
      resourceVersion: revision.resourceVersion,
      creationTimestamp: Math.floor(cluster.now / 1000) * 1000,
      labels: { ...input.labels, [NAMESPACE_NAME_LABEL]: input.name },
      annotations: input.annotations ?? {},
    },
  };
  return { ok: true, cluster: { ...revision.cluster, namespaces: (cluster.namespaces ?? []).concat([namespace]) }, value: namespace };
}

/** Replaces a namespace's labels (the name label always stays, as the API server puts it back). */
export function setNamespaceLabels(cluster: Cluster, name: string, labels: Labels): Result<Namespace> {
  const live = findNamespace(cluster, name);
  return updateNamespaceMeta(cluster, name, labels, live?.metadata.annotations ?? {});
}

/** Replaces a namespace's labels and annotations. */
export function updateNamespaceMeta(cluster: Cluster, name: string, labels: Labels, annotations: Labels): Result<Namespace> {
  const live = findNamespace(cluster, name);
  if (!live) return { ok: false, cluster, error: notFound('namespaces', name) };
  const errors = validateMetadata(name, labels, annotations, isDNS1123Label);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Namespace', name, errors) };
  const revision = nextRevision(cluster);
  const merged = { ...labels, [NAMESPACE_NAME_LABEL]: name };
  const updated: Namespace = {
    ...live,
    metadata: { ...live.metadata, labels: merged, annotations, resourceVersion: isBuiltin(name) ? live.metadata.resourceVersion : revision.resourceVersion },
  };
  if (isBuiltin(name)) {
    // A built-in namespace keeps only its labels (its annotations are its own and stay empty).
    const rest: Record<string, string> = { ...labels };
    delete rest[NAMESPACE_NAME_LABEL];
    return {
      ok: true,
      cluster: { ...revision.cluster, builtinNamespaceLabels: { ...cluster.builtinNamespaceLabels, [name]: rest } },
      value: { ...updated, metadata: { ...updated.metadata, annotations: {} } },
    };
  }
  return { ok: true, cluster: { ...revision.cluster, namespaces: (cluster.namespaces ?? []).map((n) => (n === live ? updated : n)) }, value: updated };
}

/**
 * Deletes a namespace: it turns Terminating, its contents are deleted, and it goes once the
 * namespace controller finds it empty (namespace-termination.ts; the clock moves it on). The
 * built-in ones are immortal (plugin/pkg/admission/namespace/lifecycle: "this namespace may not
 * be deleted"). Deleting one already terminating answers it as it is.
 */
export function deleteNamespace(cluster: Cluster, name: string): Result<Namespace> {
  const live = findNamespace(cluster, name);
  if (!live) return { ok: false, cluster, error: notFound('namespaces', name) };
  if (isBuiltin(name)) return { ok: false, cluster, error: forbidden('namespaces', name, 'this namespace may not be deleted') };
  if (live.terminating) return { ok: true, cluster, value: live };
  const started = startTermination(cluster, live);
  return { ok: true, cluster: started.cluster, value: started.namespace };
}

/** The NamespaceLifecycle admission of a create: the namespace must exist and not be terminating. */
export function admitCreate(cluster: Cluster, namespace: string, resource: string, name: string): ApiError | undefined {
  if (!namespaceExists(cluster, namespace)) return missingNamespace(namespace);
  if (findNamespace(cluster, namespace)?.terminating) return terminatingError(resource, name, namespace);
  return undefined;
}
