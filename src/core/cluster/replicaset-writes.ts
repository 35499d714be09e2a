// A ReplicaSet written from a manifest (kubectl create/apply/replace -f, the lab's API): what the
// workload writes (workload-writes.ts) need of the kind. No Deployment owns it, so it keeps the spec
// it is given and the ReplicaSet controller makes its pods (replicasets.ts), adopting matching
// orphans first; apps/v1 refuses a changed selector.

import { invalidError, type Result } from './api-error.js';
import { sameLabels } from './same-value.js';
import { getOwn } from '../own.js';
import { replicaSetGeneration } from './generation.js';
import { reconcileWorkloads } from './deployments.js';
import { nextRevision } from './ids.js';
import { findReplicaSet, replicaSetsOf, withReplicaSet } from './replicasets.js';
import { decodeReplicaSet, validateReplicaSet, type ReplicaSetInput } from './replicaset-manifest.js';
import type { Cluster, Labels, ReplicaSet } from './types.js';
import type { WorkloadWrites } from './workload-writes.js';

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
function updateReplicaSet(cluster: Cluster, live: ReplicaSet, input: ReplicaSetInput, labels: Labels, annotations: Labels): Result<ReplicaSet> {
  const errors = validateReplicaSet({ ...input, labels, annotations });
  const spec = REPLICASET_WRITES.specOf(input);
  if (!sameLabels(spec.selector, live.spec.selector))
    errors.push({ type: 'Invalid value', field: 'spec.selector', value: { kind: 'raw', text: goSelector(spec.selector) }, detail: 'field is immutable' });
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('ReplicaSet.apps', live.metadata.name, errors) };
  const revision = nextRevision(cluster);
  const updated: ReplicaSet = {
    ...live,
    metadata: { ...live.metadata, resourceVersion: revision.resourceVersion, labels, annotations },
    generation: replicaSetGeneration(live, spec),
    spec,
  };
  const next = reconcileWorkloads(withReplicaSet(revision.cluster, updated));
  return { ok: true, cluster: next, value: findReplicaSet(next, live.metadata.name, live.metadata.namespace) ?? updated };
}

export const REPLICASET_WRITES: WorkloadWrites<ReplicaSet, ReplicaSetInput> = {
  kind: 'ReplicaSet',
  plural: 'replicasets',
  decode: decodeReplicaSet,
  find: findReplicaSet,
  validate: validateReplicaSet,
  specOf: (input) => ({ replicas: input.replicas, selector: input.selector ?? {}, template: input.template }),
  build: (metadata, input) => ({ kind: 'ReplicaSet', metadata, generation: 1, spec: REPLICASET_WRITES.specOf(input) }),
  add: (cluster, rs) => ({ ...cluster, replicaSets: [...replicaSetsOf(cluster), rs] }),
  update: updateReplicaSet,
};

/** The scale subresource (`kubectl scale rs`): spec.replicas set through the same update as any other. */
export function scaleReplicaSet(cluster: Cluster, live: ReplicaSet, replicas: number): Result<ReplicaSet> {
  const { name, namespace, labels, annotations } = live.metadata;
  return updateReplicaSet(cluster, live, { name, namespace, replicas, selector: live.spec.selector, template: live.spec.template }, labels, annotations);
}

/** `kubectl set image rs/NAME C=IMAGE`: the template's images changed; the pods it has made keep theirs. */
export function setReplicaSetImages(cluster: Cluster, live: ReplicaSet, images: Readonly<Record<string, string>>): Result<ReplicaSet> {
  const { name, namespace, labels, annotations } = live.metadata;
  const containers = live.spec.template.containers.map((c) => ({ ...c, image: getOwn(images, c.name) ?? c.image }));
  const template = { ...live.spec.template, containers };
  return updateReplicaSet(cluster, live, { name, namespace, replicas: live.spec.replicas, selector: live.spec.selector, template }, labels, annotations);
}
