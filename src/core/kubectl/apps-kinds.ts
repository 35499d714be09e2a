// The apps/v1 workloads a manifest may hold, Deployments and ReplicaSets: each kind's writes
// (cluster/workload-writes.ts) beside the object as the API server serialises it, so that kubectl's
// -f commands and the lab's API run one routine per verb for both.

import {
  DEPLOYMENT_WRITES,
  REPLICASET_WRITES,
  type Cluster,
  type Deployment,
  type DeploymentInput,
  type DeploymentManifest,
  type ReplicaSet,
  type ReplicaSetInput,
  type ReplicaSetManifest,
  type WorkloadInput,
  type WorkloadManifest,
  type WorkloadWrites,
} from '../cluster/index.js';
import type { JsonValue } from './go-yaml.js';
import { deploymentView, replicaSetView } from './workload-views.js';

export interface AppsKind<T extends Deployment | ReplicaSet, I extends WorkloadInput> {
  readonly writes: WorkloadWrites<T, I>;
  view(cluster: Cluster, object: T): JsonValue;
}

export type AppsManifest = DeploymentManifest | ReplicaSetManifest;

const DEPLOYMENTS: AppsKind<Deployment, DeploymentInput> = { writes: DEPLOYMENT_WRITES, view: deploymentView };
const REPLICASETS: AppsKind<ReplicaSet, ReplicaSetInput> = { writes: REPLICASET_WRITES, view: replicaSetView };

/** Runs `run` with the kind named. */
export const inAppsKind = <R>(
  kind: 'Deployment' | 'ReplicaSet',
  run: <T extends Deployment | ReplicaSet, I extends WorkloadInput>(kind: AppsKind<T, I>) => R,
): R => (kind === 'Deployment' ? run(DEPLOYMENTS) : run(REPLICASETS));

/** Runs `run` with a manifest's kind and the manifest, typed together. */
export const withAppsKind = <R>(
  m: AppsManifest,
  run: <T extends Deployment | ReplicaSet, I extends WorkloadInput>(kind: AppsKind<T, I>, m: WorkloadManifest<I>) => R,
): R => (m.kind === 'Deployment' ? run(DEPLOYMENTS, m) : run(REPLICASETS, m));
