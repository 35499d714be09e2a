// kubectl set image deployment/NAME CONTAINER=IMAGE... (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go)

import { NO_RESOURCES_MESSAGE } from './expose.js';
import { findDeployment, setDeploymentImages } from '../cluster/index.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { qualifiedSingular } from './resources.js';
import { oneTarget } from './workload-target.js';
import { setSelector } from './set-selector.js';
import { DRY_RUN_FLAG } from './dry-run.js';

export const SET_HELP =
  'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n  resources        Update resource requests/limits on objects with pod templates\n  selector         Set the selector on a resource\n  serviceaccount   Update the service account of a resource\n  subject          Update the user, group, or service account in a role binding or cluster role binding\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl set <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';

function setImage(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster } = ctx;
  const split = args.findIndex((a) => a.includes('='));
  const resources = split < 0 ? args : args.slice(0, split);
  const pairs = split < 0 ? [] : args.slice(split);
  // staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go: Complete asks for resources first; the
  // missing update is found once the object has been fetched.
  if (resources.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  if (pairs.length === 0) {
    const only = oneTarget(resources);
    if (only.ok && only.type.kind === 'Deployment' && !findDeployment(cluster, only.name, ctx.namespace)) {
      return fail(cluster, apiErrorText(missingObject(cluster, only.type, only.name, ctx.namespace)));
    }
    return fail(cluster, clientError('at least one image update is required'));
  }
  const images: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) return fail(cluster, clientError(`invalid image update: ${pair}`));
    images[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const target = oneTarget(resources);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const { type, name } = target;
  if (type.kind !== 'Deployment') {
    return fail(
      cluster,
      clientError(
        `set image works on deployments in this simulated cluster (kubectl set image deployment/NAME CONTAINER=IMAGE); for a pod, apply its manifest with the new image`,
      ),
    );
  }
  const live = findDeployment(cluster, name, ctx.namespace);
  if (!live) return fail(cluster, apiErrorText(missingObject(cluster, type, name, ctx.namespace)));
  const names = live.spec.template.containers.map((c) => c.name);
  const resolved: Record<string, string> = {};
  for (const [container, image] of Object.entries(images)) {
    if (container === '*') for (const n of names) resolved[n] = image;
    else if (!names.includes(container)) return fail(cluster, clientError(`unable to find container named "${container}"`));
    else resolved[container] = image;
  }
  const updated = setDeploymentImages(cluster, name, resolved, ctx.namespace);
  if (!updated.ok) return fail(cluster, apiErrorText(updated.error));
  const out = new Output();
  out.out(`${qualifiedSingular(type)}/${name} image updated`);
  return out.result(updated.cluster);
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
      `"kubectl set ${sub}" is not part of this simulated cluster; kubectl set image deployment/NAME CONTAINER=IMAGE and kubectl set selector svc NAME KEY=VALUE are`,
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
