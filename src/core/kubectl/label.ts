// kubectl label TYPE NAME key=value [key-] [--overwrite]

import { setLabels, setNamespaceLabels, type Cluster } from '../cluster/index.js';
import { fail, Output, type CommandContext, type CommandDef, type KubectlResult } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { applyLabelChanges, labelMessage, parseLabelArgs } from './label-args.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { LABEL_HELP } from './help.js';
import { getItem, missingObject } from './lookup.js';
import { qualifiedSingular } from './resources.js';
import { resourceTargets } from './resource-targets.js';

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const args = parseLabelArgs(parsed.positional);
  if (!args.ok) return fail(cluster, clientError(args.error));
  const list = flagBool(parsed, 'list');
  const { resources, changes } = args;
  if (list && flagValue(parsed, 'output')) return fail(cluster, clientError('--list and --output may not be specified together'));
  if (resources.length === 0) return fail(cluster, clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  if (changes.set.size === 0 && changes.remove.length === 0 && !list) return fail(cluster, clientError('at least one label update is required'));
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const targets = resourceTargets(resources);
  if (!targets.ok) return fail(cluster, clientError(targets.error));
  const one = targets.items.length === 1;
  if (!one && flagValue(parsed, 'resource-version')) return fail(cluster, clientError('--resource-version may only be used with a single resource'));
  const overwrite = flagBool(parsed, 'overwrite');
  const out = new Output();
  const errors: string[] = [];
  let next: Cluster = cluster;
  for (const { type, name } of targets.items) {
    const item = getItem(next, type, name, ctx.namespace);
    if (!item) {
      errors.push(apiErrorText(missingObject(next, type, name, ctx.namespace)));
      continue;
    }
    if (type.kind === 'Endpoints') {
      errors.push(clientError('labels on endpoints are managed by the endpoints controller here'));
      continue;
    }
    const before = item.obj.metadata.labels;
    // Only a change the server makes names the labels that were not there (label.go RunLabel).
    if (!list && dry.mode !== 'client') for (const key of changes.remove) if (!Object.hasOwn(before, key)) out.out(`label ${JSON.stringify(key)} not found.`);
    const changed = applyLabelChanges(before, changes, overwrite);
    if (!changed.ok) {
      errors.push(`${changed.error}\n`);
      continue;
    }
    if (list) {
      if (!one) out.out(`Listing labels for ${type.kind}.${type.group ?? ''}/${name}:`);
      for (const key of Object.keys(changed.labels).sort()) out.out(`${one ? '' : ' '}${key}=${changed.labels[key]}`);
      continue;
    }
    const message = labelMessage(before, changed.labels, overwrite);
    const ref = `${qualifiedSingular(type)}/${name}`;
    if (dry.mode === 'none' && message !== 'not labeled') {
      if (type.kind !== 'Pod' && type.kind !== 'Service' && type.kind !== 'Node' && type.kind !== 'Namespace') {
        errors.push(
          clientError(`labels on ${type.plural} are not changed in this simulated cluster; kubectl label works on pods, services, nodes and namespaces`),
        );
        continue;
      }
      const result =
        type.kind === 'Namespace' ? setNamespaceLabels(next, name, changed.labels) : setLabels(next, type.kind, name, changed.labels, ctx.namespace);
      if (!result.ok) {
        errors.push(apiErrorText(result.error));
        continue;
      }
      next = result.cluster;
    }
    out.out(`${ref} ${message}${actionSuffix(dry.mode)}`);
  }
  // The visitor goes on past a failure; the failures are reported together at the end.
  for (const error of errors) out.err(error);
  return out.result(next);
}

export const labelCommand: CommandDef = {
  name: 'label',
  flags: [
    { name: 'overwrite', kind: 'bool' },
    { name: 'all', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'list', kind: 'bool' },
    { name: 'resource-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
    DRY_RUN_FLAG,
  ],
  help: LABEL_HELP,
  run,
};
