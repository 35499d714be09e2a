// An apps/v1 Deployment manifest (kubectl apply/create/delete -f): strict decoding against the
// Deployment's fields, then the deployment controller's input. Defaults as the API server's
// (pkg/apis/apps/v1/defaults.go): one replica when spec.replicas is absent.

import { badRequest, type ApiError } from './api-error.js';
import { isObj, obj, toPodInput } from './decode.js';
import type { DeploymentInput } from './deployments.js';
import { OBJECT_META, POD_TEMPLATE_SCHEMA, checkAgainstSchema, type DecodeProblem, type FieldSchema } from './manifest-schema.js';
import { toContainer } from './pods.js';
import type { Labels } from './types.js';

export interface DeploymentManifest {
  readonly kind: 'Deployment';
  readonly name: string;
  readonly input: DeploymentInput;
  readonly manifest: Readonly<Record<string, unknown>>;
}

const DEPLOYMENT_SCHEMA: FieldSchema = {
  struct: 'Deployment',
  fields: {
    apiVersion: 'string',
    kind: 'string',
    metadata: OBJECT_META,
    spec: {
      struct: 'DeploymentSpec',
      fields: {
        replicas: 'int32',
        selector: { struct: 'LabelSelector', fields: { matchLabels: 'stringMap', matchExpressions: 'any' } },
        template: POD_TEMPLATE_SCHEMA,
        strategy: 'any',
        minReadySeconds: 'int32',
        revisionHistoryLimit: 'int32',
        paused: 'bool',
        progressDeadlineSeconds: 'int32',
      },
    },
    status: 'any',
  },
};

export const isDeploymentManifest = (apiVersion: string, kind: string): boolean => apiVersion === 'apps/v1' && kind === 'Deployment';

/** A manifest's string map (labels, annotations, matchLabels): its string values, own properties only. */
export function labelsOf(v: unknown): Labels {
  const out: Record<string, string> = {};
  if (isObj(v))
    for (const [k, val] of Object.entries(v))
      if (typeof val === 'string') Object.defineProperty(out, k, { value: val, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * The API server's refusal of an apps/v1 manifest its strict decoder cannot take: the first type
 * error, or every unknown field.
 */
export function undecodable(manifest: Readonly<Record<string, unknown>>, schema: FieldSchema, kind: 'Deployment' | 'ReplicaSet'): ApiError | undefined {
  const problems: DecodeProblem[] = [];
  checkAgainstSchema(manifest, schema, '', '', kind, '', problems);
  if (problems.length === 0) return undefined;
  const prefix = `${kind} in version "v1" cannot be handled as a ${kind}: `;
  const typeProblem = problems.find((p) => p.kind === 'type');
  const unknown = problems.flatMap((p) => (p.kind === 'unknown-field' ? [`unknown field "${p.path}"`] : []));
  return badRequest(typeProblem && typeProblem.kind === 'type' ? prefix + typeProblem.message : `${prefix}strict decoding error: ${unknown.join(', ')}`);
}

export function decodeDeployment(manifest: Readonly<Record<string, unknown>>): { ok: true; deployment: DeploymentManifest } | { ok: false; error: ApiError } {
  const refused = undecodable(manifest, DEPLOYMENT_SCHEMA, 'Deployment');
  if (refused) return { ok: false, error: refused };
  const meta = obj(manifest.metadata);
  const spec = obj(manifest.spec);
  const template = obj(spec.template);
  const pod = toPodInput({ metadata: template.metadata, spec: template.spec });
  const name = typeof meta.name === 'string' ? meta.name : '';
  const input: DeploymentInput = {
    name,
    labels: labelsOf(meta.labels),
    annotations: labelsOf(meta.annotations),
    replicas: typeof spec.replicas === 'number' ? spec.replicas : 1,
    selector: labelsOf(obj(spec.selector).matchLabels),
    template: { labels: labelsOf(obj(template.metadata).labels), containers: pod.containers.map(toContainer) },
  };
  return { ok: true, deployment: { kind: 'Deployment', name, input, manifest } };
}
