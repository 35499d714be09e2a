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

function wrongNamespace(out: Output, d: DeploymentManifest, file: string): boolean {
  const meta = d.manifest.metadata;
  const ns = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).namespace : undefined;
  if (typeof ns !== 'string' || ns === 'default') return false;
  out.err(apiErrorText({ kind: 'NotFound', message: `namespaces "${ns}" not found`, causes: [] }, { verb: 'creating', file }));
  return true;
}

/** The object as the client holds it before sending: the manifest in the default namespace, maybe annotated. */
function localObject(d: DeploymentManifest, lastApplied?: string): JsonValue {
  const copy = JSON.parse(JSON.stringify(d.manifest)) as Record<string, JsonValue>;
  const meta = (typeof copy.metadata === 'object' && copy.metadata !== null && !Array.isArray(copy.metadata) ? copy.metadata : {}) as Record<string, JsonValue>;
  if (meta.namespace === undefined) meta.namespace = 'default';
  if (lastApplied !== undefined) {
    const annotations = (typeof meta.annotations === 'object' && meta.annotations !== null && !Array.isArray(meta.annotations) ? meta.annotations : {}) as Record<string, JsonValue>;
    annotations['kubectl.kubernetes.io/last-applied-configuration'] = lastApplied;
    meta.annotations = annotations;
  }
  copy.metadata = meta;
  return copy;
}

export function applyDeploymentFile(cluster: Cluster, out: Output, d: DeploymentManifest, file: string, lastApplied: string, opts: FileCommandOptions, missingWarning: (resource: string, name: string) => string): Cluster {
  if (wrongNamespace(out, d, file)) return cluster;
  const existed = findDeployment(cluster, d.name) !== undefined;
  const applied = applyDeployment(cluster, d, lastApplied);
  if (!applied.ok) {
    out.err(apiErrorText(applied.error, { verb: existed ? 'patching' : 'creating', file }));
    return cluster;
  }
  const outcome = applied.value;
  if (outcome.missingAnnotation) out.err(missingWarning('deployments.apps', d.name), false);
  const next = opts.dry === 'none' ? applied.cluster : cluster;
  const action = opts.serverSide ? 'serverside-applied' : outcome.action;
  // A client dry run of a new object prints what the client would send (apply.go, dry-run client).
  const view = (): JsonValue => (opts.dry === 'client' && outcome.action === 'created' ? localObject(d, lastApplied) : deploymentView(applied.cluster, outcome.object));
  const r = printResult(next, opts.format, refOf(d), `${action}${actionSuffix(opts.dry)}`, view, true);
  out.write(r.stdout);
  if (r.exitCode !== 0) out.err(r.stderr);
  return next;
}

export function createDeploymentFile(cluster: Cluster, out: Output, d: DeploymentManifest, file: string, opts: FileCommandOptions): Cluster {
  if (wrongNamespace(out, d, file)) return cluster;
  if (opts.dry === 'client') {
    out.write(printResult(cluster, opts.format, refOf(d), `created${actionSuffix('client')}`, () => localObject(d), true).stdout);
    return cluster;
  }
  const created = createDeployment(cluster, d.input);
  if (!created.ok) {
    out.err(apiErrorText(created.error, { verb: 'creating', file }));
    return cluster;
  }
  const next = opts.dry === 'none' ? created.cluster : cluster;
  out.write(printResult(next, opts.format, refOf(d), `created${actionSuffix(opts.dry)}`, () => deploymentView(created.cluster, created.value), true).stdout);
  return next;
}
