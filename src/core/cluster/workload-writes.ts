// An apps/v1 workload written from a manifest (kubectl create/apply/replace -f, the lab's API):
// one routine per verb for Deployments and bare ReplicaSets alike. What differs by kind (its
// checks, the object a manifest makes, how a new spec reaches the live object) is the kind's
// WorkloadWrites: deployment-writes.ts and replicaset-writes.ts. `apply` merges with the last
// applied manifest (applied-merge.ts) and says "unchanged" when nothing would change.

import { alreadyExists, invalidError, notFound, type Result } from './api-error.js';
import { appliedMeta } from './applied-merge.js';
import { sameJson, sameLabels } from './same-value.js';
import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { reconcileWorkloads } from './deployments.js';
import type { FieldError } from './field-error.js';
import { newUid, nextRevision } from './ids.js';
import { admitCreate } from './namespaces.js';
import type { Decoded } from './workload-manifest.js';
import { DEFAULT_NAMESPACE, type Cluster, type Deployment, type Labels, type ObjectMeta, type PodTemplate, type ReplicaSet } from './types.js';

/** What a workload's manifest asks for, whatever its kind. */
export interface WorkloadInput {
  readonly name: string;
  /** Absent: `default`. */
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly replicas: number;
  readonly template: PodTemplate;
}

/** A decoded manifest: the input it asks for, and the manifest as written (apply reads its spec). */
export interface WorkloadManifest<I extends WorkloadInput> {
  readonly name: string;
  readonly input: I;
  readonly manifest: Readonly<Record<string, unknown>>;
}

/** What the writes need to know of one kind. */
export interface WorkloadWrites<T extends Deployment | ReplicaSet, I extends WorkloadInput> {
  readonly kind: T['kind'];
  /** The resource without its group (`deployments`); the API's messages name it with it. */
  readonly plural: 'deployments' | 'replicasets';
  /** The manifest read as the API server's strict decoder reads it. */
  decode(manifest: Readonly<Record<string, unknown>>): Decoded<WorkloadManifest<I>>;
  find(cluster: Cluster, name: string, namespace: string): T | undefined;
  /** The registry's checks of a new object. */
  validate(input: I): FieldError[];
  /** The spec the input asks for. */
  specOf(input: I): T['spec'];
  /** The object a manifest makes, with the metadata the registry gave it. */
  build(metadata: ObjectMeta, input: I): T;
  /** The cluster with a new object stored after the others. */
  add(cluster: Cluster, object: T): Cluster;
  /** The live object with the input's spec and these labels and annotations, the controllers run after. */
  update(cluster: Cluster, live: T, input: I, labels: Labels, annotations: Labels): Result<T>;
}

export interface WorkloadApplyOutcome<T> {
  readonly action: 'created' | 'configured' | 'unchanged';
  readonly missingAnnotation: boolean;
  readonly object: T;
}

export function createWorkload<T extends Deployment | ReplicaSet, I extends WorkloadInput>(kind: WorkloadWrites<T, I>, cluster: Cluster, input: I): Result<T> {
  // NamespaceLifecycle admission runs before the registry validates the object.
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const refused = admitCreate(cluster, namespace, `${kind.plural}.apps`, input.name);
  if (refused) return { ok: false, cluster, error: refused };
  const errors = kind.validate(input);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError(`${kind.kind}.apps`, input.name, errors) };
  if (kind.find(cluster, input.name, namespace))
    return { ok: false, cluster, error: { ...alreadyExists(kind.kind, input.name), message: `${kind.plural}.apps "${input.name}" already exists` } };
  const uid = newUid(cluster.rng);
  const revision = nextRevision({ ...cluster, rng: uid.rng });
  const object = kind.build(
    {
      name: input.name,
      namespace,
      uid: uid.uid,
      resourceVersion: revision.resourceVersion,
      creationTimestamp: Math.floor(cluster.now / 1000) * 1000,
      labels: input.labels ?? {},
      annotations: input.annotations ?? {},
    },
    input,
  );
  const next = reconcileWorkloads(kind.add(revision.cluster, object));
  return { ok: true, cluster: next, value: kind.find(next, input.name, namespace) ?? object };
}

/** `kubectl replace -f`, PUT: the manifest's spec, labels and annotations in place of the live ones. */
export function replaceWorkload<T extends Deployment | ReplicaSet, I extends WorkloadInput>(kind: WorkloadWrites<T, I>, cluster: Cluster, input: I): Result<T> {
  const live = kind.find(cluster, input.name, input.namespace ?? DEFAULT_NAMESPACE);
  if (!live) return { ok: false, cluster, error: notFound(`${kind.plural}.apps`, input.name) };
  return kind.update(cluster, live, input, input.labels ?? {}, input.annotations ?? {});
}

/**
 * `kubectl apply`: created with the last-applied annotation, or the live object changed where the
 * manifest changed it (a three-way merge with the last applied manifest, as kubectl's apply does).
 */
export function applyWorkload<T extends Deployment | ReplicaSet, I extends WorkloadInput>(
  kind: WorkloadWrites<T, I>,
  cluster: Cluster,
  m: WorkloadManifest<I>,
  lastApplied: string,
  side: ApplySide = 'client',
): Result<WorkloadApplyOutcome<T>> {
  const input = m.input;
  const live = kind.find(cluster, m.name, input.namespace ?? DEFAULT_NAMESPACE);
  if (!live) {
    const created = createWorkload(kind, cluster, { ...input, annotations: stampLastApplied(input.annotations ?? {}, undefined, lastApplied, side) });
    if (!created.ok) return created;
    return { ok: true, cluster: created.cluster, value: { action: 'created', missingAnnotation: false, object: created.value } };
  }
  const { replicas, labels, annotations, missingAnnotation } = appliedMeta(live, m.manifest.spec, input, lastApplied, side);
  const desired: I = { ...input, replicas };
  const unchanged = sameJson(kind.specOf(desired), live.spec) && sameLabels(labels, live.metadata.labels) && sameLabels(annotations, live.metadata.annotations);
  if (unchanged) return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  const updated = kind.update(cluster, live, desired, labels, annotations);
  if (!updated.ok) return updated;
  return { ok: true, cluster: updated.cluster, value: { action: 'configured', missingAnnotation, object: updated.value } };
}
