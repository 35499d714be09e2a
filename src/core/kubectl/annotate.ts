// kubectl annotate TYPE NAME key=value [key-] [--overwrite]: what annotate.go reads from its
// arguments, its refusal to overwrite, and the merge patch of metadata.annotations it sends.

import type { Cluster } from '../cluster/index.js';
import { fail, Output, type CommandContext, type CommandDef, type KubectlResult } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool } from './flags.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { ANNOTATE_HELP } from './annotate-help.js';
import { getItem, missingObject } from './lookup.js';
import { patchLive } from './patch.js';
import { qualifiedSingular } from './resources.js';
import { resourceTargets } from './resource-targets.js';
import type { JsonValue } from './go-yaml.js';

interface AnnotationArgs {
  readonly resources: string[];
  readonly set: Map<string, string>;
  readonly remove: string[];
}

/** annotate.go parseAnnotations and cmdutil.GetResourcesAndPairs: resources first, then the changes. */
function parseArgs(args: readonly string[]): { ok: true; value: AnnotationArgs } | { ok: false; error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const change = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (change) pairs.push(arg);
    else if (pairs.length > 0) return { ok: false, error: `all resources must be specified before annotation changes: ${arg}` };
    else resources.push(arg);
  }
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    // An annotation's value may hold anything, '=' too: only the first one splits.
    if (eq >= 0) set.set(pair.slice(0, eq), pair.slice(eq + 1));
    else remove.push(pair.slice(0, -1));
  }
  if (remove.some((key) => set.has(key))) return { ok: false, error: 'can not both modify and remove an annotation in the same command' };
  return { ok: true, value: { resources, set, remove } };
}

/** annotate.go validateNoAnnotationOverwrites: every clash, joined by "; " (one is the usual case). */
function overwriteClash(current: Readonly<Record<string, string>>, set: ReadonlyMap<string, string>): string | undefined {
  const clashes: string[] = [];
  for (const [key, value] of set) {
    if (key === 'kubernetes.io/change-cause') continue;
    const now = Object.hasOwn(current, key) ? current[key] : undefined;
    if (now !== undefined && now !== value) clashes.push(`'${key}' already has a value (${now})`);
  }
  return clashes.length > 0 ? `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}` : undefined;
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const args = parseArgs(parsed.positional);
  if (!args.ok) return fail(cluster, clientError(args.error));
  const { resources, set, remove } = args.value;
  if (resources.length === 0) return fail(cluster, clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  if (set.size === 0 && remove.length === 0) return fail(cluster, clientError('at least one annotation update is required'));
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const targets = resourceTargets(resources);
  if (!targets.ok) return fail(cluster, clientError(targets.error));
  const overwrite = flagBool(parsed, 'overwrite');
  const out = new Output();
  let next: Cluster = cluster;
  for (const { type, name } of targets.items) {
    const item = getItem(next, type, name, ctx.namespace);
    if (!item) {
      out.err(apiErrorText(missingObject(next, type, name, ctx.namespace)));
      continue;
    }
    const clash = overwrite ? undefined : overwriteClash('annotations' in item.obj.metadata ? item.obj.metadata.annotations : {}, set);
    if (clash) {
      out.err(clientError(clash));
      continue;
    }
    if (dry.mode === 'none') {
      if (type.kind !== 'Pod' && type.kind !== 'Service') {
        out.err(clientError(`annotations on ${type.plural} are not changed in this simulated cluster; kubectl annotate works on pods and services`));
        continue;
      }
      const annotations: { [key: string]: JsonValue } = {};
      for (const [k, v] of set) annotations[k] = v;
      for (const k of remove) annotations[k] = null;
      const outcome = patchLive(next, type.kind, name, 'merge', { metadata: { annotations } }, ctx.namespace);
      if (!outcome.ok) {
        out.err('error' in outcome ? apiErrorText(outcome.error) : clientError(outcome.unapplied));
        continue;
      }
      next = outcome.cluster;
    }
    out.out(`${qualifiedSingular(type)}/${name} annotated${actionSuffix(dry.mode)}`);
  }
  return out.result(next);
}

export const annotateCommand: CommandDef = {
  name: 'annotate',
  flags: [
    { name: 'overwrite', kind: 'bool' },
    { name: 'all', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'resource-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
    DRY_RUN_FLAG,
  ],
  help: ANNOTATE_HELP,
  run,
};
