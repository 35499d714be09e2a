// Writes of a Deployment or a bare ReplicaSet in the lab's API, one routine per verb for both: POST
// (`kubectl create -f`, `kubectl create deployment`, a first `apply -f`), the PATCH `kubectl apply`
// sends (it carries the new last-applied configuration), a server-side apply, and PUT (`kubectl
// replace -f`), each through the cluster routines the sandbox's kubectl calls
// (cluster/workload-writes.ts).

import { applyWorkload, createWorkload, replaceWorkload, type Cluster } from '../cluster/index.js';
import type { ApplySide } from '../cluster/applied-annotation.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { inAppsKind } from '../kubectl/apps-kinds.js';
import { appsError, otherNamespace, otherVersion, parseLastApplied, type Written } from './apps-writes.js';
import { json, type ApiResponse } from './request.js';
import { plainStatus, statusCode, statusOf } from './status.js';

type Kind = 'Deployment' | 'ReplicaSet';

const obj = (v: unknown): Record<string, JsonValue> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, JsonValue>) : {});

/** POST .../deployments or .../replicasets: the body as kubectl sends it (a protobuf Deployment already read). */
export function createWorkloadRequest(kindName: Kind, cluster: Cluster, body: unknown, namespace: string, dryRun: boolean): Written {
  return inAppsKind(kindName, (kind) => {
    const same = (response: ApiResponse): Written => ({ cluster, response });
    const manifest = obj(body);
    const refused = otherVersion(manifest, kindName);
    if (refused) return same(refused);
    const decoded = kind.writes.decode(manifest);
    if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
    const misplaced = otherNamespace(cluster, manifest, namespace);
    if (misplaced) return same(misplaced);
    const created = createWorkload(kind.writes, cluster, { ...decoded.value.input, namespace });
    if (!created.ok) return same(appsError(created.error, kind.writes.plural, decoded.value.name));
    const answer = json(201, kind.view(created.cluster, created.value));
    // A server dry run answers what would be made and keeps nothing.
    return dryRun ? same(answer) : { cluster: created.cluster, response: answer };
  });
}

/** PATCH from `kubectl apply`, or a server-side apply: the sandbox's apply of the last-applied manifest. */
export function applyWorkloadPatch(
  kindName: Kind,
  cluster: Cluster,
  lastApplied: string,
  name: string,
  namespace: string,
  side: ApplySide = 'client',
): Written {
  return inAppsKind(kindName, (kind) => {
    const same = (response: ApiResponse): Written => ({ cluster, response });
    const parsed = parseLastApplied(lastApplied);
    if (!parsed.ok) return same(parsed.response);
    const decoded = kind.writes.decode(obj(parsed.manifest));
    if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
    const applied = applyWorkload(kind.writes, cluster, { ...decoded.value, input: { ...decoded.value.input, namespace } }, lastApplied, side);
    if (!applied.ok) return same(appsError(applied.error, kind.writes.plural, name));
    const live = kind.writes.find(applied.cluster, name, namespace);
    return { cluster: applied.cluster, response: json(200, live ? kind.view(applied.cluster, live) : {}) };
  });
}

/** PUT (`kubectl replace -f`): the object's spec, labels and annotations become the body's. */
export function replaceWorkloadRequest(kindName: Kind, cluster: Cluster, body: unknown, name: string, namespace: string): Written {
  return inAppsKind(kindName, (kind) => {
    const same = (response: ApiResponse): Written => ({ cluster, response });
    const decoded = kind.writes.decode(obj(body));
    if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
    if (decoded.value.name !== name) {
      return same(json(400, plainStatus(400, 'BadRequest', `the name of the object (${decoded.value.name}) does not match the name on the URL (${name})`)));
    }
    const replaced = replaceWorkload(kind.writes, cluster, { ...decoded.value.input, namespace });
    if (!replaced.ok) return same(appsError(replaced.error, kind.writes.plural, name));
    return { cluster: replaced.cluster, response: json(200, kind.view(replaced.cluster, replaced.value)) };
  });
}
