// kubectl replace -f FILE: each object of the files put in place of the live one, whole
// (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go): a PUT of Deployments, ReplicaSets,
// Pods, Services and Namespaces. With --force (forceReplace) each is deleted, waited for until it
// has gone, and created again.

import { advanceClock, createObject, replaceObject, type Cluster } from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { Output } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { entryNamespace, reportUnusable, type ManifestEntry } from './manifests.js';
import { printResult } from './print-object.js';
import { REPLACE_HELP } from './replace-help.js';
import { readFileCommand, type FileCommand } from './file-command.js';
import { writeWorkloadFile } from './workload-files.js';
import { clientObject } from './client-object.js';
import { apiObjectView } from './object-view.js';
import { deleteOne, waitUntilDeleted, type DeleteMode } from './delete.js';
import { CASCADE_FLAG, cascadeOf, type Cascade } from './cascade.js';
import { resolveType } from './resources.js';

type Usable = Extract<ManifestEntry, { ok: true }>;

/** The object's namespace: its own, or the command's (an error when the two disagree under -n). */
const namespaceOf = (ctx: CommandContext, entry: Usable): ReturnType<typeof entryNamespace> => entryNamespace(ctx, entry.workload ?? entry.object);

/** A PUT of each object (or, with --dry-run=client, the object as read, printed). */
function replaceEach(ctx: CommandContext, { dry, format, entries }: FileCommand, out: Output): KubectlResult {
  let cluster: Cluster = ctx.cluster;
  for (const entry of entries) {
    if (!entry.ok) {
      reportUnusable(out, entry, 'replacing');
      continue;
    }
    const bound = namespaceOf(ctx, entry);
    if (!bound.ok) {
      out.err(clientError(bound.error));
      continue;
    }
    if (entry.workload) {
      cluster = writeWorkloadFile('replace', cluster, out, entry.workload, bound.namespace ?? ctx.namespace, entry.file, { dry, format });
      continue;
    }
    const object = entry.object;
    const ref = `${object.kind.toLowerCase()}/${object.name}`;
    if (dry === 'client') {
      out.write(printResult(cluster, format, ref, `replaced${actionSuffix(dry)}`, () => clientObject(object.manifest, bound.namespace), true).stdout);
      continue;
    }
    const replaced = replaceObject(clusterFor(cluster, dry), object, bound.namespace);
    if (!replaced.ok) {
      out.err(apiErrorText(replaced.error, { verb: 'replacing', file: entry.file }));
      continue;
    }
    if (dry === 'none') cluster = replaced.cluster;
    out.write(printResult(cluster, format, ref, `replaced${actionSuffix(dry)}`, () => apiObjectView(replaced.value, replaced.cluster.now), true).stdout);
  }
  return out.result(cluster);
}

/**
 * replace.go forceReplace: every object deleted first (a missing one is no error: IgnoreNotFound),
 * then kubectl polls each second until all have gone, then creates them, printing each as `replaced`.
 */
function forceReplace(
  ctx: CommandContext,
  { format, entries }: FileCommand,
  out: Output,
  how: { readonly propagation: Cascade; readonly grace: number },
): KubectlResult {
  const start = ctx.cluster.now;
  const terminating = new Set<string>();
  const mode: DeleteMode = {
    operation: 'deleted',
    ignoreNotFound: true,
    propagation: how.propagation,
    ...(how.grace >= 0 ? { grace: how.grace } : {}),
    terminating,
    byName: format.kind === 'name',
  };
  let cluster = ctx.cluster;
  const usable: { entry: Usable; namespace: string | undefined }[] = [];
  for (const entry of entries) {
    if (!entry.ok) {
      reportUnusable(out, entry, 'deleting');
      continue;
    }
    const bound = namespaceOf(ctx, entry);
    if (!bound.ok) {
      out.err(clientError(bound.error));
      continue;
    }
    const object = entry.workload ?? entry.object;
    const type = resolveType(object.kind.toLowerCase());
    if (!type || type === 'empty') continue;
    usable.push({ entry, namespace: bound.namespace });
    cluster = deleteOne(cluster, out, type, object.name, bound.namespace ?? ctx.namespace, mode, entry.file);
  }
  // DeleteResult stops replace.go at its first error: nothing is created. (It counts every object
  // of the files as found, so its `No resources found` never shows here.)
  if (out.exitCode !== 0) return out.result(cluster);
  cluster = waitUntilDeleted(
    ctx.cluster,
    cluster,
    terminating,
    usable.map(({ entry }) => (entry.workload ?? entry.object).name),
  );
  // wait.PollUntilContextTimeout: the first look at once, then one each second.
  const late = (cluster.now - start) % 1000;
  if (late > 0) cluster = advanceClock(cluster, 1000 - late);
  for (const { entry, namespace } of usable) {
    if (entry.workload) {
      cluster = writeWorkloadFile('create', cluster, out, entry.workload, namespace ?? ctx.namespace, entry.file, { dry: 'none', format, forced: true });
      continue;
    }
    const object = entry.object;
    const created = createObject(cluster, object, undefined, namespace);
    if (!created.ok) {
      out.err(apiErrorText(created.error));
      continue;
    }
    cluster = created.cluster;
    const ref = `${object.kind.toLowerCase()}/${object.name}`;
    out.write(printResult(cluster, format, ref, 'replaced', () => apiObjectView(created.value, created.cluster.now), true).stdout);
  }
  return out.result(cluster);
}

function run(ctx: CommandContext): KubectlResult {
  const { parsed } = ctx;
  const force = flagBool(parsed, 'force');
  const cascade = cascadeOf(flagValue(parsed, 'cascade'));
  const grace = Number(flagValue(parsed, 'grace-period') ?? -1);
  // replace.go Complete (the delete flags read, --grace-period=0 made 1) and Validate, before any file is read.
  const read = readFileCommand(ctx, (dry) => {
    if (!cascade.ok) return cascade.error;
    if (grace >= 0 && !force) return '--grace-period must have --force specified';
    return force && dry !== 'none' ? '--dry-run can not be used when --force is set' : undefined;
  });
  if (!read.ok) return read.result;
  const out = new Output();
  if (cascade.ok && cascade.warning) out.err(`${cascade.warning}\n`, false);
  const propagation = cascade.ok ? cascade.propagation : 'Background';
  return force ? forceReplace(ctx, read.command, out, { propagation, grace: grace === 0 ? 1 : grace }) : replaceEach(ctx, read.command, out);
}

export const replaceCommand: CommandDef = {
  name: 'replace',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    CASCADE_FLAG,
    { name: 'save-config', kind: 'bool' },
    { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: REPLACE_HELP,
  run,
};
