// kubectl apply -f FILE

import { applyObject, type Cluster } from '../cluster/index.js';
import { podView, serviceView } from './api-view.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { Output } from './command.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue, flagValues } from './flags.js';
import { APPLY_HELP } from './help.js';
import { applyDeploymentFile } from './deployment-files.js';
import { lastAppliedFor, loadManifests, namespaceOf, reportUnusable } from './manifests.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';

export function missingAnnotationWarning(resource: string, name: string): string {
  return `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

function run(ctx: CommandContext): KubectlResult {
  const { parsed } = ctx;
  let cluster: Cluster = ctx.cluster;
  const files = flagValues(parsed, 'filename');
  if (files.length === 0) return { cluster, stdout: '', stderr: clientError('must specify one of -f and -k'), exitCode: 1 };
  const dry = dryRunOf(parsed);
  if (!dry.ok) return { cluster, stdout: '', stderr: clientError(dry.error), exitCode: 1 };
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return { cluster, stdout: '', stderr: clientError(format.error), exitCode: 1 };
  const loaded = loadManifests(ctx.io, files);
  if (!loaded.ok) return { cluster, stdout: '', stderr: clientError(loaded.error), exitCode: 1 };
  const out = new Output();
  for (const entry of loaded.entries) {
    if (!entry.ok) {
      reportUnusable(out, entry);
      continue;
    }
    if (entry.deployment) {
      cluster = applyDeploymentFile(cluster, out, entry.deployment, entry.file, lastAppliedFor(entry.deployment.manifest), { dry: dry.mode, format: format.format, serverSide: flagBool(parsed, 'server-side') }, missingAnnotationWarning);
      continue;
    }
    const object = entry.object;
    const resource = object.kind === 'Pod' ? 'pods' : 'services';
    if (object.name === '') {
      out.err(
        clientError(
          `error when retrieving current configuration of:\nResource: "/v1, Resource=${resource}", GroupVersionKind: "/v1, Kind=${object.kind}"\nName: "", Namespace: "default"\nfrom server for: "${entry.file}": resource name may not be empty`,
        ),
      );
      continue;
    }
    const ns = namespaceOf(object);
    if (ns !== undefined && ns !== 'default') {
      out.err(apiErrorText({ kind: 'NotFound', message: `namespaces "${ns}" not found`, causes: [] }, { verb: 'creating', file: entry.file }));
      continue;
    }
    const applied = applyObject(cluster, object, lastAppliedFor(object.manifest));
    if (!applied.ok) {
      out.err(apiErrorText(applied.error, { verb: cluster === applied.cluster && !isNew(cluster, object.kind, object.name) ? 'patching' : 'creating', file: entry.file }));
      continue;
    }
    const outcome = applied.value;
    if (outcome.missingAnnotation) out.err(missingAnnotationWarning(resource, object.name), false);
    if (dry.mode === 'none') cluster = applied.cluster;
    const ref = `${object.kind.toLowerCase()}/${object.name}`;
    const view = () => (outcome.object.kind === 'Pod' ? podView(outcome.object, applied.cluster.now) : serviceView(outcome.object));
    // Server-side apply reports every object the same way (apply.go: "serverside-applied").
    const action = flagBool(parsed, 'server-side') ? 'serverside-applied' : outcome.action;
    const r = printResult(cluster, format.format, ref, `${action}${actionSuffix(dry.mode)}`, view, true);
    out.write(r.stdout);
    if (r.exitCode !== 0) out.err(r.stderr);
  }
  return out.result(cluster);
}

function isNew(cluster: Cluster, kind: 'Pod' | 'Service', name: string): boolean {
  return kind === 'Pod' ? !cluster.pods.some((p) => p.metadata.name === name) : !cluster.services.some((s) => s.metadata.name === name);
}

export const applyCommand: CommandDef = {
  name: 'apply',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
    { name: 'server-side', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: APPLY_HELP,
  run,
};
