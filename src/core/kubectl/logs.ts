// kubectl logs POD [-c CONTAINER] [--tail N]

import { containerState, findPod, isPodReady } from '../cluster/index.js';
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
    return fail(cluster, apiErrorText({ kind: 'BadRequest', message: `container ${containerName} is not valid for pod ${name}`, causes: [] }));
  }
  // No node, no kubelet to ask: the API server answers with an empty stream
  // (pkg/registry/core/pod/strategy.go LogLocation: "return an empty location").
  if (pod.spec.nodeName === undefined) return { cluster, stdout: '', stderr: '', exitCode: 0 };
  // A container that has run (and exited) has logs, even while it waits to be started again.
  const hasRun = pod.quickExit !== undefined && cluster.now >= pod.timeline.startedAt;
  if (!isPodReady(pod, cluster.now) && !hasRun) {
    // pkg/kubelet/kubelet_pods.go validateContainerLogStatus: the common pending failures in words.
    const st = containerState(pod, cluster.now);
    const reason = st.state === 'waiting' ? st.reason : 'ContainerCreating';
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    return fail(
      cluster,
      apiErrorText({ kind: 'BadRequest', message: `container "${containerName}" in pod "${name}" is waiting to start: ${why}`, causes: [] }),
    );
  }
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
