// kubectl label TYPE NAME key=value [key-] [--overwrite]

import { setLabels, setNamespaceLabels, type LabelledKind } from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool } from './flags.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { LABEL_HELP } from './help.js';
import { getItem, missingObject } from './lookup.js';
import { resolveType, unknownTypeMessage } from './resources.js';
import { setOwn, getOwn } from '../own.js';

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const fail = (stderr: string): KubectlResult => ({ cluster, stdout: '', stderr, exitCode: 1 });
  const isLabelArg = (a: string): boolean => a.includes('=') || a.endsWith('-');
  const resources = parsed.positional.filter((a) => !isLabelArg(a));
  const changes = parsed.positional.filter(isLabelArg);
  if (resources.length === 0) return fail(clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  if (changes.length === 0) return fail(clientError('at least one label update is required'));
  let typeName: string;
  let name: string | undefined;
  if (resources[0]?.includes('/')) [typeName = '', name] = (resources[0] ?? '').split('/');
  else [typeName = '', name] = resources;
  const type = resolveType(typeName);
  if (!type || type === 'empty') return fail(clientError(unknownTypeMessage(typeName)));
  if (name === undefined) return fail(clientError('resource(s) were provided, but no name was specified'));
  const item = getItem(cluster, type, name, ctx.namespace);
  if (!item) return fail(apiErrorText(missingObject(cluster, type, name, ctx.namespace)));
  if (type.kind === 'Endpoints') return fail(clientError('labels on endpoints are managed by the endpoints controller here'));
  const labels: Record<string, string> = { ...item.obj.metadata.labels };
  const overwrite = flagBool(parsed, 'overwrite');
  let added = false;
  let removed = false;
  for (const change of changes) {
    if (change.endsWith('-') && !change.includes('=')) {
      const key = change.slice(0, -1);
      if (Object.hasOwn(labels, key)) {
        delete labels[key];
        removed = true;
      }
      continue;
    }
    const eq = change.indexOf('=');
    const key = change.slice(0, eq);
    const value = change.slice(eq + 1);
    if (key === '') return fail(clientError(`invalid label spec: ${change}`));
    const current = getOwn(labels, key);
    if (current !== undefined && current !== value && !overwrite) {
      return fail(clientError(`'${key}' already has a value (${current}), and --overwrite is false`));
    }
    if (current !== value) added = true;
    setOwn(labels, key, value);
  }
  const ref = `${type.singular}/${name}`;
  if (!added && !removed) return { cluster, stdout: `${ref} not labeled\n`, stderr: '', exitCode: 0 };
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(clientError(dry.error));
  if (dry.mode !== 'none') return { cluster, stdout: `${ref} ${added ? 'labeled' : 'unlabeled'}${actionSuffix(dry.mode)}\n`, stderr: '', exitCode: 0 };
  if (type.kind === 'Namespace') {
    const labelled = setNamespaceLabels(cluster, name, labels);
    if (!labelled.ok) return fail(apiErrorText(labelled.error));
    return { cluster: labelled.cluster, stdout: `${ref} ${added ? 'labeled' : 'unlabeled'}\n`, stderr: '', exitCode: 0 };
  }
  if (type.kind !== 'Pod' && type.kind !== 'Service' && type.kind !== 'Node') {
    return fail(clientError(`labels on ${type.plural} are not changed in this simulated cluster; kubectl label works on pods, services and nodes`));
  }
  const result = setLabels(cluster, type.kind as LabelledKind, name, labels, ctx.namespace);
  if (!result.ok) return fail(apiErrorText(result.error));
  return { cluster: result.cluster, stdout: `${ref} ${added ? 'labeled' : 'unlabeled'}\n`, stderr: '', exitCode: 0 };
}

export const labelCommand: CommandDef = {
  name: 'label',
  flags: [
    { name: 'overwrite', kind: 'bool' },
    { name: 'all', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'list', kind: 'bool' },
    DRY_RUN_FLAG,
  ],
  help: LABEL_HELP,
  run,
};
