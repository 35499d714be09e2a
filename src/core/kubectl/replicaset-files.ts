// A ReplicaSet named in -f files: applied, created and replaced as kubectl does
// (`replicaset.apps/NAME created|configured|unchanged|serverside-applied|replaced`), the API's
// errors with the file's name, a client dry run printing the object as the client would send it.

import { applyReplicaSet, createReplicaSet, findReplicaSet, replaceReplicaSet, type Cluster, type ReplicaSetManifest } from '../cluster/index.js';
import type { Output } from './command.js';
import { clientObject, type FileCommandOptions } from './deployment-files.js';
import { actionSuffix, clusterFor } from './dry-run.js';
import { apiErrorText } from './errors.js';
import type { JsonValue } from './go-yaml.js';
import { printResult } from './print-object.js';
import { replicaSetView } from './workload-views.js';

const refOf = (rs: ReplicaSetManifest): string => `replicaset.apps/${rs.name}`;

const inNamespace = (rs: ReplicaSetManifest, namespace: string): ReplicaSetManifest => ({ ...rs, input: { ...rs.input, namespace } });

export function applyReplicaSetFile(
  cluster: Cluster,
  out: Output,
  rs: ReplicaSetManifest,
  namespace: string,
  file: string,
  lastApplied: string,
  opts: FileCommandOptions,
  missingWarning: (resource: string, name: string) => string,
): Cluster {
  const existed = findReplicaSet(cluster, rs.name, namespace) !== undefined;
  const applied = applyReplicaSet(cluster, inNamespace(rs, namespace), lastApplied, opts.serverSide ? 'server' : 'client');
  if (!applied.ok) {
    out.err(apiErrorText(applied.error, { verb: existed ? 'patching' : 'creating', file }));
    return cluster;
  }
  const outcome = applied.value;
  if (outcome.missingAnnotation) out.err(missingWarning('replicasets', rs.name), false);
  const next = opts.dry === 'none' ? applied.cluster : cluster;
  const action = opts.serverSide ? 'serverside-applied' : outcome.action;
  const view = (): JsonValue =>
    opts.dry === 'client' && outcome.action === 'created'
      ? clientObject(rs.manifest, namespace, opts.serverSide ? undefined : lastApplied)
      : replicaSetView(applied.cluster, outcome.object);
  const r = printResult(next, opts.format, refOf(rs), `${action}${actionSuffix(opts.dry)}`, view, true);
  out.write(r.stdout);
  if (r.exitCode !== 0) out.err(r.stderr);
  return next;
}

export function createReplicaSetFile(
  cluster: Cluster,
  out: Output,
  rs: ReplicaSetManifest,
  namespace: string,
  file: string,
  opts: FileCommandOptions,
): Cluster {
  if (opts.dry === 'client') {
    out.write(printResult(cluster, opts.format, refOf(rs), `created${actionSuffix('client')}`, () => clientObject(rs.manifest, namespace), true).stdout);
    return cluster;
  }
  const created = createReplicaSet(cluster, { ...rs.input, namespace });
  if (!created.ok) {
    out.err(apiErrorText(created.error, { verb: 'creating', file }));
    return cluster;
  }
  const next = opts.dry === 'none' ? created.cluster : cluster;
  out.write(printResult(next, opts.format, refOf(rs), `created${actionSuffix(opts.dry)}`, () => replicaSetView(created.cluster, created.value), true).stdout);
  return next;
}

export function replaceReplicaSetFile(
  cluster: Cluster,
  out: Output,
  rs: ReplicaSetManifest,
  namespace: string,
  file: string,
  opts: FileCommandOptions,
): Cluster {
  // A client dry run prints the object as read, without asking the server (replace.go).
  if (opts.dry === 'client') {
    out.write(printResult(cluster, opts.format, refOf(rs), `replaced${actionSuffix('client')}`, () => clientObject(rs.manifest, namespace), true).stdout);
    return cluster;
  }
  const replaced = replaceReplicaSet(clusterFor(cluster, opts.dry), { ...rs.input, namespace });
  if (!replaced.ok) {
    out.err(apiErrorText(replaced.error, { verb: 'replacing', file }));
    return cluster;
  }
  const next = opts.dry === 'none' ? replaced.cluster : cluster;
  const r = printResult(next, opts.format, refOf(rs), `replaced${actionSuffix(opts.dry)}`, () => replicaSetView(replaced.cluster, replaced.value), true);
  out.write(r.stdout);
  return next;
}
