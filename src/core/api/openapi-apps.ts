// The apps/v1 OpenAPI v3 document kubectl reads before `apply -f` of a Deployment: for each object
// path the `fieldValidation` parameter (kubectl's QueryParamVerifierV3 then leaves validation to the
// server, which decodes strictly as the sandbox does), and stand-in schemas for the kinds served.

import { createHash } from 'node:crypto';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { GROUP_RESOURCES } from './groups.js';
import { operation } from './openapi-operation.js';
import { openapiSchemas } from '../kubectl/openapi-schemas.js';

type Json = { [key: string]: JsonValue };

function appsV1Document(): Json {
  const paths: Json = {};
  const schemas: Json = {};
  for (const r of GROUP_RESOURCES.filter((g) => g.group === 'apps' && g.version === 'v1')) {
    const base = `/apis/apps/v1/namespaces/{namespace}/${r.plural}`;
    paths[base] = { post: operation(r.kind, 'post', 'apps') };
    paths[`${base}/{name}`] = { put: operation(r.kind, 'put', 'apps'), patch: operation(r.kind, 'patch', 'apps') };
    schemas[`io.k8s.api.apps.v1.${r.kind}`] = {
      description: `${r.kind} as the lab's cluster serves it.`,
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      'x-kubernetes-group-version-kind': [{ group: 'apps', kind: r.kind, version: 'v1' }],
    };
  }
  // The schemas the sandbox's explain reads (each group's document stands alone, so the core types
  // a Deployment refers to come along): the learner's own `kubectl explain deployment.spec` against
  // the lab prints what the sandbox prints.
  for (const [name, schema] of Object.entries(openapiSchemas())) schemas[name] = schema as unknown as Json;
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.2' }, paths, components: { schemas } };
}

let cached: { text: string; hash: string } | undefined;

/** The document's text and the hash its index entry carries (kubectl caches by it). */
export function appsV1Text(): { text: string; hash: string } {
  if (!cached) {
    const text = JSON.stringify(appsV1Document());
    cached = { text, hash: createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase() };
  }
  return cached;
}
