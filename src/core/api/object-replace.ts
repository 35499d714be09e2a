// PUT of a Pod, a Service or a Namespace (what `kubectl replace -f` sends): the object put in place
// of the live one as the sandbox's kubectl replace does (cluster/objects.ts replaceObject). As the
// registry does (pkg/registry/core/service/storage/storage.go, patchAllocatedValues), a Service's
// body without a clusterIP or a nodePort keeps the ones the Service has; a pod's spec changes only
// as ValidatePodUpdate allows.

import { decodeObject, replaceObject, type Cluster } from '../cluster/index.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { getObject, objectView } from './objects.js';
import { json, type ApiResponse } from './request.js';
import { plainStatus, statusCode, statusOf } from './status.js';

export type ReplacedKind = 'Pod' | 'Service' | 'Namespace';

export function replaceObjectRequest(
  kind: ReplacedKind,
  plural: string,
  cluster: Cluster,
  body: unknown,
  name: string,
  namespace: string | undefined,
  dryRun: boolean,
): { cluster: Cluster; response: ApiResponse } {
  const same = (response: ApiResponse) => ({ cluster, response });
  const decoded = decodeObject(body);
  if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
  if (decoded.object.kind !== kind)
    return same(json(400, plainStatus(400, 'BadRequest', 'the API version in the data (v1) does not match the expected API version (v1)')));
  if (decoded.object.name !== name) {
    return same(json(400, plainStatus(400, 'BadRequest', `the name of the object (${decoded.object.name}) does not match the name on the URL (${name})`)));
  }
  const updated = replaceObject(dryRun ? { ...cluster, dryRun } : cluster, decoded.object, namespace);
  if (!updated.ok) return same(json(statusCode(updated.error), statusOf(updated.error, { name, kind: plural })));
  const item = getObject(updated.cluster, kind, name, namespace ?? 'default');
  const view = (item ? objectView(updated.cluster, item) : {}) as JsonValue;
  return { cluster: dryRun ? cluster : updated.cluster, response: json(200, view) };
}
