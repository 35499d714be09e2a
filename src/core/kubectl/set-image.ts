// kubectl set image (TYPE NAME | TYPE/NAME | TYPE --all | TYPE -l SELECTOR) CONTAINER=IMAGE...
// (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go): every object named is fetched first (a
// missing one fails the command before anything changes), then each one's containers get their
// new images; an unknown container is reported at the end, an object left as it was prints
// nothing, a changed one `TYPE/NAME image updated`. A pod's new image restarts its container as
// any pod update does (pod-update.ts), a Deployment rolls out, a bare ReplicaSet keeps its pods.

import { NO_RESOURCES_MESSAGE } from './expose.js';
import { findPod, setDeploymentImages, setReplicaSetImages, writePodUpdate, type Cluster, type Container, type Result } from '../cluster/index.js';
import { getItem, itemLabels, itemName, itemView, listItems, missingObject, type Item } from './lookup.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { apiErrorText, clientError, statusMessage } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { parseSelector, selectorMatches, selectorRefusal } from './label-selector.js';
import { qualifiedSingular, resolveType, unknownTypeMessage, type ResourceType } from './resources.js';
import { resourceTargets } from './resource-targets.js';
import { setSelector } from './set-selector.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { getOwn, setOwn } from '../own.js';

export const SET_HELP =
  'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n  resources        Update resource requests/limits on objects with pod templates\n  selector         Set the selector on a resource\n  serviceaccount   Update the service account of a resource\n  subject          Update the user, group, or service account in a role binding or cluster role binding\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl set <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';

type Found = { readonly type: ResourceType; readonly item: Item };

/** The objects the command names: by name, or every one of a type (--all) or of a selector (-l). */
function targetsOf(
  ctx: CommandContext,
  resources: readonly string[],
): { ok: true; found: Found[]; missing: string[] } | { ok: false; error: string } | { ok: false; refused: string } {
  const all = flagBool(ctx.parsed, 'all');
  const selector = flagValue(ctx.parsed, 'selector');
  if (all || selector !== undefined) {
    const typeName = resources[0] ?? '';
    const type = resolveType(typeName);
    if (type === undefined || type === 'empty') return { ok: false, error: unknownTypeMessage(typeName) };
    // The list goes to the server with the selector, which refuses one it cannot read (as for get).
    const parsed = parseSelector(selector ?? '');
    if (!parsed.ok) return { ok: false, refused: `${selectorRefusal(type, selector ?? '', '', parsed.error)}\n` };
    const items = listItems(ctx.cluster, type, ctx.namespace).filter((item) => selectorMatches(parsed.requirements, itemLabels(item)));
    return { ok: true, found: items.map((item) => ({ type, item })), missing: [] };
  }
  const targets = resourceTargets(resources);
  if (!targets.ok) return targets;
  const found: Found[] = [];
  const missing: string[] = [];
  for (const { type, name } of targets.items) {
    const item = getItem(ctx.cluster, type, name, ctx.namespace);
    if (item) found.push({ type, item });
    else missing.push(apiErrorText(missingObject(ctx.cluster, type, name, ctx.namespace)));
  }
  return { ok: true, found, missing };
}

/** setImage in set_image.go: `*` names every container. Returns the new images and whether the name matched. */
function newImages(containers: readonly Container[], images: Readonly<Record<string, string>>): { images: Record<string, string>; unmatched: string[] } {
  const out: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const [name, image] of Object.entries(images)) {
    const hit = containers.filter((c) => name === '*' || c.name === name);
    if (hit.length === 0) unmatched.push(name);
    for (const c of hit) setOwn(out, c.name, image);
  }
  return { images: out, unmatched };
}

/** The object's new images written: a pod through the pod update, a workload through its own. */
function writeImages(cluster: Cluster, item: Item, images: Readonly<Record<string, string>>): Result<unknown> | undefined {
  switch (item.kind) {
    case 'Pod': {
      const live = findPod(cluster, item.obj.metadata.name, item.obj.metadata.namespace) ?? item.obj;
      const { labels, annotations } = live.metadata;
      const next = live.spec.containers.map((c) => getOwn(images, c.name) ?? c.image);
      return writePodUpdate(cluster, live, next, { labels, annotations });
    }
    case 'Deployment':
      return setDeploymentImages(cluster, item.obj.metadata.name, images, item.obj.metadata.namespace);
    case 'ReplicaSet':
      return setReplicaSetImages(cluster, item.obj, images);
    default:
      return undefined;
  }
}

const containersOf = (item: Item): readonly Container[] | undefined =>
  item.kind === 'Pod'
    ? item.obj.spec.containers
    : item.kind === 'Deployment' || item.kind === 'ReplicaSet' || item.kind === 'DaemonSet'
      ? item.obj.spec.template.containers
      : undefined;

function setImage(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster } = ctx;
  const split = args.findIndex((a) => a.includes('='));
  const resources = split < 0 ? args : args.slice(0, split);
  const pairs = split < 0 ? [] : args.slice(split);
  // Complete: the printer first (-o), then the pairs, then the objects.
  const printer = parseOutput(flagValue(ctx.parsed, 'output'), false);
  if (!printer.ok) return fail(cluster, clientError(printer.error));
  const images: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) return fail(cluster, clientError(`invalid image update: ${pair}`));
    setOwn(images, pair.slice(0, eq), pair.slice(eq + 1));
  }
  // The objects are fetched before anything is validated.
  if (resources.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  const dry = dryRunOf(ctx.parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const targets = targetsOf(ctx, resources);
  if (!targets.ok) return fail(cluster, 'refused' in targets ? targets.refused : clientError(targets.error));
  if (targets.missing.length > 0) return fail(cluster, targets.missing.join(''));
  // Validate.
  if (flagBool(ctx.parsed, 'all') && flagValue(ctx.parsed, 'selector') !== undefined)
    return fail(cluster, clientError('cannot set --all and --selector at the same time'));
  const names = Object.keys(images);
  if (names.length === 0) return fail(cluster, clientError('at least one image update is required'));
  if (names.length > 1 && names.includes('*'))
    return fail(cluster, clientError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  // Run: the changes of every object first (unknown containers noted), then one patch each.
  const out = new Output();
  const unmatched: string[] = [];
  const failures: string[] = [];
  let next: Cluster = cluster;
  const changes = targets.found.map(({ type, item }) => {
    const containers = containersOf(item);
    if (!containers) return { type, item, images: undefined };
    const resolved = newImages(containers, images);
    for (const name of resolved.unmatched) unmatched.push(`error: unable to find container named ${JSON.stringify(name)}\n`);
    return { type, item, images: resolved.images };
  });
  for (const { type, item, images: wanted } of changes) {
    const ref = `${qualifiedSingular(type)}/${itemName(item)}`;
    if (!wanted) {
      // UpdatePodSpecForObjectFn (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/updatepodspec.go).
      failures.push(
        `error: ${type.plural}${type.group ? `.${type.group}` : ''}/${itemName(item)} the object is not a pod or does not have a pod template: *v1.${type.kind}\n`,
      );
      continue;
    }
    const containers = containersOf(item) ?? [];
    if (containers.every((c) => (getOwn(wanted, c.name) ?? c.image) === c.image)) continue; // the patch is {}
    const written = writeImages(next, item, wanted);
    if (!written) {
      failures.push(clientError(`set image works on pods, deployments and replicasets in this simulated cluster, not on ${type.plural}`));
      continue;
    }
    if (!written.ok) {
      failures.push(`error: failed to patch image update to pod template: ${statusMessage(written.error)}`);
      continue;
    }
    if (dry.mode === 'none') next = written.cluster;
    const after = written.cluster;
    const view = () => {
      const updated = getItem(after, type, itemName(item), item.obj.metadata.namespace);
      return updated ? itemView(after, updated) : null;
    };
    const printed = printResult(next, printer.format, ref, `image updated${actionSuffix(dry.mode)}`, view, true);
    out.write(printed.stdout);
    if (printed.stderr !== '') failures.push(printed.stderr);
  }
  for (const error of [...unmatched, ...failures]) out.err(error);
  return out.result(next);
}

function run(ctx: CommandContext): KubectlResult {
  const [sub, ...rest] = ctx.parsed.positional;
  if (sub === 'image') return setImage(ctx, rest);
  if (sub === 'selector') return setSelector(ctx, rest);
  // Without a subcommand the real client prints the help on stderr and fails.
  if (sub === undefined) return fail(ctx.cluster, SET_HELP);
  return fail(
    ctx.cluster,
    clientError(
      `"kubectl set ${sub}" is not part of this simulated cluster; kubectl set image TYPE/NAME CONTAINER=IMAGE and kubectl set selector svc NAME KEY=VALUE are`,
    ),
  );
}

export const setCommand: CommandDef = {
  name: 'set',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'all', kind: 'bool' },
    { name: 'local', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'record', kind: 'bool' },
    DRY_RUN_FLAG,
  ],
  help: SET_HELP,
  run,
};
