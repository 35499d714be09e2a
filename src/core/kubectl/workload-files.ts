// A Deployment or a ReplicaSet named in -f files: applied, created and replaced as kubectl does
// (`deployment.apps/NAME created|configured|unchanged|serverside-applied|replaced`), the API's
// errors with the file's name, a client dry run printing the object as the client would send it.

import { applyWorkload, createWorkload, replaceWorkload, type Cluster, type WorkloadInput, type WorkloadManifest } from '../cluster/index.js';
import { withAppsKind, type AppsManifest } from './apps-kinds.js';
import { clientObject } from './client-object.js';
import type { Output } from './command.js';
import { actionSuffix, clusterFor, type DryRun } from './dry-run.js';
import { apiErrorText } from './errors.js';
import type { JsonValue } from './go-yaml.js';
import type { OutputFormat } from './output-format.js';
import { printResult } from './print-object.js';

export interface FileCommandOptions {
  readonly dry: DryRun;
  readonly format: OutputFormat;
  readonly serverSide?: boolean;
  /**
   * kubectl replace --force, after the delete: the object is created, printed as `replaced`, and an
   * error is the API's own, without the file's name (replace.go forceReplace).
   */
  readonly forced?: boolean;
}

/** `deployment.apps/web`: the object as kubectl's lines name it. */
const refOf = (m: AppsManifest): string => `${m.kind.toLowerCase()}.apps/${m.name}`;

/** A manifest bound for a namespace (its own, or the command's). */
const inNamespace = <I extends WorkloadInput>(m: WorkloadManifest<I>, namespace: string): WorkloadManifest<I> => ({ ...m, input: { ...m.input, namespace } });

export function applyWorkloadFile(
  cluster: Cluster,
  out: Output,
  manifest: AppsManifest,
  namespace: string,
  file: string,
  lastApplied: string,
  opts: FileCommandOptions,
  missingWarning: (resource: string, name: string) => string,
): Cluster {
  return withAppsKind(manifest, (kind, m) => {
    const existed = kind.writes.find(cluster, m.name, namespace) !== undefined;
    const applied = applyWorkload(kind.writes, cluster, inNamespace(m, namespace), lastApplied, opts.serverSide ? 'server' : 'client');
    if (!applied.ok) {
      out.err(apiErrorText(applied.error, { verb: existed ? 'patching' : 'creating', file }));
      return cluster;
    }
    const outcome = applied.value;
    if (outcome.missingAnnotation) out.err(missingWarning(kind.writes.plural, m.name), false); // Info.ObjectName: the resource without its group
    const next = opts.dry === 'none' ? applied.cluster : cluster;
    const action = opts.serverSide ? 'serverside-applied' : outcome.action;
    // A client dry run of a new object prints what the client would send (apply.go, dry-run client).
    const view = (): JsonValue =>
      opts.dry === 'client' && outcome.action === 'created'
        ? clientObject(m.manifest, namespace, opts.serverSide ? undefined : lastApplied)
        : kind.view(applied.cluster, outcome.object);
    const r = printResult(next, opts.format, refOf(manifest), `${action}${actionSuffix(opts.dry)}`, view, true);
    out.write(r.stdout);
    if (r.exitCode !== 0) out.err(r.stderr);
    return next;
  });
}

/**
 * `kubectl create -f` and `kubectl replace -f`: the object made, or put in place of the live one
 * whole. A client dry run prints the object as read, without asking the server (create.go, replace.go).
 */
export function writeWorkloadFile(
  verb: 'create' | 'replace',
  cluster: Cluster,
  out: Output,
  manifest: AppsManifest,
  namespace: string,
  file: string,
  opts: FileCommandOptions,
): Cluster {
  const action = verb === 'create' && !opts.forced ? 'created' : 'replaced';
  if (opts.dry === 'client') {
    out.write(
      printResult(cluster, opts.format, refOf(manifest), `${action}${actionSuffix('client')}`, () => clientObject(manifest.manifest, namespace), true).stdout,
    );
    return cluster;
  }
  return withAppsKind(manifest, (kind, m) => {
    const input = { ...m.input, namespace };
    const on = clusterFor(cluster, opts.dry);
    const written = verb === 'create' ? createWorkload(kind.writes, on, input) : replaceWorkload(kind.writes, on, input);
    if (!written.ok) {
      out.err(opts.forced ? apiErrorText(written.error) : apiErrorText(written.error, { verb: verb === 'create' ? 'creating' : 'replacing', file }));
      return cluster;
    }
    const next = opts.dry === 'none' ? written.cluster : cluster;
    out.write(
      printResult(next, opts.format, refOf(manifest), `${action}${actionSuffix(opts.dry)}`, () => kind.view(written.cluster, written.value), true).stdout,
    );
    return next;
  });
}
