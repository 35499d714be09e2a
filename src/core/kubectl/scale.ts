// kubectl scale deployment/NAME --replicas=N (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go)

import { findDeployment, findReplicaSet, scaleDeployment, type ApiError, type Cluster, type ReplicaSet } from '../cluster/index.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { apiErrorText, clientError, statusMessage } from './errors.js';
import { flagValue } from './flags.js';
import { qualifiedSingular } from './resources.js';
import { NO_RESOURCES_MESSAGE } from './expose.js';
import { oneTarget } from './workload-target.js';

export const SCALE_HELP = `Set a new size for a deployment or replica set.

Examples:
  # Scale a deployment named 'web' to 3 replicas
  kubectl scale --replicas=3 deployment/web

Options:
    --current-replicas=-1:
	Precondition for current size. Requires that the current size of the resource match this value in order to scale.

    --replicas=0:
	The new desired number of replicas. Required.

Usage:
  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]
`;

function scaleReplicaSetDirect(cluster: Cluster, rs: ReplicaSet, replicas: number): Cluster {
  return { ...cluster, replicaSets: (cluster.replicaSets ?? []).map((r) => (r === rs ? { ...rs, spec: { ...rs.spec, replicas } } : r)) };
}

/** kubectl 1.32's scale wraps the lookup's error when it found nothing: `no objects passed to scale <error>` (a real kubectl against the lab prints it). */
const noObjects = (error: ApiError): string => clientError(`no objects passed to scale ${statusMessage(error)}`);

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const replicasText = flagValue(parsed, 'replicas');
  if (replicasText === undefined) return fail(cluster, clientError('required flag(s) "replicas" not set'));
  const replicas = Number(replicasText);
  if (replicas < 0) return fail(cluster, clientError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'));
  if (parsed.positional.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  const target = oneTarget(parsed.positional);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const { type, name } = target;
  if (name === '') return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
  const out = new Output();
  const current = flagValue(parsed, 'current-replicas');
  if (type.kind === 'Deployment') {
    const live = findDeployment(cluster, name, ctx.namespace);
    if (!live) return fail(cluster, noObjects(missingObject(cluster, type, name, ctx.namespace)));
    if (current !== undefined && Number(current) !== -1 && Number(current) !== live.spec.replicas) {
      return fail(cluster, clientError(`Expected replicas to be ${current}, was ${live.spec.replicas}`));
    }
    const scaled = scaleDeployment(cluster, name, replicas, ctx.namespace);
    if (!scaled.ok) return fail(cluster, apiErrorText(scaled.error));
    out.out(`${qualifiedSingular(type)}/${name} scaled`);
    return out.result(scaled.cluster);
  }
  if (type.kind === 'ReplicaSet') {
    const rs = findReplicaSet(cluster, name, ctx.namespace);
    if (!rs) return fail(cluster, noObjects(missingObject(cluster, type, name, ctx.namespace)));
    out.out(`${qualifiedSingular(type)}/${name} scaled`);
    return out.result(scaleReplicaSetDirect(cluster, rs, replicas));
  }
  return fail(
    cluster,
    clientError(
      `${qualifiedSingular(type)}s cannot be scaled; kubectl scale works on deployments and replicasets (kubectl scale deployment/NAME --replicas=N)`,
    ),
  );
}

export const scaleCommand: CommandDef = {
  name: 'scale',
  flags: [
    { name: 'replicas', kind: 'int' },
    { name: 'current-replicas', kind: 'int' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: SCALE_HELP,
  run,
};
