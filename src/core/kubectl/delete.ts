// kubectl delete TYPE NAME | TYPE/NAME | -f FILE | TYPE --all | TYPE -l SELECTOR

import { deleteObject, type Cluster } from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { Output } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue, flagValues } from './flags.js';
import { NO_RESOURCES_MESSAGE } from './expose.js';
import { DELETE_HELP } from './help.js';
import { parseSelector, selectorMatches } from './label-selector.js';
import { getItem, itemLabels, listItems } from './lookup.js';
import { loadManifests } from './manifests.js';
import { resolveType, slashedTargets, unknownTypeMessage, type ResourceType } from './resources.js';
import { append } from '../append.js';

function deleteOne(cluster: Cluster, out: Output, type: ResourceType, name: string, file?: string): Cluster {
  const notFoundText = apiErrorText({ kind: 'NotFound', message: `${type.plural} "${name}" not found`, causes: [] }, file ? { verb: 'deleting', file } : undefined);
  if (type.kind === 'Node') {
    out.err(clientError('nodes cannot be deleted in this simulated cluster'));
    return cluster;
  }
  if (type.kind === 'Endpoints') {
    if (getItem(cluster, type, name)) out.out(`endpoints "${name}" deleted`);
    else out.err(notFoundText);
    return cluster;
  }
  const result = deleteObject(cluster, type.kind, name);
  if (!result.ok) {
    out.err(notFoundText);
    return cluster;
  }
  out.out(`${type.singular} "${name}" deleted`);
  return result.cluster;
}

function run(ctx: CommandContext): KubectlResult {
  const { parsed } = ctx;
  let cluster = ctx.cluster;
  const out = new Output();
  const files = flagValues(parsed, 'filename');
  const args = parsed.positional;
  if (files.length > 0) {
    const loaded = loadManifests(ctx.io, files);
    if (!loaded.ok) return { cluster, stdout: '', stderr: clientError(loaded.error), exitCode: 1 };
    for (const entry of loaded.entries) {
      if (!entry.ok) {
        if (entry.clientError) out.err(clientError(entry.clientError));
        continue;
      }
      const type = resolveType(entry.object.kind.toLowerCase());
      if (type && type !== 'empty') cluster = deleteOne(cluster, out, type, entry.object.name, entry.file);
    }
    return out.result(cluster);
  }
  if (args.length === 0) return { cluster, stdout: '', stderr: clientError(NO_RESOURCES_MESSAGE), exitCode: 1 };
  const targets: { type: ResourceType; name: string }[] = [];
  if (args.some((a) => a.includes('/'))) {
    const slashed = slashedTargets(args);
    if (!slashed.ok) return { cluster, stdout: '', stderr: clientError(unknownTypeMessage(slashed.typeName)), exitCode: 1 };
    append(targets, slashed.targets);
  } else {
    const [typeNames = '', ...names] = args;
    const types: ResourceType[] = [];
    for (const typeName of typeNames.split(',')) {
      const type = resolveType(typeName);
      if (type === 'empty') continue;
      if (!type) return { cluster, stdout: '', stderr: clientError(unknownTypeMessage(typeName)), exitCode: 1 };
      types.push(type);
    }
    const all = flagBool(parsed, 'all');
    const selectorText = flagValue(parsed, 'selector');
    if (names.length === 0 && !all && selectorText === undefined) {
      return { cluster, stdout: '', stderr: clientError('resource(s) were provided, but no name was specified'), exitCode: 1 };
    }
    if (names.length === 0) {
      const selector = parseSelector(selectorText ?? '');
      if (!selector.ok) return { cluster, stdout: '', stderr: clientError(selector.error), exitCode: 1 };
      for (const type of types) {
        for (const item of listItems(cluster, type)) {
          if (!selectorMatches(selector.requirements, itemLabels(item))) continue;
          if (type.kind === 'Service' && item.obj.metadata.name === 'kubernetes' && all) {
            out.out('service "kubernetes" deleted');
            continue;
          }
          targets.push({ type, name: item.obj.metadata.name });
        }
      }
      if (targets.length === 0 && out.stdout === '') {
        out.err('No resources found', false);
        return out.result(cluster);
      }
    } else {
      for (const type of types) for (const name of names) targets.push({ type, name });
    }
  }
  for (const target of targets) {
    if (target.type.kind === 'Service' && target.name === 'kubernetes') {
      out.out('service "kubernetes" deleted');
      continue;
    }
    cluster = deleteOne(cluster, out, target.type, target.name);
  }
  return out.result(cluster);
}

export const deleteCommand: CommandDef = {
  name: 'delete',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'now', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'wait', kind: 'bool' },
    { name: 'ignore-not-found', kind: 'bool' },
  ],
  help: DELETE_HELP,
  run,
};
