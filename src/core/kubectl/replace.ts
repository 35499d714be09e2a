// kubectl replace -f FILE: each object of the files put in place of the live one, whole
// (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go). The lab replaces Services and ReplicaSets.

import { findService, replaceService, type Cluster } from '../cluster/index.js';
import { notFound } from '../cluster/api-error.js';
import { serviceView } from './api-view.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { Output } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { flagValue } from './flags.js';
import { reportUnusable, targetNamespace } from './manifests.js';
import { printResult } from './print-object.js';
import { REPLACE_HELP } from './replace-help.js';
import { readFileCommand } from './file-command.js';
import { writeWorkloadFile } from './workload-files.js';

function run(ctx: CommandContext): KubectlResult {
  const { parsed } = ctx;
  let cluster: Cluster = ctx.cluster;
  const read = readFileCommand(ctx);
  if (!read.ok) return read.result;
  const { dry, format, entries } = read.command;
  const out = new Output();
  const given = flagValue(parsed, 'namespace') !== undefined && flagValue(parsed, 'namespace') !== '';
  for (const entry of entries) {
    if (!entry.ok) {
      reportUnusable(out, entry);
      continue;
    }
    if (entry.workload?.kind === 'ReplicaSet') {
      const bound = targetNamespace(entry.workload, ctx.namespace, given);
      if (!bound.ok) {
        out.err(clientError(bound.error));
        continue;
      }
      cluster = writeWorkloadFile('replace', cluster, out, entry.workload, bound.namespace ?? ctx.namespace, entry.file, { dry, format });
      continue;
    }
    const object = entry.object;
    if (!object || object.kind !== 'Service') {
      out.err(
        clientError(
          `kubectl replace changes services in this simulated cluster; change a ${entry.workload?.kind ?? object?.kind ?? 'object'} with kubectl apply -f ${entry.file}`,
        ),
      );
      continue;
    }
    const target = targetNamespace(object, ctx.namespace, given);
    if (!target.ok) {
      out.err(clientError(target.error));
      continue;
    }
    const namespace = target.namespace ?? ctx.namespace;
    const live = findService(cluster, object.name, namespace);
    if (!live) {
      out.err(apiErrorText(notFound('services', object.name), { verb: 'replacing', file: entry.file }));
      continue;
    }
    const updated = replaceService(clusterFor(cluster, dry), object.input, namespace, live);
    if (!updated.ok) {
      out.err(apiErrorText(updated.error, { verb: 'replacing', file: entry.file }));
      continue;
    }
    if (dry === 'none') cluster = updated.cluster;
    const r = printResult(cluster, format, `service/${object.name}`, `replaced${actionSuffix(dry)}`, () => serviceView(updated.value), true);
    out.write(r.stdout);
  }
  return out.result(cluster);
}

export const replaceCommand: CommandDef = {
  name: 'replace',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'force', kind: 'bool' },
    { name: 'save-config', kind: 'bool' },
    { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: REPLACE_HELP,
  run,
};
