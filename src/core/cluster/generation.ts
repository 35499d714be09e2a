// metadata.generation, as the API server's registry strategies keep it. Each kind's strategy sets
// it to 1 on create and decides on update whether it moves; the controllers then report the
// generation they acted on as status.observedGeneration. Pods and Services carry none in 1.32: their
// strategies never set it (pkg/registry/core/service/strategy.go; a pod's came with 1.33).

import { sameJson, sameLabels } from './same-value.js';
import type { Deployment, Labels, ReplicaSet } from './types.js';

/** A ReplicaSet's after an update: one more when the spec changed (pkg/registry/apps/replicaset/strategy.go PrepareForUpdate). */
export function replicaSetGeneration(live: ReplicaSet, spec: ReplicaSet['spec']): number {
  return sameJson(live.spec, spec) ? live.generation : live.generation + 1;
}

/**
 * A Deployment's after an update: one more when its spec or its annotations changed, annotations
 * because the controller copies them to its ReplicaSets (pkg/registry/apps/deployment/strategy.go
 * PrepareForUpdate). The controller's own revision annotation goes through the status
 * subresource, whose strategy leaves the generation alone.
 */
export function deploymentGeneration(live: Deployment, spec: Deployment['spec'], annotations: Labels): number {
  return sameJson(live.spec, spec) && sameLabels(live.metadata.annotations, annotations) ? live.generation : live.generation + 1;
}
