// The lab's Kubernetes API: one request in, one answer out, over the simulated cluster.
// Paths, verbs, list kinds, Table answers and Status errors follow kube-apiserver 1.32 for the
// core/v1 resources the lab serves (staging/src/k8s.io/apiserver/pkg/endpoints/handlers).

import {
  LAST_APPLIED_ANNOTATION,
  applyObject,
  createObject,
  decodeObject,
  deleteNamespace,
  deleteObject,
  findNamespace,
  findPod,
  logRefusal,
  namespaceExists,
  reconcileWorkloads,
  updateNamespaceMeta,
  type ApiError,
  type Cluster,
} from '../cluster/index.js';
import { notFound, badRequest } from '../cluster/api-error.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { itemLabels, type Item } from '../kubectl/lookup.js';
import { dryRunCreated } from '../kubectl/dry-run-created.js';
import { replaceObjectRequest } from './object-replace.js';
import { parseSelector, selectorMatches } from '../kubectl/label-selector.js';
import { apiVersions, coreResources, versionDocument } from './discovery.js';
import { fieldsMatch, parseFieldSelector, unselectable } from './field-selector.js';
import { leaseView, getObject, listObjects, objectView, type Json } from './objects.js';
import { applyLabelPatch, labelChanges } from './label-patch.js';
import { json, text, wantsTable, type ApiRequest, type ApiResponse } from './request.js';
import { coreV1Text, openApiIndex } from './openapi.js';
import { appsV1Text } from './openapi-apps.js';
import { accessReview, ACCESS_REVIEW_PATH } from './access-review.js';
import { applyPatchObject, isServerSideApply } from './server-side-apply.js';
import { lastAppliedFor } from '../kubectl/manifests.js';
import { unwrap } from './protobuf.js';
import { namespaceManifest, serviceManifest } from './service-proto.js';
import { deploymentManifest } from './deployment-proto.js';
import { servedByPlural, type ServedResource } from './served.js';
import { plainStatus, statusCode, statusOf } from './status.js';
import { tableOf } from './table.js';
import { patchRequest, patchTypeOf } from './patch.js';
import { groupList, groupTarget, handleGroup } from './groups.js';
import { deleteOptionsOf, type DeleteOptions } from './delete-options.js';
import { deleteWorkload, lastAppliedOf, parseLastApplied, scaleRequest } from './apps-writes.js';
import { applyWorkloadPatch, createWorkloadRequest, replaceWorkloadRequest } from './workload-writes.js';
import { jsonText } from '../json-text.js';

export interface Handled {
  readonly cluster: Cluster;
  readonly response: ApiResponse;
}

const same = (cluster: Cluster, response: ApiResponse): Handled => ({ cluster, response });

function errorResponse(error: ApiError, details: { name?: string; kind?: string } = {}): ApiResponse {
  return json(statusCode(error), statusOf(error, details));
}

const pathNotFound = (): ApiResponse => json(404, plainStatus(404, 'NotFound', 'the server could not find the requested resource'));

const methodNotAllowed = (): ApiResponse => json(405, plainStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));

/** Where a request points: a collection or one object, in a namespace or cluster-wide. */
interface Target {
  readonly resource: ServedResource;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

function parseTarget(path: string): Target | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'apis') return groupTarget(path);
  if (parts[0] !== 'api' || parts[1] !== 'v1') return undefined;
  let rest = parts.slice(2);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = decodeURIComponent(rest[1] ?? '');
    rest = rest.slice(2);
  }
  const resource = servedByPlural(rest[0] ?? '');
  if (!resource || rest.length > 3) return undefined;
  if (namespace !== undefined && !resource.namespaced) return undefined;
  const name = rest[1] === undefined ? undefined : decodeURIComponent(rest[1]);
  return { resource, namespace, name, subresource: rest[2] };
}

function resourceVersionOf(cluster: Cluster): string {
  return String(cluster.revision);
}

interface Selection {
  readonly labels: string;
  readonly fields: string;
}

function selectionOf(query: ReadonlyMap<string, string>): Selection {
  return { labels: query.get('labelSelector') ?? '', fields: query.get('fieldSelector') ?? '' };
}

/** The objects of a kind in a namespace (or all), as views, filtered by label and field selectors. */
function listViews(
  cluster: Cluster,
  resource: ServedResource,
  namespace: string | undefined,
  selection: Selection,
): { items: Json[]; sources: Item[] } | { error: ApiResponse } {
  const labels = parseSelector(selection.labels);
  if (!labels.ok) return { error: json(400, plainStatus(400, 'BadRequest', labels.error)) };
  const fields = parseFieldSelector(selection.fields);
  if (!fields.ok) return { error: json(400, plainStatus(400, 'BadRequest', fields.error)) };
  const refused = unselectable(resource.kind, fields.terms);
  if (refused !== undefined) return { error: json(400, plainStatus(400, 'BadRequest', `field label not supported: ${refused}`)) };
  // A namespace that does not exist lists nothing (the API answers an empty list, not NotFound).
  const all = listObjects(cluster, resource.kind, namespace);
  const sources = all.filter((item) => selectorMatches(labels.requirements, itemLabels(item)));
  const pairs = sources.map((item) => ({ item, view: objectView(cluster, item) })).filter((p) => fieldsMatch(fields.terms, p.view));
  return { items: pairs.map((p) => p.view), sources: pairs.map((p) => p.item) };
}

/** A list's items carry no kind or apiVersion of their own: the list says them once. */
function withoutTypeMeta(view: Json): Json {
  const rest: Json = {};
  for (const [key, value] of Object.entries(view)) if (key !== 'kind' && key !== 'apiVersion') rest[key] = value;
  return rest;
}

function list(cluster: Cluster, request: ApiRequest, target: Target): ApiResponse {
  const listed = listViews(cluster, target.resource, target.namespace, selectionOf(request.query));
  if ('error' in listed) return listed.error;
  const rv = resourceVersionOf(cluster);
  if (wantsTable(request.accept)) return json(200, tableOf(cluster, target.resource.kind, listed.sources, rv, request.query.get('includeObject') === 'Object'));
  return json(200, { kind: `${target.resource.kind}List`, apiVersion: 'v1', metadata: { resourceVersion: rv }, items: listed.items.map(withoutTypeMeta) });
}

function notFoundFor(resource: ServedResource, name: string): ApiResponse {
  if (resource.group !== undefined) {
    const body = statusOf(notFound(`${resource.plural}.${resource.group}`, name), { name, kind: resource.plural });
    return json(404, { ...body, details: { name, group: resource.group, kind: resource.plural }, code: 404 });
  }
  return errorResponse(notFound(resource.plural, name), { name, kind: resource.plural });
}

function getOne(cluster: Cluster, request: ApiRequest, target: Target, name: string): ApiResponse {
  const { resource } = target;
  const item = getObject(cluster, resource.kind, name, target.namespace);
  if (!item) return notFoundFor(resource, name);
  if (wantsTable(request.accept)) return json(200, tableOf(cluster, item.kind, [item], resourceVersionOf(cluster)));
  return json(200, objectView(cluster, item));
}

function podLog(cluster: Cluster, target: Target, name: string, query: ReadonlyMap<string, string>): ApiResponse {
  const pod = findPod(cluster, name, target.namespace);
  if (!pod) return notFoundFor(target.resource, name);
  const container = query.get('container') ?? pod.spec.containers[0]?.name ?? '';
  if (!pod.spec.containers.some((c) => c.name === container)) {
    return errorResponse(badRequest(`container ${container} is not valid for pod ${name}`));
  }
  // No node: the API server has no kubelet to ask and answers with an empty stream (strategy.go LogLocation).
  if (pod.spec.nodeName === undefined) return text(200, '');
  const refusal = logRefusal(cluster, pod, container);
  if (refusal !== undefined) return errorResponse(badRequest(refusal));
  let lines = pod.log;
  const tail = Number(query.get('tailLines') ?? '-1');
  if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  return text(200, lines.map((l) => `${l}\n`).join(''));
}

function parseBody(request: ApiRequest): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  if (request.contentType.startsWith('application/vnd.kubernetes.protobuf')) return protobufBody(request);
  try {
    return { ok: true, value: JSON.parse(request.body) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      response: json(
        400,
        plainStatus(
          400,
          'BadRequest',
          `the object provided is unrecognized (must be of type ${'Object'}): couldn't get version/kind; json parse error: ${message}`,
        ),
      ),
    };
  }
}

/** A protobuf body (kubectl's typed clients send one for `create service`) as the manifest JSON would give. */
function protobufBody(request: ApiRequest): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  try {
    const envelope = unwrap(request.raw ?? new TextEncoder().encode(request.body));
    if (envelope.apiVersion === 'v1' && envelope.kind === 'Service') return { ok: true, value: serviceManifest(envelope.raw) };
    if (envelope.apiVersion === 'v1' && envelope.kind === 'Namespace') return { ok: true, value: namespaceManifest(envelope.raw) };
    if (envelope.apiVersion === 'apps/v1' && envelope.kind === 'Deployment') return { ok: true, value: deploymentManifest(envelope.raw) };
    return { ok: false, response: json(415, plainStatus(415, 'UnsupportedMediaType', `the lab reads ${envelope.kind || 'this object'} as JSON only`)) };
  } catch (e) {
    return { ok: false, response: json(400, plainStatus(400, 'BadRequest', `the body is not a Kubernetes protobuf object: ${(e as Error).message}`)) };
  }
}

function create(cluster: Cluster, request: ApiRequest, target: Target): Handled {
  const { resource } = target;
  if (resource.kind === 'Deployment' || resource.kind === 'ReplicaSet') {
    const body = parseBody(request);
    if (!body.ok) return same(cluster, body.response);
    return createWorkloadRequest(resource.kind, cluster, body.value, target.namespace ?? 'default', request.query.get('dryRun') === 'All');
  }
  if (resource.kind !== 'Pod' && resource.kind !== 'Service' && resource.kind !== 'Namespace') return same(cluster, methodNotAllowed());
  const body = parseBody(request);
  if (!body.ok) return same(cluster, body.response);
  const manifest = body.value as Record<string, unknown>;
  const decoded = decodeObject(manifest);
  if (!decoded.ok) return same(cluster, errorResponse(decoded.error));
  if (decoded.object.kind !== resource.kind) {
    return same(cluster, json(400, plainStatus(400, 'BadRequest', `the API version in the data (v1) does not match the expected API version (v1)`)));
  }
  // The path's namespace is the object's; a body naming another is refused
  // (apiserver handlers/rest.go: "the namespace of the provided object does not match the namespace sent on the request").
  const own = decoded.object.kind === 'Namespace' ? undefined : decoded.object.input.namespace;
  if (own !== undefined && own !== '' && target.namespace !== undefined && own !== target.namespace) {
    return same(cluster, json(400, plainStatus(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request')));
  }
  const namespace = target.namespace ?? 'default';
  if (resource.namespaced && !namespaceExists(cluster, namespace)) {
    const missing = notFound('namespaces', namespace);
    return same(cluster, errorResponse(missing, { name: namespace, kind: 'namespaces' }));
  }
  const dryRun = request.query.get('dryRun') === 'All';
  const created = createObject(dryRun ? { ...cluster, dryRun } : cluster, decoded.object, undefined, resource.namespaced ? namespace : undefined);
  if (!created.ok) {
    const inNamespace = created.error.kind === 'NotFound' && created.error.message.startsWith('namespaces ');
    return same(
      cluster,
      errorResponse(created.error, inNamespace ? { name: namespace, kind: 'namespaces' } : { name: decoded.object.name, kind: resource.plural }),
    );
  }
  const item = getObject(created.cluster, resource.kind, decoded.object.name, namespace);
  const view = item ? objectView(created.cluster, item) : manifest;
  // ?dryRun=All: the registry makes the object, defaults and allocations included, and keeps nothing.
  if (dryRun) return same(cluster, json(201, dryRunCreated(view as JsonValue)));
  return { cluster: created.cluster, response: json(201, view) };
}

function remove(cluster: Cluster, target: Target, name: string, options: DeleteOptions): Handled {
  // ?dryRun=All: the answer of a delete, and nothing deleted.
  if (options.dryRun) {
    const answered = remove(cluster, target, name, { ...options, dryRun: false });
    return { cluster, response: answered.response };
  }
  const { resource } = target;
  if (resource.kind === 'Deployment' || resource.kind === 'ReplicaSet' || resource.kind === 'DaemonSet')
    return deleteWorkload(cluster, resource.kind, name, target.namespace ?? 'default', options.propagation ?? 'Background');
  if (resource.kind !== 'Pod' && resource.kind !== 'Service' && resource.kind !== 'Namespace') return same(cluster, methodNotAllowed());
  const namespace = target.namespace ?? 'default';
  const item = getObject(cluster, resource.kind, name, namespace);
  if (!item) return same(cluster, notFoundFor(resource, name));
  const view = objectView(cluster, item);
  if (resource.kind === 'Namespace') {
    // The answer is the namespace as the registry marked it, before its controller's first pass
    // (deletionTimestamp and phase Terminating, no conditions yet); the controller then empties it.
    const gone = deleteNamespace(cluster, name);
    if (!gone.ok) return same(cluster, errorResponse(gone.error, { name, kind: resource.plural }));
    const marked = getObject(gone.cluster, 'Namespace', name, namespace);
    const answer = marked ? objectView(gone.cluster, marked) : view;
    const terminating: Json = { ...answer, status: { phase: 'Terminating' } };
    return { cluster: gone.cluster, response: json(200, terminating) };
  }
  const deleted = deleteObject(cluster, resource.kind, name, namespace, options.gracePeriodSeconds);
  if (!deleted.ok) return same(cluster, errorResponse(deleted.error, { name, kind: resource.plural }));
  if (resource.kind === 'Pod') {
    // The answer is the pod as the registry left it: marked Terminating, or as it was when it went at
    // once. A ReplicaSet replaces a terminating pod at once; a kubelet makes a static pod's mirror
    // again under the same name, a new object the answer is not about (kubectl waits for the UID it
    // was told of to go).
    const marked = getObject(deleted.cluster, 'Pod', name, namespace);
    const sameUid = marked && 'uid' in marked.obj.metadata && 'uid' in item.obj.metadata && marked.obj.metadata.uid === item.obj.metadata.uid;
    const answer = marked && sameUid ? objectView(deleted.cluster, marked) : view;
    return { cluster: deleted.cluster, response: json(200, answer) };
  }
  if (resource.kind === 'Service') {
    return {
      cluster: deleted.cluster,
      response: json(200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, kind: 'services', uid: 'uid' in item.obj.metadata ? item.obj.metadata.uid : '' },
      }),
    };
  }
  return { cluster: deleted.cluster, response: json(200, view) };
}

/**
 * ?dryRun=All on a write: the request runs against a throwaway copy whose allocators answer as the
 * registry's dry run does, and its answer is returned with nothing kept (no object, no
 * resourceVersion, no allocation, no event): staging/src/k8s.io/apiserver/pkg/registry/generic/registry/dryrun.go.
 */
function inDryRun(cluster: Cluster, request: ApiRequest, write: (cluster: Cluster) => Handled): Handled {
  if (request.query.get('dryRun') !== 'All') return write(cluster);
  return { cluster, response: write({ ...cluster, dryRun: true }).response };
}

export interface WatchEntry {
  readonly name: string;
  /** The object's UID: the same name with another UID is another object (deleted, then made again). */
  readonly uid?: string;
  /** The object as JSON: a change in it is a MODIFIED event. */
  readonly key: string;
  /** What the event carries: the object, or a one-row Table when the client asked for Tables (made when first read). */
  readonly event: unknown;
}

/** Is this a watch request (`?watch=true` or `?watch=1`)? */
export const isWatch = (request: ApiRequest): boolean => request.method === 'GET' && ['true', '1'].includes(request.query.get('watch') ?? '');

/** What a watch sees now: each listed object by name, or the error answer that ends the watch at once. */
export function watchEntries(cluster: Cluster, request: ApiRequest): { ok: true; entries: WatchEntry[] } | { ok: false; response: ApiResponse } {
  const target = parseTarget(request.path.replace(/\/+$/, ''));
  if (!target || target.subresource !== undefined) return { ok: false, response: pathNotFound() };
  const selection = selectionOf(request.query);
  const fields = target.name === undefined ? selection.fields : [selection.fields, `metadata.name=${target.name}`].filter((f) => f !== '').join(',');
  const listed = listViews(cluster, target.resource, target.namespace, { labels: selection.labels, fields });
  if ('error' in listed) return { ok: false, response: listed.error };
  const table = wantsTable(request.accept);
  const rv = resourceVersionOf(cluster);
  const entries = listed.items.map((view, i): WatchEntry => {
    const source = listed.sources[i];
    const meta = view.metadata as Json;
    // Keyed by namespace and name: a watch across namespaces sees two `web`s as two objects.
    const name = meta.namespace ? `${jsonText(meta.namespace)}/${jsonText(meta.name)}` : jsonText(meta.name);
    // The event is made when it is sent: an object that did not change is never printed again.
    let made: { readonly event: unknown } | undefined;
    return {
      name,
      ...(typeof meta.uid === 'string' ? { uid: meta.uid } : {}),
      key: JSON.stringify(view),
      get event(): unknown {
        made ??= { event: table && source ? tableOf(cluster, source.kind, [source], rv) : view };
        return made.event;
      },
    };
  });
  return { ok: true, entries };
}

/**
 * PATCH from `kubectl apply`: the patch carries the new last-applied configuration, and the lab
 * merges it into the live object exactly as the sandbox's apply does (one three-way merge for both).
 */
function patch(cluster: Cluster, request: ApiRequest, target: Target, name: string): Handled {
  const { resource } = target;
  if (isServerSideApply(request.contentType)) return serverSideApply(cluster, request, target, name);
  if (resource.kind === 'Deployment' || resource.kind === 'ReplicaSet') {
    const namespace = target.namespace ?? 'default';
    if (!getObject(cluster, resource.kind, name, namespace)) return same(cluster, notFoundFor(resource, name));
    const body = patchTypeOf(request.contentType) === undefined ? undefined : parseBody(request);
    if (body && !body.ok) return same(cluster, body.response);
    const lastApplied = body ? lastAppliedOf(body.value) : undefined;
    if (lastApplied !== undefined) return applyWorkloadPatch(resource.kind, cluster, lastApplied, name, namespace);
    // Other patches of a ReplicaSet the lab does not take.
    if (resource.kind === 'ReplicaSet') return same(cluster, methodNotAllowed());
    return patchRequest(cluster, request, 'Deployment', resource.plural, name, namespace);
  }
  if (resource.kind !== 'Pod' && resource.kind !== 'Service' && resource.kind !== 'Namespace') return same(cluster, methodNotAllowed());
  const namespace = target.namespace ?? 'default';
  if (!getObject(cluster, resource.kind, name, namespace)) return same(cluster, notFoundFor(resource, name));
  if (resource.kind !== 'Namespace' && patchTypeOf(request.contentType) === undefined)
    return patchRequest(cluster, request, resource.kind, resource.plural, name, namespace);
  const body = parseBody(request);
  if (!body.ok) return same(cluster, body.response);
  // An empty merge patch (kubectl label removing a label that is not there) changes nothing.
  if (typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) && Object.keys(body.value).length === 0) {
    const item = getObject(cluster, resource.kind, name, namespace);
    return same(cluster, json(200, item ? objectView(cluster, item) : {}));
  }
  const labels = resource.kind === 'Namespace' ? undefined : labelChanges(body.value);
  if (labels && resource.kind !== 'Namespace') {
    const live = getObject(cluster, resource.kind, name, namespace);
    const changed = applyLabelPatch(cluster, resource.kind, live ? live.obj.metadata.labels : {}, name, labels, namespace);
    if (!changed.ok) return same(cluster, errorResponse(changed.error, { name, kind: resource.plural }));
    const next = request.query.get('dryRun') === 'All' ? cluster : changed.cluster;
    const item = getObject(changed.cluster, resource.kind, name, namespace);
    return { cluster: next, response: json(200, item ? objectView(changed.cluster, item) : {}) };
  }
  const annotations = (((body.value as Json | null)?.metadata as Json | undefined)?.annotations ?? {}) as Json;
  const lastApplied = annotations[LAST_APPLIED_ANNOTATION];
  if (typeof lastApplied !== 'string') {
    // A namespace takes kubectl label's and annotate's merge patch of its metadata; any other
    // patch (kubectl patch, label, annotate) is applied as the sandbox applies it.
    if (resource.kind === 'Namespace') return patchNamespaceMeta(cluster, name, body.value);
    return patchRequest(cluster, request, resource.kind, resource.plural, name, namespace);
  }
  const parsed = parseLastApplied(lastApplied);
  if (!parsed.ok) return same(cluster, parsed.response);
  const decoded = decodeObject(parsed.manifest);
  if (!decoded.ok) return same(cluster, errorResponse(decoded.error));
  const applied = applyObject(cluster, decoded.object, lastApplied, resource.namespaced ? namespace : undefined);
  if (!applied.ok) return same(cluster, errorResponse(applied.error, { name, kind: resource.plural }));
  const item = getObject(applied.cluster, resource.kind, name, namespace);
  return { cluster: applied.cluster, response: json(200, item ? objectView(applied.cluster, item) : {}) };
}

/** `kubectl apply --server-side`: the whole object, applied (or created) as the sandbox applies it. */
function serverSideApply(cluster: Cluster, request: ApiRequest, target: Target, name: string): Handled {
  const { resource } = target;
  const namespace = target.namespace ?? 'default';
  if (
    resource.kind !== 'Pod' &&
    resource.kind !== 'Service' &&
    resource.kind !== 'Namespace' &&
    resource.kind !== 'Deployment' &&
    resource.kind !== 'ReplicaSet'
  )
    return same(cluster, methodNotAllowed());
  const read = applyPatchObject(request.body);
  if (!read.ok) return same(cluster, json(400, plainStatus(400, 'BadRequest', read.message)));
  const meta = read.manifest.metadata;
  const bodyName = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).name : undefined;
  if (bodyName !== name)
    return same(
      cluster,
      json(400, plainStatus(400, 'BadRequest', 'the name of the object (' + jsonText(bodyName) + ') does not match the name on the URL (' + name + ')')),
    );
  const live = getObject(cluster, resource.kind, name, namespace);
  const existed = live !== undefined;
  // After a server-side apply kubectl moves the last-applied annotation's fields to a manager of
  // their own (csaupgrade, fieldManager kubectl-last-applied). The lab keeps no managedFields, so
  // that bookkeeping changes nothing.
  if (request.query.get('fieldManager') === 'kubectl-last-applied' && live) return same(cluster, json(200, objectView(cluster, live)));
  const lastApplied = lastAppliedFor(read.manifest, resource.namespaced ? namespace : undefined);
  const dryRun = request.query.get('dryRun') === 'All';
  const status = existed ? 200 : 201;
  if (resource.kind === 'Deployment' || resource.kind === 'ReplicaSet') {
    const applied = applyWorkloadPatch(resource.kind, cluster, lastApplied, name, namespace, 'server');
    const answered = applied.response.status === 200 ? { ...applied.response, status } : applied.response;
    return { cluster: dryRun ? cluster : applied.cluster, response: answered };
  }
  const decoded = decodeObject(JSON.parse(lastApplied) as unknown);
  if (!decoded.ok) return same(cluster, errorResponse(decoded.error));
  const applied = applyObject(cluster, decoded.object, lastApplied, resource.namespaced ? namespace : undefined, 'server');
  if (!applied.ok) return same(cluster, errorResponse(applied.error, { name, kind: resource.plural }));
  const item = getObject(applied.cluster, resource.kind, name, namespace);
  return { cluster: dryRun ? cluster : applied.cluster, response: json(status, item ? objectView(applied.cluster, item) : {}) };
}

/**
 * A merge patch of a namespace's labels and annotations (what `kubectl label ns` and `kubectl
 * annotate ns` send): keys with null values go, the rest are set.
 */
function patchNamespaceMeta(cluster: Cluster, name: string, body: unknown): Handled {
  const live = findNamespace(cluster, name);
  if (!live) return same(cluster, notFoundFor({ plural: 'namespaces' } as ServedResource, name));
  const meta = ((body as Json | null)?.metadata ?? {}) as Json;
  const merged = (current: Readonly<Record<string, string>>, change: unknown): Record<string, string> => {
    const out: Record<string, string> = { ...current };
    if (typeof change !== 'object' || change === null) return out;
    for (const [key, value] of Object.entries(change as Json)) {
      if (value === null) delete out[key];
      else out[key] = jsonText(value);
    }
    return out;
  };
  const updated = updateNamespaceMeta(cluster, name, merged(live.metadata.labels, meta.labels), merged(live.metadata.annotations, meta.annotations));
  if (!updated.ok) return same(cluster, errorResponse(updated.error, { name, kind: 'namespaces' }));
  const item = getObject(updated.cluster, 'Namespace', name);
  return { cluster: updated.cluster, response: json(200, item ? objectView(updated.cluster, item) : {}) };
}

/** Answers one request. The cluster's clock is the caller's business (it follows the wall clock while serving). */
export function handle(cluster: Cluster, request: ApiRequest): Handled {
  const handled = answer(cluster, request);
  // The controllers act on what a write changed, as after the sandbox's kubectl (run-kubectl.ts): a
  // ReplicaSet replaces a deleted pod, adopts one a patch gave its labels, lets go of one that lost them.
  return handled.cluster === cluster ? handled : { ...handled, cluster: reconcileWorkloads(handled.cluster) };
}

function answer(cluster: Cluster, request: ApiRequest): Handled {
  const path = request.path.replace(/\/+$/, '') || '/';
  if (request.method === 'GET') {
    if (path === '/version') return same(cluster, json(200, versionDocument(cluster)));
    if (path === '/api') return same(cluster, json(200, apiVersions()));
    if (path === '/apis') return same(cluster, json(200, groupList()));
    if (path === '/api/v1') return same(cluster, json(200, coreResources()));
    if (path === '/openapi/v3') return same(cluster, json(200, openApiIndex()));
    if (path === '/openapi/v3/api/v1') return same(cluster, { status: 200, contentType: 'application/json', body: coreV1Text().text });
    if (path === '/openapi/v3/apis/apps/v1') return same(cluster, { status: 200, contentType: 'application/json', body: appsV1Text().text });
  }
  if (path === ACCESS_REVIEW_PATH) return same(cluster, accessReview(request));
  const grouped = handleGroup(cluster, { ...request, path });
  if (grouped) return same(cluster, grouped);
  const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(path);
  if (lease && request.method === 'GET') {
    const view = leaseView(cluster, decodeURIComponent(lease[1] ?? ''));
    return same(cluster, view ? json(200, view) : notFoundFor({ plural: 'leases' } as ServedResource, decodeURIComponent(lease[1] ?? '')));
  }
  // A namespace has no resource quotas or limit ranges here, and says so: describe ns lists them
  // (staging/src/k8s.io/kubectl/pkg/describe/describe.go, NamespaceDescriber) and prints their absence.
  const policy = /^\/api\/v1\/namespaces\/[^/]+\/(resourcequotas|limitranges)$/.exec(path);
  if (policy && request.method === 'GET') {
    const kind = policy[1] === 'resourcequotas' ? 'ResourceQuotaList' : 'LimitRangeList';
    return same(cluster, json(200, { kind, apiVersion: 'v1', metadata: { resourceVersion: resourceVersionOf(cluster) }, items: [] }));
  }
  const target = parseTarget(path);
  if (!target) return same(cluster, pathNotFound());
  const { name, subresource } = target;
  if (subresource !== undefined) {
    if ((target.resource.kind === 'Deployment' || target.resource.kind === 'ReplicaSet') && subresource === 'scale' && name !== undefined)
      return scaleRequest(cluster, request, target.resource.kind, name, target.namespace ?? 'default');
    if (request.method === 'GET' && target.resource.kind === 'Pod' && subresource === 'log' && name !== undefined) {
      return same(cluster, podLog(cluster, target, name, request.query));
    }
    return same(cluster, pathNotFound());
  }
  switch (request.method) {
    case 'GET':
      return same(cluster, name === undefined ? list(cluster, request, target) : getOne(cluster, request, target, name));
    case 'POST':
      return name === undefined ? create(cluster, request, target) : same(cluster, methodNotAllowed());
    case 'PATCH':
      return name === undefined ? same(cluster, methodNotAllowed()) : inDryRun(cluster, request, (c) => patch(c, request, target, name));
    case 'DELETE': {
      if (name === undefined) return same(cluster, methodNotAllowed());
      const options = deleteOptionsOf(request);
      if (!options.ok) return same(cluster, errorResponse(options.error, { kind: 'DeleteOptions', name: '' }));
      return remove(cluster, target, name, options.options);
    }
    case 'PUT': {
      const putKind = target.resource.kind;
      const replaced = putKind === 'Pod' || putKind === 'Service' || putKind === 'Namespace';
      if (name === undefined || (putKind !== 'Deployment' && putKind !== 'ReplicaSet' && !replaced)) return same(cluster, methodNotAllowed());
      const body = parseBody(request);
      if (!body.ok) return same(cluster, body.response);
      if (replaced) {
        const namespace = target.resource.namespaced ? (target.namespace ?? 'default') : undefined;
        return replaceObjectRequest(putKind, target.resource.plural, cluster, body.value, name, namespace, request.query.get('dryRun') === 'All');
      }
      return inDryRun(cluster, request, (c) => replaceWorkloadRequest(putKind, c, body.value, name, target.namespace ?? 'default'));
    }
    default:
      return same(cluster, methodNotAllowed());
  }
}

export type { JsonValue };
