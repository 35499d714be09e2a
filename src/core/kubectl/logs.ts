// kubectl logs POD [-c CONTAINER] [--tail N]

import { findPod, logRefusal } from '../cluster/index.js';
import { typeOf } from './resources.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { apiErrorText, clientError, usageError } from './errors.js';
import { flagValue } from './flags.js';
import { LOGS_HELP } from './help.js';

const POD_TYPE = typeOf('Pod');

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const [target] = parsed.positional;
  if (target === undefined) {
    return fail(
      cluster,
      usageError('kubectl logs', "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"),
    );
  }
  let name = target;
  if (target.includes('/')) {
    const [type = '', rest = ''] = target.split('/');
    if (!['pod', 'pods', 'po'].includes(type.toLowerCase())) return fail(cluster, clientError(`cannot get the logs from ${type}: only pods are simulated`));
    name = rest;
  }
  const pod = findPod(cluster, name, ctx.namespace);
  if (!pod)
    return fail(
      cluster,
      clientError(`error from server (NotFound): ${missingObject(cluster, POD_TYPE, name, ctx.namespace).message} in namespace "${ctx.namespace}"`),
    );
  const containerName = flagValue(parsed, 'container') ?? pod.spec.containers[0]?.name ?? '';
  if (!pod.spec.containers.some((c) => c.name === containerName)) {
    // kubectl checks the container itself, before it asks the server
    // (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go: FindContainerByName).
    return fail(cluster, clientError(`container ${containerName} is not valid for pod ${name}`));
  }
  const refusal = logRefusal(cluster, pod, containerName);
  if (refusal !== undefined) return fail(cluster, apiErrorText({ kind: 'BadRequest', message: refusal, causes: [] }));
  let lines = pod.log;
  const tail = flagValue(parsed, 'tail');
  if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  return { cluster, stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

export const logsCommand: CommandDef = {
  name: 'logs',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'follow', short: 'f', kind: 'bool' },
    { name: 'previous', short: 'p', kind: 'bool' },
    { name: 'tail', kind: 'int' },
    { name: 'timestamps', kind: 'bool' },
    { name: 'all-containers', kind: 'bool' },
  ],
  help: LOGS_HELP,
  run,
};
