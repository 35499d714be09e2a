// Writes of a bare ReplicaSet in the lab's API: POST (`kubectl create -f`, a first `apply -f`),
// the PATCH `kubectl apply` sends (it carries the new last-applied configuration), a server-side
// apply, and PUT (`kubectl replace -f`), each through the cluster functions the sandbox's kubectl
// calls (cluster/replicaset-writes.ts).

import { applyReplicaSet, createReplicaSet, decodeReplicaSet, findReplicaSet, replaceReplicaSet, type Cluster } from '../cluster/index.js';
import type { ApplySide } from '../cluster/applied-annotation.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { replicaSetView } from '../kubectl/workload-views.js';
import { appsError, otherNamespace, otherVersion, type Written } from './apps-writes.js';
import { json, type ApiResponse } from './request.js';
import { plainStatus, statusCode, statusOf } from './status.js';

const obj = (v: unknown): Record<string, JsonValue> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, JsonValue>) : {});

/** POST .../replicasets: the body as `kubectl create -f` or a first `apply -f` sends it. */
export function createReplicaSetRequest(cluster: Cluster, body: unknown, namespace: string, dryRun: boolean): Written {
  const same = (response: ApiResponse): Written => ({ cluster, response });
  const manifest = obj(body);
  const refused = otherVersion(manifest, 'ReplicaSet');
  if (refused) return same(refused);
  const decoded = decodeReplicaSet(manifest);
  if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
  const misplaced = otherNamespace(cluster, manifest, namespace);
  if (misplaced) return same(misplaced);
  const created = createReplicaSet(cluster, { ...decoded.replicaSet.input, namespace });
  if (!created.ok) return same(appsError(created.error, 'replicasets', decoded.replicaSet.name));
  const answer = json(201, replicaSetView(created.cluster, created.value));
  // A server dry run answers what would be made and keeps nothing.
  return dryRun ? same(answer) : { cluster: created.cluster, response: answer };
}

/** PATCH from `kubectl apply`, or a server-side apply: the sandbox's apply of the last-applied manifest. */
export function applyReplicaSetPatch(cluster: Cluster, lastApplied: string, name: string, namespace: string, side: ApplySide = 'client'): Written {
  const same = (response: ApiResponse): Written => ({ cluster, response });
  let manifest: unknown;
  try {
    manifest = JSON.parse(lastApplied);
  } catch {
    return same(json(400, plainStatus(400, 'BadRequest', 'the last-applied configuration is not JSON')));
  }
  const decoded = decodeReplicaSet(obj(manifest));
  if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
  const applied = applyReplicaSet(cluster, { ...decoded.replicaSet, input: { ...decoded.replicaSet.input, namespace } }, lastApplied, side);
  if (!applied.ok) return same(appsError(applied.error, 'replicasets', name));
  const live = findReplicaSet(applied.cluster, name, namespace);
  return { cluster: applied.cluster, response: json(200, live ? replicaSetView(applied.cluster, live) : {}) };
}

/** PUT of a ReplicaSet (`kubectl replace -f`): its spec, labels and annotations become the body's. */
export function replaceReplicaSetRequest(cluster: Cluster, body: unknown, name: string, namespace: string): Written {
  const same = (response: ApiResponse): Written => ({ cluster, response });
  const decoded = decodeReplicaSet(obj(body));
  if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
  if (decoded.replicaSet.name !== name) {
    return same(json(400, plainStatus(400, 'BadRequest', `the name of the object (${decoded.replicaSet.name}) does not match the name on the URL (${name})`)));
  }
  const replaced = replaceReplicaSet(cluster, { ...decoded.replicaSet.input, namespace });
  if (!replaced.ok) return same(appsError(replaced.error, 'replicasets', name));
  return { cluster: replaced.cluster, response: json(200, replicaSetView(replaced.cluster, replaced.value)) };
}
