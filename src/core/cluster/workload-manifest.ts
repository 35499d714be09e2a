// What every apps/v1 workload manifest shares (kubectl apply/create/delete/replace -f, the lab's
// API): the strict decoder's refusal, its metadata, replicas (one when absent, as the API server's
// defaults.go sets it) and pod template. Each kind adds its own (deployment-manifest.ts,
// replicaset-manifest.ts).

import { badRequest, type ApiError } from './api-error.js';
import { labels, obj, problemsMessage, toPodInput } from './decode.js';
import { checkAgainstSchema, type DecodeProblem, type FieldSchema } from './manifest-schema.js';
import { toContainer } from './pods.js';
import type { Labels } from './types.js';
import type { WorkloadInput } from './workload-writes.js';

/** A manifest's string map (labels, annotations, matchLabels), empty when it has none. */
export const labelsOf = (v: unknown): Labels => labels(v) ?? {};

/**
 * The API server's refusal of an apps/v1 manifest its strict decoder cannot take: the first type
 * error, or every unknown field.
 */
export function undecodable(manifest: Readonly<Record<string, unknown>>, schema: FieldSchema, kind: 'Deployment' | 'ReplicaSet'): ApiError | undefined {
  const problems: DecodeProblem[] = [];
  checkAgainstSchema(manifest, schema, '', '', kind, '', problems);
  return problems.length === 0 ? undefined : badRequest(problemsMessage(kind, problems));
}

type Obj = Record<string, unknown>;

export type Decoded<M> = { readonly ok: true; readonly value: M } | { readonly ok: false; readonly error: ApiError };

/**
 * A workload manifest decoded: `own` reads what the kind adds to the shared input from the
 * manifest's spec and its template's metadata.
 */
export function decodeWorkload<K extends 'Deployment' | 'ReplicaSet', I extends WorkloadInput>(
  manifest: Readonly<Record<string, unknown>>,
  schema: FieldSchema,
  kind: K,
  own: (shared: WorkloadInput, spec: Obj, templateMeta: Obj) => I,
): Decoded<{ readonly kind: K; readonly name: string; readonly input: I; readonly manifest: Readonly<Record<string, unknown>> }> {
  const refused = undecodable(manifest, schema, kind);
  if (refused) return { ok: false, error: refused };
  const meta = obj(manifest.metadata);
  const spec = obj(manifest.spec);
  const template = obj(spec.template);
  const pod = toPodInput({ metadata: template.metadata, spec: template.spec });
  const name = typeof meta.name === 'string' ? meta.name : '';
  const shared: WorkloadInput = {
    name,
    labels: labelsOf(meta.labels),
    annotations: labelsOf(meta.annotations),
    replicas: typeof spec.replicas === 'number' ? spec.replicas : 1,
    template: { labels: labelsOf(obj(template.metadata).labels), containers: pod.containers.map(toContainer) },
  };
  return { ok: true, value: { kind, name, input: own(shared, spec, obj(template.metadata)), manifest } };
}
