// Create, apply and delete for any object kind the simulator serves.

import { notFound, type Result } from './api-error.js';
import type { DecodedObject } from './decode.js';
import { sameJson } from './same-value.js';
import { createPod, findPod, type PodInput } from './pods.js';
import { createService, deleteService, findService, replaceService, updateService, type ServiceInput, type ServicePortInput } from './services.js';
import { DEFAULT_NAMESPACE, LAST_APPLIED_ANNOTATION, type Cluster, type Labels, type Namespace, type Pod, type Service } from './types.js';
import { mergeMap, prevMeta, previousApplied } from './applied-merge.js';
import { createNamespace, findNamespace, updateNamespaceMeta } from './namespaces.js';
import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { updatePod } from './pod-update.js';
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

function applyPod(cluster: Cluster, live: Pod, object: Extract<DecodedObject, { kind: 'Pod' }>, lastApplied: string, side: ApplySide): Result<ApplyOutcome> {
  const prev = previousApplied(live.metadata.annotations);
  const desired = object.input;
  const labels = mergeMap(live.metadata.labels, prevMeta(prev, 'labels'), desired.labels);
  const annotations = stampLastApplied(
    mergeMap(live.metadata.annotations, prevMeta(prev, 'annotations'), desired.annotations),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  const updated = updatePod(cluster, live, desired, { labels, annotations });
  if (!updated.ok) return updated;
  if (!updated.value.changed) return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  return {
    ok: true,
    cluster: updated.cluster,
    value: { action: 'configured', missingAnnotation: side === 'client' && prev === undefined, object: updated.value.pod },
  };
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

/**
 * PUT (`kubectl replace -f`): the live object's labels and annotations become the manifest's, none
 * kept; a pod's spec changes as far as a pod update may (pod-update.ts), a namespace's not at all
 * (its strategy keeps the old spec and status: pkg/registry/core/namespace/strategy.go
 * PrepareForUpdate), a Service's whole (services.ts replaceService).
 */
export function replaceObject(cluster: Cluster, object: DecodedObject, namespace?: string): Result<ApiObject> {
  if (object.kind === 'Namespace') {
    const { labels = {}, annotations = {} } = object.input;
    return updateNamespaceMeta(cluster, object.name, labels, annotations);
  }
  const ns = namespace ?? object.input.namespace ?? DEFAULT_NAMESPACE;
  if (object.kind === 'Pod') {
    const live = findPod(cluster, object.name, ns);
    if (!live) return { ok: false, cluster, error: notFound('pods', object.name) };
    const updated = updatePod(cluster, live, object.input, { labels: object.input.labels ?? {}, annotations: object.input.annotations ?? {} }, true);
    return updated.ok ? { ok: true, cluster: updated.cluster, value: updated.value.pod } : updated;
  }
  const live = findService(cluster, object.name, ns);
  if (!live) return { ok: false, cluster, error: notFound('services', object.name) };
  return replaceService(cluster, object.input, ns, live);
}
