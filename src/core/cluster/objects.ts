// Create, apply and delete for any object kind the simulator serves.

import { invalidError, type Result } from './api-error.js';
import type { DecodedObject } from './decode.js';
import { forbidden } from './field-error.js';
import { nextRevision } from './ids.js';
import { sameJson } from './same-value.js';
import { podsReplacing } from './object-index.js';
import { createPod, findPod, restartForNewImage, validatePod, type PodInput } from './pods.js';
import { createService, deleteService, findService, updateService, type ServiceInput, type ServicePortInput } from './services.js';
import { DEFAULT_NAMESPACE, LAST_APPLIED_ANNOTATION, type Cluster, type Labels, type Namespace, type Pod, type Service } from './types.js';
import { setOwn } from '../own.js';
import { createNamespace, findNamespace, updateNamespaceMeta } from './namespaces.js';
import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { podUpdateDiff } from './pod-spec-diff.js';
import { deletePodGracefully } from './pod-delete.js';

export type ObjectKind = 'Pod' | 'Service';
export type ApiObject = Pod | Service | Namespace;

/** Creates a decoded object in `namespace` (absent: the manifest's own, else `default`). */
export function createObject(cluster: Cluster, object: DecodedObject, annotations?: Labels, namespace?: string): Result<ApiObject> {
  if (object.kind === 'Namespace') {
    return createNamespace(cluster, annotations ? { ...object.input, annotations: { ...object.input.annotations, ...annotations } } : object.input);
  }
  const ns = namespace ?? object.input.namespace ?? DEFAULT_NAMESPACE;
  if (object.kind === 'Pod') {
    const input: PodInput = annotations ? { ...object.input, annotations: { ...object.input.annotations, ...annotations } } : object.input;
    return createPod(cluster, { ...input, namespace: ns });
  }
  const input: ServiceInput = annotations ? { ...object.input, annotations: { ...object.input.annotations, ...annotations } } : object.input;
  return createService(cluster, { ...input, namespace: ns });
}

/** DELETE of a pod (graceful: `grace` seconds, absent for the pod's own) or a Service. */
export function deleteObject(cluster: Cluster, kind: ObjectKind, name: string, namespace: string = DEFAULT_NAMESPACE, grace?: number): Result<ApiObject> {
  return kind === 'Pod' ? deletePodGracefully(cluster, name, namespace, grace) : deleteService(cluster, name, namespace);
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ApplyOutcome {
  readonly action: ApplyAction;
  /** The live object had no last-applied annotation (it was made by create, run or expose). */
  readonly missingAnnotation: boolean;
  readonly object: ApiObject;
}

function previousApplied(annotations: Labels): Record<string, unknown> | undefined {
  const text = annotations[LAST_APPLIED_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Three-way merge of a map (labels, annotations): drop what the last apply set and the new one does not, keep the rest. */
function mergeMap(live: Labels, previous: Labels | undefined, desired: Labels | undefined): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live)) if (!(previous && Object.hasOwn(previous, k))) setOwn(out, k, v);
  for (const [k, v] of Object.entries(desired ?? {})) setOwn(out, k, v);
  return out;
}

function prevMeta(prev: Record<string, unknown> | undefined, key: 'labels' | 'annotations'): Labels | undefined {
  const meta = prev?.metadata;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const value = (meta as Record<string, unknown>)[key];
  return typeof value === 'object' && value !== null ? (value as Labels) : undefined;
}

function applyService(
  cluster: Cluster,
  live: Service,
  object: Extract<DecodedObject, { kind: 'Service' }>,
  lastApplied: string,
  side: ApplySide,
): Result<ApplyOutcome> {
  const prev = previousApplied(live.metadata.annotations);
  const desired = object.input;
  const prevPorts = ((prev?.spec as Record<string, unknown> | undefined)?.ports as Record<string, unknown>[] | undefined) ?? [];
  const type = desired.type ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const ports = desired.ports.map((p): ServicePortInput => {
    if (p.nodePort !== undefined || !external) return p;
    const livePort = live.spec.ports.find((lp) => lp.port === p.port && lp.protocol === (p.protocol ?? 'TCP'));
    const setBefore = prevPorts.some((pp) => pp.port === p.port && pp.nodePort !== undefined);
    return livePort?.nodePort !== undefined && !setBefore ? { ...p, nodePort: livePort.nodePort } : p;
  });
  const annotations = stampLastApplied(
    mergeMap(live.metadata.annotations, prevMeta(prev, 'annotations'), desired.annotations),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  const merged: ServiceInput = {
    ...desired,
    labels: mergeMap(live.metadata.labels, prevMeta(prev, 'labels'), desired.labels),
    annotations,
    ports,
    ...(desired.selector === undefined && live.spec.selector !== undefined && !(prev?.spec as Record<string, unknown> | undefined)?.selector
      ? { selector: live.spec.selector }
      : {}),
  };
  const updated = updateService(cluster, merged);
  if (!updated.ok) return updated;
  const before = { ...live, metadata: { ...live.metadata, resourceVersion: '' } };
  const after = { ...updated.value, metadata: { ...updated.value.metadata, resourceVersion: '' } };
  if (sameJson(before, after)) return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  return {
    ok: true,
    cluster: updated.cluster,
    value: { action: 'configured', missingAnnotation: side === 'client' && prev === undefined, object: updated.value },
  };
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function applyPod(cluster: Cluster, live: Pod, object: Extract<DecodedObject, { kind: 'Pod' }>, lastApplied: string, side: ApplySide): Result<ApplyOutcome> {
  const prev = previousApplied(live.metadata.annotations);
  const desired = object.input;
  const errors = validatePod(desired);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Pod', desired.name, errors) };
  const shape = (containers: readonly { name: string; ports?: readonly unknown[]; env?: readonly unknown[] }[]): unknown =>
    containers.map((c) => ({ name: c.name, ports: (c.ports ?? []).map((p) => ({ protocol: 'TCP', ...(p as object) })), env: c.env ?? [] }));
  const restartChanged = (desired.restartPolicy ?? 'Always') !== live.spec.restartPolicy;
  if (!sameJson(shape(desired.containers), shape(live.spec.containers)) || restartChanged) {
    const diff = podUpdateDiff(
      live,
      desired.containers.map((c) => ({ name: c.name, ports: c.ports ?? [], env: c.env ?? [], imagePullPolicy: c.imagePullPolicy })),
      desired.restartPolicy ?? 'Always',
    );
    return {
      ok: false,
      cluster,
      error: invalidError('Pod', desired.name, [forbidden('spec', diff ? `${POD_UPDATE_FORBIDDEN}\n${diff}` : POD_UPDATE_FORBIDDEN)]),
    };
  }
  const labels = mergeMap(live.metadata.labels, prevMeta(prev, 'labels'), desired.labels);
  const annotations = stampLastApplied(
    mergeMap(live.metadata.annotations, prevMeta(prev, 'annotations'), desired.annotations),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  const containers = live.spec.containers.map((c, i) => ({ ...c, image: desired.containers[i]?.image ?? c.image }));
  const candidate: Pod = { ...live, metadata: { ...live.metadata, labels, annotations }, spec: { ...live.spec, containers } };
  if (sameJson(candidate, live)) return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  const revision = nextRevision(cluster);
  const updated: Pod = { ...candidate, metadata: { ...candidate.metadata, resourceVersion: revision.resourceVersion } };
  const replaced = { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p === live, updated) };
  const imageChanged = containers.some((c, i) => c.image !== live.spec.containers[i]?.image);
  const next = imageChanged ? restartForNewImage(replaced, updated) : replaced;
  const value = next.pods.find((p) => p.metadata.uid === updated.metadata.uid) ?? updated;
  return { ok: true, cluster: next, value: { action: 'configured', missingAnnotation: side === 'client' && prev === undefined, object: value } };
}

/** Apply to a live namespace: its labels and annotations merge as any object's do. */
function applyNamespace(
  cluster: Cluster,
  live: Namespace,
  object: Extract<DecodedObject, { kind: 'Namespace' }>,
  lastApplied: string,
  side: ApplySide,
): Result<ApplyOutcome> {
  const prev = previousApplied(live.metadata.annotations);
  const labels = mergeMap(live.metadata.labels, prevMeta(prev, 'labels'), object.input.labels);
  const annotations = stampLastApplied(
    mergeMap(live.metadata.annotations, prevMeta(prev, 'annotations'), object.input.annotations),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  if (sameJson(labels, live.metadata.labels) && sameJson(annotations, live.metadata.annotations)) {
    return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  }
  const updated = updateNamespaceMeta(cluster, live.metadata.name, labels, annotations);
  if (!updated.ok) return updated;
  return {
    ok: true,
    cluster: updated.cluster,
    value: { action: 'configured', missingAnnotation: side === 'client' && prev === undefined, object: updated.value },
  };
}

/**
 * `kubectl apply`: create with the last-applied annotation, or merge into the live
 * object. `lastApplied` is the annotation's new value (the manifest as JSON).
 */
export function applyObject(
  cluster: Cluster,
  object: DecodedObject,
  lastApplied: string,
  namespace?: string,
  side: ApplySide = 'client',
): Result<ApplyOutcome> {
  const ns = namespace ?? object.input.namespace ?? DEFAULT_NAMESPACE;
  if (object.kind === 'Namespace') {
    const live = findNamespace(cluster, object.name);
    if (live) return applyNamespace(cluster, live, object, lastApplied, side);
  } else if (object.kind === 'Pod') {
    const live = findPod(cluster, object.name, ns);
    if (live) return applyPod(cluster, live, object, lastApplied, side);
  } else {
    const live = findService(cluster, object.name, ns);
    if (live) return applyService(cluster, live, { ...object, input: { ...object.input, namespace: ns } }, lastApplied, side);
  }
  const created = createObject(cluster, object, side === 'client' ? { [LAST_APPLIED_ANNOTATION]: lastApplied } : undefined, ns);
  if (!created.ok) return created;
  return { ok: true, cluster: created.cluster, value: { action: 'created', missingAnnotation: false, object: created.value } };
}

export function findObject(cluster: Cluster, kind: ObjectKind, name: string, namespace: string = DEFAULT_NAMESPACE): ApiObject | undefined {
  return kind === 'Pod' ? findPod(cluster, name, namespace) : findService(cluster, name, namespace);
}
