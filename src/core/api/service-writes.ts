// PUT of a Service (what `kubectl replace -f` sends): the whole object replaced by the body. As the
// registry does (pkg/registry/core/service/storage/storage.go, patchAllocatedValues), a body
// without a clusterIP or a nodePort keeps the ones the Service has.

import { decodeObject, findService, replaceService, type Cluster } from '../cluster/index.js';
import { notFound } from '../cluster/api-error.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { getObject, objectView } from './objects.js';
import { json, type ApiResponse } from './request.js';
import { plainStatus, statusCode, statusOf } from './status.js';

export function replaceServiceRequest(
  cluster: Cluster,
  body: unknown,
  name: string,
  namespace: string,
  dryRun: boolean,
): { cluster: Cluster; response: ApiResponse } {
  const same = (response: ApiResponse) => ({ cluster, response });
  const decoded = decodeObject(body);
  if (!decoded.ok) return same(json(statusCode(decoded.error), statusOf(decoded.error)));
  if (decoded.object.kind !== 'Service')
    return same(json(400, plainStatus(400, 'BadRequest', 'the API version in the data (v1) does not match the expected API version (v1)')));
  if (decoded.object.name !== name) {
    return same(json(400, plainStatus(400, 'BadRequest', `the name of the object (${decoded.object.name}) does not match the name on the URL (${name})`)));
  }
  const live = findService(cluster, name, namespace);
  if (!live) return same(json(404, statusOf(notFound('services', name), { name, kind: 'services' })));
  const updated = replaceService(dryRun ? { ...cluster, dryRun } : cluster, decoded.object.input, namespace, live);
  if (!updated.ok) return same(json(statusCode(updated.error), statusOf(updated.error, { name, kind: 'services' })));
  const item = getObject(updated.cluster, 'Service', name, namespace);
  const view = (item ? objectView(updated.cluster, item) : {}) as JsonValue;
  return { cluster: dryRun ? cluster : updated.cluster, response: json(200, view) };
}
