// A Deployment named in -f files: apply and create it as kubectl does (`deployment.apps/NAME
// created|configured|unchanged|serverside-applied`), and the API's errors with the file's name.

import { applyDeployment, createDeployment, findDeployment, type Cluster, type DeploymentManifest } from '../cluster/index.js';
import type { Output } from './command.js';
import { actionSuffix, type DryRun } from './dry-run.js';
import { apiErrorText } from './errors.js';
import type { JsonValue } from './go-yaml.js';
import type { OutputFormat } from './output-format.js';
import { printResult } from './print-object.js';
import { deploymentView } from './workload-views.js';

export interface FileCommandOptions {
  readonly dry: DryRun;
  readonly format: OutputFormat;
  readonly serverSide?: boolean;
}

const refOf = (d: DeploymentManifest): string => `deployment.apps/${d.name}`;

/** The object as the client holds it before sending: the manifest in its namespace, maybe annotated. */
function localObject(d: DeploymentManifest, namespace: string, lastApplied?: string): JsonValue {
  return clientObject(d.manifest, namespace, lastApplied);
}

/**
 * An object as kubectl holds it before sending (what a client dry run of a new object prints):
 * the manifest, in its namespace (none for a cluster-wide kind), with the last-applied annotation
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

/** A Deployment manifest bound for a namespace (its own, or the command's). */
const inNamespace = (d: DeploymentManifest, namespace: string): DeploymentManifest => ({ ...d, input: { ...d.input, namespace } });

export function applyDeploymentFile(
  cluster: Cluster,
  out: Output,
  d: DeploymentManifest,
  namespace: string,
  file: string,
  lastApplied: string,
  opts: FileCommandOptions,
  missingWarning: (resource: string, name: string) => string,
): Cluster {
  const existed = findDeployment(cluster, d.name, namespace) !== undefined;
  const applied = applyDeployment(cluster, inNamespace(d, namespace), lastApplied, opts.serverSide ? 'server' : 'client');
  if (!applied.ok) {
    out.err(apiErrorText(applied.error, { verb: existed ? 'patching' : 'creating', file }));
    return cluster;
  }
  const outcome = applied.value;
  if (outcome.missingAnnotation) out.err(missingWarning('deployments', d.name), false); // Info.ObjectName: the resource without its group
  const next = opts.dry === 'none' ? applied.cluster : cluster;
  const action = opts.serverSide ? 'serverside-applied' : outcome.action;
  // A client dry run of a new object prints what the client would send (apply.go, dry-run client).
  const view = (): JsonValue =>
    opts.dry === 'client' && outcome.action === 'created'
      ? localObject(d, namespace, opts.serverSide ? undefined : lastApplied)
      : deploymentView(applied.cluster, outcome.object);
  const r = printResult(next, opts.format, refOf(d), `${action}${actionSuffix(opts.dry)}`, view, true);
  out.write(r.stdout);
  if (r.exitCode !== 0) out.err(r.stderr);
  return next;
}

export function createDeploymentFile(cluster: Cluster, out: Output, d: DeploymentManifest, namespace: string, file: string, opts: FileCommandOptions): Cluster {
  if (opts.dry === 'client') {
    out.write(printResult(cluster, opts.format, refOf(d), `created${actionSuffix('client')}`, () => localObject(d, namespace), true).stdout);
    return cluster;
  }
  const created = createDeployment(cluster, { ...d.input, namespace });
  if (!created.ok) {
    out.err(apiErrorText(created.error, { verb: 'creating', file }));
    return cluster;
  }
  const next = opts.dry === 'none' ? created.cluster : cluster;
  out.write(printResult(next, opts.format, refOf(d), `created${actionSuffix(opts.dry)}`, () => deploymentView(created.cluster, created.value), true).stdout);
  return next;
}
