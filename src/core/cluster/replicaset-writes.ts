// A ReplicaSet made from a manifest (kubectl create/apply/replace -f, the lab's API): no
// Deployment owns it, so it keeps the spec it is given and the ReplicaSet controller makes its
// pods (replicasets.ts), adopting matching orphans first. `apply` merges with the last applied
// manifest as a Deployment's does (apply-deployment.ts).

import { alreadyExists, invalidError, notFound, type Result } from './api-error.js';
import { appliedMeta } from './apply-deployment.js';
import { sameJson, sameLabels } from './same-value.js';
import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { reconcileWorkloads } from './deployments.js';
import { replicaSetGeneration } from './generation.js';
import { newUid, nextRevision } from './ids.js';
import { admitCreate } from './namespaces.js';
import { findReplicaSet, replicaSetsOf, withReplicaSet } from './replicasets.js';
import { validateReplicaSet, type ReplicaSetInput, type ReplicaSetManifest } from './replicaset-manifest.js';
import { DEFAULT_NAMESPACE, type Cluster, type Labels, type ReplicaSet } from './types.js';

export function createReplicaSet(cluster: Cluster, input: ReplicaSetInput): Result<ReplicaSet> {
  // NamespaceLifecycle admission runs before the registry validates the object.
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const refused = admitCreate(cluster, namespace, 'replicasets.apps', input.name);
  if (refused) return { ok: false, cluster, error: refused };
  const errors = validateReplicaSet(input);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('ReplicaSet.apps', input.name, errors) };
  if (findReplicaSet(cluster, input.name, namespace))
    return { ok: false, cluster, error: { ...alreadyExists('ReplicaSet', input.name), message: `replicasets.apps "${input.name}" already exists` } };
  const uid = newUid(cluster.rng);
  const revision = nextRevision({ ...cluster, rng: uid.rng });
  const rs: ReplicaSet = {
    kind: 'ReplicaSet',
    metadata: {
      name: input.name,
      namespace,
      uid: uid.uid,
      resourceVersion: revision.resourceVersion,
      creationTimestamp: Math.floor(cluster.now / 1000) * 1000,
      labels: input.labels ?? {},
      annotations: input.annotations ?? {},
    },
    generation: 1,
    spec: { replicas: input.replicas, selector: input.selector ?? {}, template: input.template },
  };
  const next = reconcileWorkloads({ ...revision.cluster, replicaSets: [...replicaSetsOf(revision.cluster), rs] });
  return { ok: true, cluster: next, value: findReplicaSet(next, input.name, namespace) ?? rs };
}

/** Go's %#v of a LabelSelector with match labels only, as ValidateImmutableField prints it. */
function goSelector(selector: Labels): string {
  const pairs = Object.keys(selector)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(selector[k])}`);
  return `v1.LabelSelector{MatchLabels:map[string]string{${pairs.join(', ')}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}

/**
 * Puts a new spec, labels and annotations on a live ReplicaSet. apps/v1 refuses a changed selector
 * (pkg/registry/apps/replicaset/strategy.go ValidateUpdate: ValidateImmutableField).
 */
export function updateReplicaSet(cluster: Cluster, live: ReplicaSet, input: ReplicaSetInput, labels: Labels, annotations: Labels): Result<ReplicaSet> {
  const errors = validateReplicaSet({ ...input, labels, annotations });
  const selector = input.selector ?? {};
  if (!sameLabels(selector, live.spec.selector))
    errors.push({ type: 'Invalid value', field: 'spec.selector', value: { kind: 'raw', text: goSelector(selector) }, detail: 'field is immutable' });
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('ReplicaSet.apps', live.metadata.name, errors) };
  const revision = nextRevision(cluster);
  const spec: ReplicaSet['spec'] = { replicas: input.replicas, selector, template: input.template };
  const updated: ReplicaSet = {
    ...live,
    metadata: { ...live.metadata, resourceVersion: revision.resourceVersion, labels, annotations },
    generation: replicaSetGeneration(live, spec),
    spec,
  };
  const next = reconcileWorkloads(withReplicaSet(revision.cluster, updated));
  return { ok: true, cluster: next, value: findReplicaSet(next, live.metadata.name, live.metadata.namespace) ?? updated };
}

/** The scale subresource (`kubectl scale rs`): spec.replicas set through the same update as any other. */
export function scaleReplicaSet(cluster: Cluster, live: ReplicaSet, replicas: number): Result<ReplicaSet> {
  const { name, namespace, labels, annotations } = live.metadata;
  return updateReplicaSet(cluster, live, { name, namespace, replicas, selector: live.spec.selector, template: live.spec.template }, labels, annotations);
}

/** `kubectl replace -f`: the manifest's spec, labels and annotations in place of the live ones. */
export function replaceReplicaSet(cluster: Cluster, input: ReplicaSetInput): Result<ReplicaSet> {
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const live = findReplicaSet(cluster, input.name, namespace);
  if (!live) return { ok: false, cluster, error: notFound('replicasets.apps', input.name) };
  return updateReplicaSet(cluster, live, input, input.labels ?? {}, input.annotations ?? {});
}

export interface ReplicaSetApplyOutcome {
  readonly action: 'created' | 'configured' | 'unchanged';
  readonly missingAnnotation: boolean;
  readonly object: ReplicaSet;
}

export function applyReplicaSet(cluster: Cluster, m: ReplicaSetManifest, lastApplied: string, side: ApplySide = 'client'): Result<ReplicaSetApplyOutcome> {
  const input = m.input;
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const live = findReplicaSet(cluster, m.name, namespace);
  if (!live) {
    const created = createReplicaSet(cluster, { ...input, annotations: stampLastApplied(input.annotations ?? {}, undefined, lastApplied, side) });
    if (!created.ok) return created;
    return { ok: true, cluster: created.cluster, value: { action: 'created', missingAnnotation: false, object: created.value } };
  }
  const { replicas, labels, annotations, missingAnnotation } = appliedMeta(live, m.manifest.spec, input, lastApplied, side);
  const spec: ReplicaSet['spec'] = { replicas, selector: input.selector ?? {}, template: input.template };
  const unchanged = sameJson(spec, live.spec) && sameLabels(labels, live.metadata.labels) && sameLabels(annotations, live.metadata.annotations);
  if (unchanged) return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  const updated = updateReplicaSet(cluster, live, { ...input, replicas }, labels, annotations);
  if (!updated.ok) return updated;
  return {
    ok: true,
    cluster: updated.cluster,
    value: { action: 'configured', missingAnnotation, object: updated.value },
  };
}
