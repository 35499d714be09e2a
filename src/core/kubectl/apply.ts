// kubectl apply -f FILE

import { RECURSIVE_FLAG } from './recursive-flag.js';
import { applyObject, findNamespace, findPod, findService, type Cluster } from '../cluster/index.js';
import { inOneRun, newListRun } from '../cluster/object-index.js';
import { apiObjectView } from './object-view.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { Output } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool } from './flags.js';
import { APPLY_HELP } from './help.js';
import { clientObject } from './client-object.js';
import { applyWorkloadFile } from './workload-files.js';
import { entryNamespace, lastAppliedFor, reportUnusable } from './manifests.js';
import { printResult } from './print-object.js';
import { readFileCommand } from './file-command.js';

export function missingAnnotationWarning(resource: string, name: string): string {
  return `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

function run(ctx: CommandContext): KubectlResult {
  const { parsed } = ctx;
  let cluster: Cluster = ctx.cluster;
  const read = readFileCommand(ctx);
  if (!read.ok) return read.result;
  const { dry, format, entries } = read.command;
  const out = new Output();
  // The documents go into the cluster's lists in place after one copy of each (object-index.ts):
  // only the newest cluster is kept, and code outside the run never sees a list it can still grow.
  let run = newListRun();
  for (const entry of entries) {
    if (!entry.ok) {
      reportUnusable(out, entry);
      continue;
    }
    if (entry.workload) {
      const workload = entry.workload;
      const bound = entryNamespace(ctx, workload);
      if (!bound.ok) {
        out.err(clientError(bound.error));
        continue;
      }
      run = newListRun();
      const namespace = bound.namespace ?? ctx.namespace;
      cluster = applyWorkloadFile(
        cluster,
        out,
        workload,
        namespace,
        entry.file,
        // The annotation names the namespace the object goes to, as kubectl sets it on the object first.
        lastAppliedFor(workload.manifest, namespace),
        { dry: dry, format: format, serverSide: flagBool(parsed, 'server-side') },
        missingAnnotationWarning,
      );
      continue;
    }
    const object = entry.object;
    const resource = object.kind === 'Pod' ? 'pods' : object.kind === 'Namespace' ? 'namespaces' : 'services';
    const target = entryNamespace(ctx, object);
    if (!target.ok) {
      out.err(clientError(target.error));
      continue;
    }
    const namespace = target.namespace;
    if (object.name === '') {
      out.err(
        clientError(
          `error when retrieving current configuration of:\nResource: "/v1, Resource=${resource}", GroupVersionKind: "/v1, Kind=${object.kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${entry.file}": resource name may not be empty`,
        ),
      );
      continue;
    }
    const side = flagBool(parsed, 'server-side') ? 'server' : 'client';
    const applied =
      dry === 'none'
        ? inOneRun(run, () => applyObject(cluster, object, lastAppliedFor(object.manifest, namespace), namespace, side))
        : applyObject(clusterFor(cluster, dry), object, lastAppliedFor(object.manifest, namespace), namespace, side);
    if (!applied.ok) {
      out.err(
        apiErrorText(applied.error, {
          verb: cluster === applied.cluster && !isNew(cluster, object.kind, object.name, namespace) ? 'patching' : 'creating',
          file: entry.file,
        }),
      );
      continue;
    }
    const outcome = applied.value;
    if (outcome.missingAnnotation) out.err(missingAnnotationWarning(resource, object.name), false);
    if (dry === 'none') cluster = applied.cluster;
    const ref = `${object.kind.toLowerCase()}/${object.name}`;
    // A client dry run of a new object prints what the client would send (apply.go, dry-run client).
    const view = () =>
      dry === 'client' && outcome.action === 'created'
        ? clientObject(object.manifest, namespace, side === 'client' ? lastAppliedFor(object.manifest, namespace) : undefined)
        : apiObjectView(outcome.object, applied.cluster.now);
    // Server-side apply reports every object the same way (apply.go: "serverside-applied").
    const action = flagBool(parsed, 'server-side') ? 'serverside-applied' : outcome.action;
    const r = printResult(cluster, format, ref, `${action}${actionSuffix(dry)}`, view, true);
    out.write(r.stdout);
    if (r.exitCode !== 0) out.err(r.stderr);
  }
  return out.result(cluster);
}

function isNew(cluster: Cluster, kind: 'Pod' | 'Service' | 'Namespace', name: string, namespace = 'default'): boolean {
  if (kind === 'Namespace') return !findNamespace(cluster, name);
  return !(kind === 'Pod' ? findPod(cluster, name, namespace) : findService(cluster, name, namespace));
}

export const applyCommand: CommandDef = {
  name: 'apply',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    RECURSIVE_FLAG,
    { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
    { name: 'server-side', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: APPLY_HELP,
  run,
};
