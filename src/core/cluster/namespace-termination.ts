// A deleted namespace terminates before it goes. The registry sets its deletionTimestamp and
// phase Terminating (pkg/registry/core/namespace/storage); the namespace controller then deletes
// what is in it (pkg/controller/namespace/deletion/namespaced_resources_deleter.go): services,
// deployments and their ReplicaSets go at once, pods are deleted gracefully and show as
// Terminating until their containers have stopped. While pods remain the controller reports them
// (NamespaceContentRemaining, "pods. has N resource instances") and looks again after half the
// longest grace period plus a second (namespace_controller.go: estimate/2 + 1); on that pass the
// namespace is empty, its `kubernetes` finalizer is removed and the namespace is gone. Meanwhile
// the NamespaceLifecycle admission refuses anything new in it
// (staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go).

import { forbidden, type ApiError } from './api-error.js';
import { nextRevision } from './ids.js';
import type { Cluster, Namespace, NamespaceTermination, Pod } from './types.js';
import { largest } from '../append.js';
import { terminatePod } from './pod-termination.js';
/** An empty namespace goes on the controller's first pass, a moment after the delete. */
const EMPTY_NAMESPACE_MS = 1_000;

/** The admission's refusal of a create in a terminating namespace (`pods "web" is forbidden: ...`). */
export function terminatingError(resource: string, name: string, namespace: string): ApiError {
  return forbidden(resource, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
}

/** Marks a namespace Terminating and starts deleting what is in it. */
export function startTermination(cluster: Cluster, live: Namespace): { cluster: Cluster; namespace: Namespace } {
  const name = live.metadata.name;
  const since = cluster.now;
  const inside = (meta: { namespace: string }): boolean => meta.namespace === name;
  const pods = cluster.pods.filter((p) => inside(p.metadata) && !p.terminating);
  const estimate = largest(
    pods.map((p) => p.spec.terminationGracePeriodSeconds),
    0,
  );
  const goneAt = pods.length > 0 ? since + (Math.floor(estimate / 2) + 1) * 1000 : since + EMPTY_NAMESPACE_MS;
  const termination: NamespaceTermination = { since, goneAt, podsRemaining: pods.length };
  const revision = nextRevision(cluster);
  const namespace: Namespace = { ...live, metadata: { ...live.metadata, resourceVersion: revision.resourceVersion }, terminating: termination };
  const marked = new Set(pods);
  const next: Cluster = {
    ...revision.cluster,
    namespaces: (cluster.namespaces ?? []).map((n) => (n === live ? namespace : n)),
    pods: cluster.pods.map((p) => (marked.has(p) ? terminatePod(p, since) : p)),
    services: cluster.services.filter((s) => !inside(s.metadata)),
    ...(cluster.deployments ? { deployments: cluster.deployments.filter((d) => !inside(d.metadata)) } : {}),
    ...(cluster.replicaSets ? { replicaSets: cluster.replicaSets.filter((r) => !inside(r.metadata)) } : {}),
  };
  return { cluster: next, namespace };
}

/** Pods whose containers have stopped go; namespaces whose controller pass has come go with what is left in them. */
export function settleTerminations(cluster: Cluster): Cluster {
  const now = cluster.now;
  const gone = new Set((cluster.namespaces ?? []).filter((n) => n.terminating && n.terminating.goneAt <= now).map((n) => n.metadata.name));
  const podGone = (p: Pod): boolean => (p.terminating !== undefined && p.terminating.goneAt <= now) || gone.has(p.metadata.namespace);
  if (gone.size === 0 && !cluster.pods.some(podGone)) return cluster;
  const inGone = (meta: { namespace: string }): boolean => gone.has(meta.namespace);
  return {
    ...cluster,
    pods: cluster.pods.filter((p) => !podGone(p)),
    ...(gone.size > 0
      ? {
          namespaces: (cluster.namespaces ?? []).filter((n) => !gone.has(n.metadata.name)),
          services: cluster.services.filter((s) => !inGone(s.metadata)),
          events: cluster.events.filter((e) => !gone.has(e.involved.namespace ?? 'default')),
        }
      : {}),
  };
}

export interface NamespaceCondition {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly lastTransitionTime: number;
  readonly reason: string;
  readonly message: string;
}

/** The namespace controller's conditions after its first pass (status_condition_utils.go, in its order). */
export function terminationConditions(t: NamespaceTermination): NamespaceCondition[] {
  const ok = (type: string, reason: string, message: string): NamespaceCondition => ({ type, status: 'False', lastTransitionTime: t.since, reason, message });
  return [
    ok('NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'),
    ok('NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    ok('NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
    t.podsRemaining > 0
      ? {
          type: 'NamespaceContentRemaining',
          status: 'True',
          lastTransitionTime: t.since,
          reason: 'SomeResourcesRemain',
          message: `Some resources are remaining: pods. has ${t.podsRemaining} resource instances`,
        }
      : ok('NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'),
    ok('NamespaceFinalizersRemaining', 'ContentRemoved', 'All content successfully removed'),
  ];
}
