// kubectl wait --for=condition=Ready pod/NAME [--timeout=30s]: lets virtual time pass until the
// condition holds or the timeout runs out (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go).
// Conditions: Ready, ContainersReady, Initialized, PodScheduled, PodReadyToStartContainers on
// pods; Available and Progressing on deployments; --for=delete.

import { advanceClock, findDeployment, podConditions, type Cluster } from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { parseSelector, selectorMatches, selectorRefusal } from './label-selector.js';
import { getItem, itemLabels, listItems, missingObject } from './lookup.js';
import { qualifiedPlural, qualifiedSingular, resolveType, type ResourceType } from './resources.js';
import { parseDuration } from './wait-duration.js';
import { nextMoment } from './watch.js';
import { deploymentConditions } from './workload-views.js';

export const WAIT_HELP = `Experimental: Wait for a specific condition on one or many resources.

Examples:
  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1

Usage:
  kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]
`;

type Check = (cluster: Cluster) => boolean | 'gone';

function conditionCheck(type: ResourceType, name: string, namespace: string, condition: string, want: string): Check {
  return (cluster) => {
    const item = getItem(cluster, type, name, namespace);
    if (!item) return 'gone';
    if (item.kind === 'Pod') return podConditions(item.obj, cluster.now).some((c) => c.type.toLowerCase() === condition && c.status.toLowerCase() === want);
    if (item.kind === 'Deployment') {
      const d = findDeployment(cluster, name, namespace);
      return d ? deploymentConditions(cluster, d).some((c) => c.type.toLowerCase() === condition && c.status.toLowerCase() === want) : 'gone';
    }
    return false;
  };
}

function run(ctx: CommandContext): KubectlResult {
  let cluster = ctx.cluster;
  const { parsed } = ctx;
  const forText = flagValue(parsed, 'for');
  if (forText === undefined || forText === '') return fail(cluster, clientError('unrecognized condition: ""'));
  const timeoutText = flagValue(parsed, 'timeout') ?? '30s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined)
    return fail(cluster, clientError(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`));
  let condition = '';
  let want = 'true';
  const isDelete = forText.toLowerCase() === 'delete';
  if (!isDelete) {
    const m = forText.match(/^condition=([^=]+)(?:=(.*))?$/i);
    if (!m) return fail(cluster, clientError(`unrecognized condition: "${forText}"; this simulated cluster waits for --for=condition=NAME and --for=delete`));
    condition = (m[1] ?? '').toLowerCase();
    want = (m[2] ?? 'true').toLowerCase();
  }
  const args = parsed.positional;
  if (args.length === 0) return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
  const targets: { type: ResourceType; name: string; namespace: string }[] = [];
  const namespace = ctx.namespace;
  if (args.some((a) => a.includes('/'))) {
    for (const arg of args) {
      const [typeName = '', name = ''] = arg.split('/');
      const type = resolveType(typeName);
      if (!type || type === 'empty') return fail(cluster, clientError(`the server doesn't have a resource type "${typeName}"`));
      targets.push({ type, name, namespace });
    }
  } else {
    const [typeName = '', ...names] = args;
    const type = resolveType(typeName);
    if (!type || type === 'empty') return fail(cluster, clientError(`the server doesn't have a resource type "${typeName}"`));
    const selectorText = flagValue(parsed, 'selector');
    if (names.length > 0) for (const name of names) targets.push({ type, name, namespace });
    else if (flagBool(parsed, 'all') || selectorText !== undefined) {
      const selector = parseSelector(selectorText ?? '');
      if (!selector.ok) return fail(cluster, `${selectorRefusal(type, selectorText ?? '', '', selector.error)}\n`);
      for (const item of listItems(cluster, type, flagBool(parsed, 'all-namespaces') ? undefined : namespace)) {
        if (selectorMatches(selector.requirements, itemLabels(item)))
          targets.push({ type, name: item.obj.metadata.name, namespace: item.obj.metadata.namespace || namespace });
      }
      if (targets.length === 0) return fail(cluster, clientError('no matching resources found'));
    } else return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
  }
  const out = new Output();
  for (const target of targets) {
    if (!getItem(cluster, target.type, target.name, target.namespace)) {
      if (isDelete) continue;
      out.err(apiErrorText(missingObject(cluster, target.type, target.name, target.namespace)));
      continue;
    }
    const ref = `${qualifiedSingular(target.type)}/${target.name}`;
    const check: Check = isDelete
      ? (c) => (getItem(c, target.type, target.name, target.namespace) ? false : 'gone')
      : conditionCheck(target.type, target.name, target.namespace, condition, want);
    const deadline = cluster.now + timeout;
    for (;;) {
      const state = check(cluster);
      if (state === true || (isDelete && state === 'gone')) {
        out.out(isDelete ? `${ref} condition met` : `${ref} condition met`);
        break;
      }
      const next = nextMoment(cluster, deadline);
      if (next === undefined) {
        cluster = advanceClock(cluster, deadline - cluster.now);
        out.err(clientError(`timed out waiting for the condition on ${qualifiedPlural(target.type)}/${target.name}`));
        break;
      }
      cluster = advanceClock(cluster, next - cluster.now);
    }
  }
  return out.result(cluster);
}

export const waitCommand: CommandDef = {
  name: 'wait',
  flags: [
    { name: 'for', kind: 'string' },
    { name: 'timeout', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: WAIT_HELP,
  run,
};
