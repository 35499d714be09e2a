// Writes to apps/v1 in the lab's API that are not a manifest's (workload-writes.ts): workloads
// deleted with their dependents, deployments and ReplicaSets scaled through the `scale` subresource
// (`kubectl scale`), each through the same cluster functions the sandbox's kubectl calls; and the
// Status errors and refusals of bodies every apps/v1 write shares.
// The Scale object is autoscaling/v1's (staging/src/k8s.io/api/autoscaling/v1/types.go).

import {
  LAST_APPLIED_ANNOTATION,
  deleteWorkload as deleteWorkloadObject,
  findDeployment,
  findReplicaSet,
  invalidError,
  namespaceExists,
  scaleDeployment,
  scaleReplicaSet,
  type ApiError,
  type Cluster,
  type Deployment,
  type Propagation,
  type ReplicaSet,
} from '../cluster/index.js';
import { invalid } from '../cluster/field-error.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { jsonPatch, mergePatch } from '../kubectl/patch-merge.js';
import { deploymentView, replicaSetView } from '../kubectl/workload-views.js';
import { inMetaOrder } from '../kubectl/api-view.js';
import { rfc3339 } from '../kubectl/duration.js';
import { getObject, objectView, type Json } from './objects.js';
import { patchTypeOf } from './patch.js';
import { json, type ApiRequest, type ApiResponse } from './request.js';
import { plainStatus, statusCode, statusOf } from './status.js';
import { jsonText } from '../json-text.js';

export interface Written {
  readonly cluster: Cluster;
  readonly response: ApiResponse;
}

const obj = (v: unknown): Record<string, JsonValue> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, JsonValue>) : {});

/** A Status naming the object as the API server's errors do for apps/v1 (`deployments.apps "web" not found`). */
export function appsError(error: ApiError, plural: string, name: string): ApiResponse {
  const body = statusOf(error, { name, kind: plural });
  const details = body.details;
  if (details && typeof details === 'object' && !Array.isArray(details) && error.kind !== 'Invalid') body.details = { name, group: 'apps', kind: plural };
  return json(statusCode(error), body);
}

const missing = (plural: string, name: string): ApiResponse =>
  appsError({ kind: 'NotFound', message: `${plural}.apps "${name}" not found`, causes: [] }, plural, name);

/** A body that is not an apps/v1 object of `kind`, refused as the API server refuses it. */
export function otherVersion(manifest: Readonly<Record<string, JsonValue>>, kind: 'Deployment' | 'ReplicaSet'): ApiResponse | undefined {
  if (manifest.apiVersion === 'apps/v1' && manifest.kind === kind) return undefined;
  return json(
    400,
    plainStatus(400, 'BadRequest', `the API version in the data (${jsonText(manifest.apiVersion)}) does not match the expected API version (apps/v1)`),
  );
}

/** A body naming another namespace than the request's, or a namespace that does not exist. */
export function otherNamespace(cluster: Cluster, manifest: Readonly<Record<string, JsonValue>>, namespace: string): ApiResponse | undefined {
  const own = obj(manifest.metadata).namespace;
  if (typeof own === 'string' && own !== '' && own !== namespace) {
    return json(400, plainStatus(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request'));
  }
  if (!namespaceExists(cluster, namespace))
    return json(404, statusOf({ kind: 'NotFound', message: `namespaces "${namespace}" not found`, causes: [] }, { name: namespace, kind: 'namespaces' }));
  return undefined;
}

/** The manifest a last-applied annotation holds, or the answer to one that is not JSON. */
export function parseLastApplied(lastApplied: string): { ok: true; manifest: unknown } | { ok: false; response: ApiResponse } {
  try {
    return { ok: true, manifest: JSON.parse(lastApplied) as unknown };
  } catch {
    return { ok: false, response: json(400, plainStatus(400, 'BadRequest', 'the last-applied configuration is not JSON')) };
  }
}

/** The annotation kubectl apply's patch carries, when it is one. */
export function lastAppliedOf(body: unknown): string | undefined {
  const value = obj(obj(obj(body).metadata).annotations)[LAST_APPLIED_ANNOTATION];
  return typeof value === 'string' ? value : undefined;
}

/**
 * DELETE of a Deployment, ReplicaSet or DaemonSet with a propagation policy. The answer is the
 * object as the registry left it: as it was (background: the garbage collector deletes the
 * dependents a moment later), marked for the foreground (deletionTimestamp, the foregroundDeletion
 * finalizer), or, orphaning, with the `orphan` finalizer the collector removes once it has freed
 * the dependents (registry/generic/registry/store.go deletionFinalizersForGarbageCollection).
 */
export function deleteWorkload(
  cluster: Cluster,
  kind: 'Deployment' | 'ReplicaSet' | 'DaemonSet',
  name: string,
  namespace: string,
  propagation: Propagation,
): Written {
  const plural = kind === 'Deployment' ? 'deployments' : kind === 'ReplicaSet' ? 'replicasets' : 'daemonsets';
  const item = getObject(cluster, kind, name, namespace);
  if (!item) return { cluster, response: missing(plural, name) };
  const deleted = deleteWorkloadObject(cluster, kind, name, namespace, propagation);
  if (!deleted.ok) return { cluster, response: appsError(deleted.error, plural, name) };
  if (propagation === 'Foreground') {
    const marked = getObject(deleted.cluster, kind, name, namespace);
    return { cluster: deleted.cluster, response: json(200, marked ? objectView(deleted.cluster, marked) : objectView(cluster, item)) };
  }
  const view = objectView(cluster, item);
  if (propagation === 'Orphan') {
    const meta = obj(view.metadata);
    const generation = typeof meta.generation === 'number' ? meta.generation + 1 : undefined;
    const orphaned: Json = {
      ...view,
      metadata: inMetaOrder({
        ...meta,
        ...(generation !== undefined ? { generation } : {}),
        deletionTimestamp: rfc3339(cluster.now),
        deletionGracePeriodSeconds: 0,
        finalizers: ['orphan'],
      }),
    };
    return { cluster: deleted.cluster, response: json(200, orphaned) };
  }
  return { cluster: deleted.cluster, response: json(200, view) };
}

/** A scalable workload: a Deployment, or a ReplicaSet (its own or one a Deployment owns). */
type Scalable = Deployment | ReplicaSet;

const scalableView = (cluster: Cluster, w: Scalable): Json => (w.kind === 'Deployment' ? deploymentView(cluster, w) : replicaSetView(cluster, w));

/** A workload's autoscaling/v1 Scale: its desired replicas, the replicas it has, and its selector as text. */
export function scaleView(cluster: Cluster, d: Scalable): Json {
  const view = scalableView(cluster, d);
  const meta = obj(view.metadata);
  const status = obj(view.status);
  const selector = Object.entries(d.spec.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: meta.name ?? d.metadata.name,
      namespace: meta.namespace ?? d.metadata.namespace,
      uid: meta.uid ?? '',
      resourceVersion: meta.resourceVersion ?? '',
      creationTimestamp: meta.creationTimestamp ?? null,
    },
    spec: { replicas: d.spec.replicas },
    status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0, selector },
  };
}

/** GET, PUT and PATCH of deployments/NAME/scale and replicasets/NAME/scale, as `kubectl scale` sends them. */
export function scaleRequest(cluster: Cluster, request: ApiRequest, kind: Scalable['kind'], name: string, namespace: string): Written {
  const same = (response: ApiResponse): Written => ({ cluster, response });
  const plural = kind === 'Deployment' ? 'deployments' : 'replicasets';
  const live = kind === 'Deployment' ? findDeployment(cluster, name, namespace) : findReplicaSet(cluster, name, namespace);
  if (!live) return same(missing(plural, name));
  const before = scaleView(cluster, live);
  if (request.method === 'GET') return same(json(200, before));
  let wanted: unknown;
  try {
    const body = JSON.parse(request.body) as JsonValue;
    if (request.method === 'PUT') wanted = obj(obj(body).spec).replicas;
    else if (request.method === 'PATCH') {
      const type = patchTypeOf(request.contentType);
      if (type === undefined)
        return same(
          json(
            415,
            plainStatus(
              415,
              'UnsupportedMediaType',
              'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json',
            ),
          ),
        );
      let patched: JsonValue;
      if (type === 'json') {
        const r = jsonPatch(before, body);
        if (!r.ok) return same(json(422, plainStatus(422, 'Invalid', r.error)));
        patched = r.value;
      } else patched = mergePatch(before, body);
      wanted = obj(obj(patched).spec).replicas;
    } else return same(json(405, plainStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')));
  } catch (e) {
    return same(json(400, plainStatus(400, 'BadRequest', `error decoding the body: ${(e as Error).message}`)));
  }
  const replicas = wanted === undefined || wanted === null ? 0 : wanted;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    return same(
      json(
        400,
        plainStatus(
          400,
          'BadRequest',
          `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
        ),
      ),
    );
  }
  if (replicas < 0) {
    const error = invalidError('Scale.autoscaling', name, [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
    return same(json(422, statusOf(error, { name, kind: 'Scale' })));
  }
  const scaled = live.kind === 'Deployment' ? scaleDeployment(cluster, name, replicas, namespace) : scaleReplicaSet(cluster, live, replicas);
  if (!scaled.ok) return same(appsError(scaled.error, plural, name));
  if (request.query.get('dryRun') === 'All') return same(json(200, { ...before, spec: { replicas } }));
  return { cluster: scaled.cluster, response: json(200, scaleView(scaled.cluster, scaled.value)) };
}
