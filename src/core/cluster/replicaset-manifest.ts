// An apps/v1 ReplicaSet manifest (kubectl apply/create/delete/replace -f, the lab's API): strict
// decoding against the ReplicaSet's fields, the API server's one default (pkg/apis/apps/v1
// defaults.go SetDefaults_ReplicaSet: one replica when spec.replicas is absent), and its checks
// (pkg/apis/apps/validation/validation.go ValidateReplicaSet, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet), in the order the API server lists them.

import { isObj } from './decode.js';
import { podTemplateErrors } from './deployments.js';
import { invalid, required, type FieldError } from './field-error.js';
import { OBJECT_META, POD_TEMPLATE_SCHEMA, type FieldSchema } from './manifest-schema.js';
import { validateMetadata } from './metadata-validation.js';
import { isDNS1123Subdomain } from './names.js';
import type { Labels } from './types.js';
import { decodeWorkload, labelsOf, type Decoded } from './workload-manifest.js';
import type { WorkloadInput, WorkloadManifest } from './workload-writes.js';

/** What a ReplicaSet manifest asks for; `selector` absent when the manifest has none. */
export interface ReplicaSetInput extends WorkloadInput {
  readonly selector?: Labels;
  /** The template had no metadata.labels at all (Go's nil map, printed `map[string]string(nil)`). */
  readonly templateLabelsAbsent?: boolean;
}

export interface ReplicaSetManifest extends WorkloadManifest<ReplicaSetInput> {
  readonly kind: 'ReplicaSet';
}

const REPLICASET_SCHEMA: FieldSchema = {
  struct: 'ReplicaSet',
  fields: {
    apiVersion: 'string',
    kind: 'string',
    metadata: OBJECT_META,
    spec: {
      struct: 'ReplicaSetSpec',
      fields: {
        replicas: 'int32',
        minReadySeconds: 'int32',
        selector: { struct: 'LabelSelector', fields: { matchLabels: 'stringMap', matchExpressions: 'any' } },
        template: POD_TEMPLATE_SCHEMA,
      },
    },
    status: 'any',
  },
};

export const isReplicaSetManifest = (apiVersion: string, kind: string): boolean => apiVersion === 'apps/v1' && kind === 'ReplicaSet';

export function decodeReplicaSet(manifest: Readonly<Record<string, unknown>>): Decoded<ReplicaSetManifest> {
  return decodeWorkload(manifest, REPLICASET_SCHEMA, 'ReplicaSet', (shared, spec, templateMeta) => ({
    ...shared,
    ...(isObj(spec.selector) ? { selector: labelsOf(spec.selector.matchLabels) } : {}),
    ...(isObj(templateMeta.labels) ? {} : { templateLabelsAbsent: true }),
  }));
}

/** Go's %#v of a map[string]string, keys sorted as fmt sorts them. */
function goStringMap(labels: Labels, absent: boolean): string {
  if (absent) return 'map[string]string(nil)';
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`);
  return `map[string]string{${pairs.join(', ')}}`;
}

/**
 * The API server's checks of a new ReplicaSet. A missing selector is both required and, as
 * labels.Nothing() matches no labels, a mismatch with the template's labels; an empty one is
 * refused with the words the API server uses for deployments too, and matches everything.
 */
export function validateReplicaSet(input: ReplicaSetInput): FieldError[] {
  const errors: FieldError[] = validateMetadata(input.name, input.labels, input.annotations, isDNS1123Subdomain);
  if (!Number.isInteger(input.replicas) || input.replicas < 0) errors.push(invalid('spec.replicas', input.replicas, 'must be greater than or equal to 0'));
  const selector = input.selector;
  if (selector === undefined) errors.push(required('spec.selector'));
  else if (Object.keys(selector).length === 0)
    errors.push({
      type: 'Invalid value',
      field: 'spec.selector',
      value: { kind: 'raw', text: 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}' },
      detail: 'empty selector is invalid for deployment',
    });
  const labels = input.template.labels;
  const matches = selector !== undefined && Object.entries(selector).every(([k, v]) => labels[k] === v);
  if (!matches)
    errors.push({
      type: 'Invalid value',
      field: 'spec.template.metadata.labels',
      value: { kind: 'raw', text: goStringMap(labels, input.templateLabelsAbsent === true) },
      detail: '`selector` does not match template `labels`',
    });
  for (const e of podTemplateErrors(input.name, input.template)) errors.push(e);
  return errors;
}
