// An object as kubectl holds it before sending (what a client dry run of a new object prints).

import type { JsonValue } from './go-yaml.js';

/**
 * The manifest, in its namespace (none for a cluster-wide kind), with the last-applied annotation
 * when it is applied.
 */
export function clientObject(manifest: Readonly<Record<string, unknown>>, namespace: string | undefined, lastApplied?: string): JsonValue {
  const copy = JSON.parse(JSON.stringify(manifest)) as Record<string, JsonValue>;
  const meta = (typeof copy.metadata === 'object' && copy.metadata !== null && !Array.isArray(copy.metadata) ? copy.metadata : {}) as Record<string, JsonValue>;
  if (meta.namespace === undefined && namespace !== undefined) meta.namespace = namespace;
  if (lastApplied !== undefined) {
    const annotations = (
      typeof meta.annotations === 'object' && meta.annotations !== null && !Array.isArray(meta.annotations) ? meta.annotations : {}
    ) as Record<string, JsonValue>;
    annotations['kubectl.kubernetes.io/last-applied-configuration'] = lastApplied;
    meta.annotations = annotations;
  }
  copy.metadata = meta;
  return copy;
}
