// The OpenAPI documents kubectl reads before `apply` and `explain` (kube-openapi's v3 handler):
// an index of group-versions, and for core/v1 a document with the schemas of the kinds the lab
// serves and, for each object path, the `fieldValidation` parameter that tells kubectl the server
// validates fields itself (kubectl's QueryParamVerifierV3), so apply needs no --validate=false.

import { createHash } from 'node:crypto';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { openapiSchemas } from '../kubectl/openapi-schemas.js';
import { SERVED } from './served.js';
import { appsV1Text } from './openapi-apps.js';
import { operation } from './openapi-operation.js';

type Json = { [key: string]: JsonValue };

const KINDS_WITH_SCHEMA = ['Pod', 'Service', 'Endpoints', 'Node', 'Namespace', 'Event'];

function schemaOf(kind: string): Json {
  return {
    description: `${kind} as the lab's cluster serves it.`,
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      ...(kind === 'Node' || kind === 'Namespace' || kind === 'Pod' || kind === 'Service'
        ? { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }
        : {}),
    },
    'x-kubernetes-preserve-unknown-fields': true,
    'x-kubernetes-group-version-kind': [{ group: '', kind, version: 'v1' }],
  };
}

export function coreV1Document(): Json {
  const paths: Json = {};
  for (const r of SERVED) {
    const base = r.namespaced ? `/api/v1/namespaces/{namespace}/${r.plural}` : `/api/v1/${r.plural}`;
    paths[base] = { post: operation(r.kind, 'post') };
    paths[`${base}/{name}`] = { put: operation(r.kind, 'put'), patch: operation(r.kind, 'patch') };
  }
  const schemas: Json = {};
  for (const kind of KINDS_WITH_SCHEMA) schemas[`io.k8s.api.core.v1.${kind}`] = schemaOf(kind);
  // The schemas the sandbox's explain reads replace those stand-ins, so the learner's own
  // `kubectl explain` against the lab prints what the sandbox prints (apps/v1's are in its own document).
  for (const [name, schema] of Object.entries(openapiSchemas())) if (!name.startsWith('io.k8s.api.apps.')) schemas[name] = schema as unknown as Json;
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.2' }, paths, components: { schemas } };
}

let cached: { text: string; hash: string } | undefined;

export function coreV1Text(): { text: string; hash: string } {
  if (!cached) {
    const text = JSON.stringify(coreV1Document());
    cached = { text, hash: createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase() };
  }
  return cached;
}

export function openApiIndex(): Json {
  return {
    paths: {
      'api/v1': { serverRelativeURL: `/openapi/v3/api/v1?hash=${coreV1Text().hash}` },
      'apis/apps/v1': { serverRelativeURL: `/openapi/v3/apis/apps/v1?hash=${appsV1Text().hash}` },
    },
  };
}
