// kubectl delete TYPE NAME | TYPE/NAME | -f FILE | TYPE --all | TYPE -l SELECTOR

import { RECURSIVE_FLAG } from './recursive-flag.js';
import { notFoundLast } from './not-found-last.js';
import {
  advanceClock,
  collectGarbage,
  deleteNamespace,
  deleteObject,
  deleteWorkload,
  foregroundGoneAt,
  listNamespaces,
  type Cluster,
} from '../cluster/index.js';
import { CASCADE_FLAG, cascadeOf, type Cascade } from './cascade.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue, flagValues } from './flags.js';
import { NO_RESOURCES_MESSAGE } from './expose.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { DELETE_HELP } from './help.js';
import { parseSelector, selectorMatches, selectorRefusal } from './label-selector.js';
import { getItem, itemLabels, listItems } from './lookup.js';
import { entryNamespace, loadManifests } from './manifests.js';
import { qualifiedPlural, qualifiedSingular, resolveType, slashedTargets, unknownTypeMessage, type ResourceType } from './resources.js';
import { append, largest } from '../append.js';

export interface DeleteMode {
  /** `deleted`, or `force deleted` when the grace period is 0 (delete.go PrintObj). */
  readonly operation: string;
  /** --ignore-not-found: a missing object is no error. */
  readonly ignoreNotFound: boolean;
  /** --cascade: the DeleteOptions.propagationPolicy sent with each DELETE. */
  readonly propagation: Cascade;
  /** --grace-period as sent (absent: each pod's own). */
  readonly grace?: number;
  /** The uids of the pods this delete left Terminating: kubectl waits until they have gone. */
  readonly terminating: Set<string>;
  /** -o name (kubectl replace --force passes its output on): `pod/web` instead of `pod "web" deleted`. */
  readonly byName?: boolean;
}

/** One object deleted, its line printed as delete.go PrintObj does; a missing one reported unless ignored. */
export function deleteOne(cluster: Cluster, out: Output, type: ResourceType, name: string, namespace: string, mode: DeleteMode, file?: string): Cluster {
  const notFoundText = apiErrorText(
    { kind: 'NotFound', message: `${qualifiedPlural(type)} "${name}" not found`, causes: [] },
    file ? { verb: 'deleting', file } : undefined,
  );
  const said = (kind: string): string => (mode.byName ? `${kind}/${name}` : `${kind} "${name}" ${mode.operation}`);
  if (type.kind === 'Deployment' || type.kind === 'ReplicaSet' || type.kind === 'DaemonSet') {
    const result = deleteWorkload(cluster, type.kind, name, namespace, mode.propagation);
    if (!result.ok) {
      if (!mode.ignoreNotFound) out.err(notFoundText);
      return cluster;
    }
    out.out(said(qualifiedSingular(type)));
    return result.cluster;
  }
  if (type.kind === 'Namespace') {
    // The namespace turns Terminating and its controller empties it (namespace-termination.ts).
    const result = deleteNamespace(cluster, name);
    if (result.ok) {
      out.out(said('namespace'));
      return result.cluster;
    }
    if (result.error.kind !== 'NotFound' || !mode.ignoreNotFound) out.err(apiErrorText(result.error, file ? { verb: 'deleting', file } : undefined));
    return cluster;
  }
  if (type.kind === 'EndpointSlice' || type.kind === 'Event') {
    if (!getItem(cluster, type, name, namespace)) {
      if (!mode.ignoreNotFound) out.err(notFoundText);
    } else out.err(clientError(`${type.plural} are not deleted in this simulated cluster; delete the pods, services or deployments they belong to`));
    return cluster;
  }
  if (type.kind === 'Node') {
    out.err(clientError('nodes cannot be deleted in this simulated cluster'));
    return cluster;
  }
  if (type.kind === 'Endpoints') {
    if (getItem(cluster, type, name, namespace)) out.out(said('endpoints'));
    else if (!mode.ignoreNotFound) out.err(notFoundText);
    return cluster;
  }
  const result = deleteObject(cluster, type.kind, name, namespace, mode.grace);
  if (!result.ok) {
    if (!mode.ignoreNotFound) out.err(notFoundText);
    return cluster;
  }
  out.out(said(type.singular));
  if (type.kind === 'Pod' && result.cluster.pods.some((p) => p.terminating && p.metadata.uid === result.value.metadata.uid)) {
    mode.terminating.add(result.value.metadata.uid);
  }
  return result.cluster;
}

function run(ctx: CommandContext, terminating: Set<string>): KubectlResult {
  const { parsed } = ctx;
  let cluster = ctx.cluster;
  const out = new Output();
  const files = flagValues(parsed, 'filename');
  const args = parsed.positional;
  // delete.go Complete: --grace-period=0 alone becomes 1; --force alone means 0, which deletes at
  // once and warns first.
  const force = flagBool(parsed, 'force');
  let grace = Number(flagValue(parsed, 'grace-period') ?? -1);
  if (flagBool(parsed, 'now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  // delete_flags.go ToOptions reads --cascade first: its deprecation warning comes before anything else.
  const cascade = cascadeOf(flagValue(parsed, 'cascade'));
  if (!cascade.ok) return fail(cluster, clientError(cascade.error));
  if (cascade.warning) out.err(`${cascade.warning}\n`, false);
  const dry = dryRunOf(parsed);
  if (!dry.ok) {
    out.err(clientError(dry.error));
    return out.result(cluster);
  }
  // A dry run says what it would delete (delete.go PrintObj with the dry-run suffix) and keeps it.
  const mode: DeleteMode = {
    operation: `${grace === 0 ? 'force deleted' : 'deleted'}${actionSuffix(dry.mode)}`,
    ignoreNotFound: flagBool(parsed, 'ignore-not-found'),
    propagation: cascade.propagation,
    ...(grace >= 0 ? { grace } : {}),
    terminating,
  };
  const warnForce = (): void => {
    if (grace === 0 && force) {
      out.err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
        false,
      );
    }
  };
  if (files.length > 0) {
    const loaded = loadManifests(ctx.io, files);
    if (!loaded.ok) return fail(cluster, clientError(loaded.error));
    warnForce();
    for (const entry of loaded.entries) {
      if (!entry.ok) {
        if (entry.clientError) out.err(clientError(entry.clientError));
        continue;
      }
      const object = entry.workload ?? entry.object;
      const type = resolveType(object.kind.toLowerCase());
      const target = entryNamespace(ctx, object);
      if (!target.ok) {
        out.err(clientError(target.error));
        continue;
      }
      if (type && type !== 'empty') cluster = deleteOne(cluster, out, type, object.name, target.namespace ?? ctx.namespace, mode, entry.file);
    }
    return out.result(cluster);
  }
  if (args.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  const targets: { type: ResourceType; name: string; namespace: string }[] = [];
  let listed = false;
  if (args.some((a) => a.includes('/'))) {
    const slashed = slashedTargets(args);
    if (!slashed.ok) return fail(cluster, clientError(unknownTypeMessage(slashed.typeName)));
    append(
      targets,
      slashed.targets.map((t) => ({ ...t, namespace: ctx.namespace })),
    );
  } else {
    const [typeNames = '', ...names] = args;
    const types: ResourceType[] = [];
    // `all` is kubectl's category: pods, services, deployments and replicasets here.
    const expanded = typeNames.split(',').flatMap((t) => (t === 'all' ? ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'] : [t]));
    for (const typeName of expanded) {
      const type = resolveType(typeName);
      if (type === 'empty') continue;
      if (!type) return fail(cluster, clientError(unknownTypeMessage(typeName)));
      types.push(type);
    }
    const all = flagBool(parsed, 'all');
    const selectorText = flagValue(parsed, 'selector');
    if (names.length === 0 && !all && selectorText === undefined) {
      return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
    }
    if (names.length === 0) {
      listed = true;
      const selector = parseSelector(selectorText ?? '');
      if (!selector.ok) return fail(cluster, types.map((type) => `${selectorRefusal(type, selectorText ?? '', '', selector.error)}\n`).join(''));
      for (const type of types) {
        for (const item of listItems(cluster, type, flagBool(parsed, 'all-namespaces') ? undefined : ctx.namespace)) {
          if (!selectorMatches(selector.requirements, itemLabels(item))) continue;
          targets.push({ type, name: item.obj.metadata.name, namespace: item.obj.metadata.namespace || ctx.namespace });
        }
      }
      if (targets.length === 0 && out.stdout === '') {
        out.err('No resources found', false);
        return out.result(cluster);
      }
    } else {
      for (const type of types) for (const name of names) targets.push({ type, name, namespace: ctx.namespace });
    }
  }
  if (targets.length > 0) warnForce();
  for (const target of targets) {
    if (target.type.kind === 'Service' && target.name === 'kubernetes' && target.namespace === 'default') {
      out.out(`service "kubernetes" ${mode.operation}`);
      continue;
    }
    if (listed && !getItem(cluster, target.type, target.name, target.namespace)) {
      // Listed, then taken by an owner's cascade (a deployment's replicaset): the API deleted it.
      out.out(`${qualifiedSingular(target.type)} "${target.name}" ${mode.operation}`);
      continue;
    }
    cluster = deleteOne(cluster, out, target.type, target.name, target.namespace, mode);
  }
  return out.result(cluster);
}

/**
 * kubectl delete waits (--wait=true, the default) until what it deleted is gone: for a namespace
 * that is the namespace controller's work, so the virtual clock moves on until it has finished.
 */
function waitForNamespaces(before: Cluster, after: Cluster, args: readonly string[]): Cluster {
  const wasTerminating = new Set(
    listNamespaces(before)
      .filter((n) => n.terminating)
      .map((n) => n.metadata.name),
  );
  const named = new Set(args.flatMap((a) => a.split(/[/,]/)));
  const until = largest(
    listNamespaces(after)
      .filter((n) => n.terminating && (!wasTerminating.has(n.metadata.name) || named.has(n.metadata.name)))
      .map((n) => n.terminating?.goneAt ?? 0),
    0,
  );
  return until > after.now ? advanceClock(after, until - after.now) : after;
}

/**
 * What it deleted in the foreground stays until the garbage collector has deleted its dependents:
 * kubectl's wait (cmd/wait IsDeleted, on the object's uid) lasts until then.
 */
function waitForForeground(before: Cluster, after: Cluster): Cluster {
  const marked = (c: Cluster): { deleting?: unknown; metadata: { uid: string } }[] => [
    ...(c.deployments ?? []),
    ...(c.replicaSets ?? []),
    ...(c.daemonSets ?? []),
  ];
  const already = new Set(
    marked(before)
      .filter((w) => w.deleting)
      .map((w) => w.metadata.uid),
  );
  const fresh = new Set(
    marked(after)
      .filter((w) => w.deleting && !already.has(w.metadata.uid))
      .map((w) => w.metadata.uid),
  );
  const until = fresh.size > 0 ? foregroundGoneAt(after, fresh) : undefined;
  if (until === undefined) return after;
  return until > after.now ? advanceClock(after, until - after.now) : collectGarbage(after);
}

/**
 * The pods it left Terminating go once their containers have stopped: kubectl's wait
 * (cmd/wait IsDeleted, on each pod's uid) lasts until the last has gone.
 */
function waitForPods(after: Cluster, uids: ReadonlySet<string>): Cluster {
  const until = largest(
    after.pods.filter((p) => p.terminating && uids.has(p.metadata.uid)).map((p) => p.terminating?.goneAt ?? 0),
    0,
  );
  return until > after.now ? advanceClock(after, until - after.now) : after;
}

/** kubectl's wait after a delete: until the pods it left Terminating, the namespaces and what went in the foreground have gone. */
export function waitUntilDeleted(before: Cluster, after: Cluster, terminating: ReadonlySet<string>, names: readonly string[]): Cluster {
  return waitForForeground(before, waitForNamespaces(before, waitForPods(after, terminating), names));
}

export const deleteCommand: CommandDef = {
  name: 'delete',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    RECURSIVE_FLAG,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'now', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'wait', kind: 'bool' },
    { name: 'ignore-not-found', kind: 'bool' },
    DRY_RUN_FLAG,
    CASCADE_FLAG,
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
  ],
  help: DELETE_HELP,
  run: (ctx) => {
    const terminating = new Set<string>();
    const result = notFoundLast(run(ctx, terminating));
    const dry = dryRunOf(ctx.parsed);
    if (dry.ok && dry.mode !== 'none') return { ...result, cluster: ctx.cluster };
    const wait = flagValue(ctx.parsed, 'wait');
    if (wait !== undefined && !flagBool(ctx.parsed, 'wait')) return result;
    return { ...result, cluster: waitUntilDeleted(ctx.cluster, result.cluster, terminating, ctx.parsed.positional) };
  },
};
