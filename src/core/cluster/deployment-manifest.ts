// An apps/v1 Deployment manifest (kubectl apply/create/delete -f, the lab's API): strict decoding
// against the Deployment's fields (workload-manifest.ts), then the deployment controller's input.

import { obj } from './decode.js';
import type { DeploymentInput } from './deployments.js';
import { OBJECT_META, POD_TEMPLATE_SCHEMA, type FieldSchema } from './manifest-schema.js';
import { decodeWorkload, labelsOf, type Decoded } from './workload-manifest.js';
import type { WorkloadManifest } from './workload-writes.js';

export interface DeploymentManifest extends WorkloadManifest<DeploymentInput> {
  readonly kind: 'Deployment';
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

export function decodeDeployment(manifest: Readonly<Record<string, unknown>>): Decoded<DeploymentManifest> {
  return decodeWorkload(manifest, DEPLOYMENT_SCHEMA, 'Deployment', (shared, spec) => ({ ...shared, selector: labelsOf(obj(spec.selector).matchLabels) }));
}
