// A Deployment written from a manifest (kubectl create/apply -f, `kubectl create deployment`, the
// lab's API): what the workload writes (workload-writes.ts) need of the kind. A new one starts at
// generation 1; a new spec, labels and annotations go through updateDeployment in one update (a new
// generation only when the spec or the annotations change, and the rollout the deployment
// controller makes of it).

import type { Result } from './api-error.js';
import { decodeDeployment } from './deployment-manifest.js';
import { deploymentsOf, findDeployment, updateDeployment, validateDeployment, type DeploymentInput } from './deployments.js';
import type { Cluster, Deployment } from './types.js';
import { createWorkload, type WorkloadWrites } from './workload-writes.js';

export const DEPLOYMENT_WRITES: WorkloadWrites<Deployment, DeploymentInput> = {
  kind: 'Deployment',
  plural: 'deployments',
  decode: decodeDeployment,
  find: findDeployment,
  validate: validateDeployment,
  specOf: (input) => ({ replicas: input.replicas, selector: input.selector, template: input.template }),
  build: (metadata, input) => ({ kind: 'Deployment', metadata, generation: 1, spec: DEPLOYMENT_WRITES.specOf(input) }),
  add: (cluster, d) => ({ ...cluster, deployments: [...deploymentsOf(cluster), d] }),
  // One update of spec, labels and annotations: the generation moves once (generation.ts).
  update: (cluster, live, input, labels, annotations) =>
    updateDeployment(cluster, live.metadata.name, () => DEPLOYMENT_WRITES.specOf(input), live.metadata.namespace, { labels, annotations }),
};

export const createDeployment = (cluster: Cluster, input: DeploymentInput): Result<Deployment> => createWorkload(DEPLOYMENT_WRITES, cluster, input);
