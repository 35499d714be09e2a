// PATCH as `kubectl patch` sends it: a strategic merge patch, a JSON merge patch or a JSON patch
// (by Content-Type), applied to the live object by the same function the sandbox's kubectl patch
// uses (kubectl/patch.ts), so both refuse and change alike. kube-apiserver's patch handler
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go) names the content types.

import type { Cluster } from '../cluster/index.js';
import { patchLive, type PatchedKind, type PatchType } from '../kubectl/patch.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { getObject, objectView } from './objects.js';
import { json, type ApiRequest, type ApiResponse } from './request.js';
import { plainStatus, statusCode, statusOf } from './status.js';

const PATCH_TYPES: Readonly<Record<string, PatchType>> = {
  'application/strategic-merge-patch+json': 'strategic',
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
};

/** The patch type a Content-Type names, or undefined for one the lab does not take (server-side apply's YAML). */
export function patchTypeOf(contentType: string): PatchType | undefined {
  return PATCH_TYPES[contentType.split(';')[0]?.trim().toLowerCase() ?? ''];
}

/** One PATCH of a pod, service or deployment by name; the answer is the object after it. */
export function patchRequest(
  cluster: Cluster,
  request: ApiRequest,
  kind: PatchedKind,
  plural: string,
  name: string,
  namespace = 'default',
): { cluster: Cluster; response: ApiResponse } {
  const type = patchTypeOf(request.contentType);
  if (type === undefined) {
    const supported = Object.keys(PATCH_TYPES)
      .map((t) => `"${t}"`)
      .join(', ');
    return {
      cluster,
      response: json(
        415,
        plainStatus(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${supported}`),
      ),
    };
  }
  let patch: JsonValue;
  try {
    patch = JSON.parse(request.body) as JsonValue;
  } catch (e) {
    return { cluster, response: json(400, plainStatus(400, 'BadRequest', `error decoding patch: ${(e as Error).message}`)) };
  }
  const outcome = patchLive(cluster, kind, name, type, patch, namespace);
  if (!outcome.ok) {
    if ('unapplied' in outcome)
      return {
        cluster,
        response: json(422, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: outcome.unapplied, reason: 'Invalid', code: 422 }),
      };
    return { cluster, response: json(statusCode(outcome.error), statusOf(outcome.error, { name, kind: plural })) };
  }
  const item = getObject(outcome.cluster, kind, name, namespace);
  return { cluster: outcome.cluster, response: json(200, item ? objectView(outcome.cluster, item) : {}) };
}
