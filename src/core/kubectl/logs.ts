// kubectl logs POD [-c CONTAINER] [--tail N]

import { findPod, logRefusal } from '../cluster/index.js';
import { resolveType, typeOf } from './resources.js';
import { attachablePod } from './attachable-pod.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
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
  let chosen = '';
  if (target.includes('/')) {
    const [typeName = '', rest = ''] = target.split('/');
    const type = resolveType(typeName);
    name = rest;
    if (type && type !== 'empty' && (type.kind === 'Deployment' || type.kind === 'ReplicaSet' || type.kind === 'Service')) {
      const picked = attachablePod(cluster, type.kind, rest, ctx.namespace);
      if (!picked.found)
        return fail(
          cluster,
          clientError(`error from server (NotFound): ${missingObject(cluster, type, rest, ctx.namespace).message} in namespace "${ctx.namespace}"`),
        );
      if (!picked.pod) return fail(cluster, clientError('timed out waiting for the condition'));
      name = picked.pod.metadata.name;
      if (picked.count > 1) chosen = `Found ${picked.count} pods, using pod/${name}\n`;
    } else if (!type || type === 'empty' || type.kind !== 'Pod') {
      return fail(
        cluster,
        clientError(`cannot get the logs from ${typeName}: this simulated cluster has logs for pods, deployments, replicasets and services`),
      );
    }
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
  // No node, no kubelet to ask: the API server answers with an empty stream
  // (pkg/registry/core/pod/strategy.go LogLocation: "return an empty location").
  if (pod.spec.nodeName === undefined) return { cluster, stdout: '', stderr: '', exitCode: 0 };
  const refusal = logRefusal(cluster, pod, containerName);
  if (refusal !== undefined) return fail(cluster, apiErrorText({ kind: 'BadRequest', message: refusal, causes: [] }));
  let lines = pod.log;
  const tail = flagValue(parsed, 'tail');
  if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  const out = new Output();
  // The choice of pod is told first, on stderr (logs.go: fmt.Fprintf(o.ErrOut, ...)).
  if (chosen) out.err(chosen, false);
  out.write(lines.map((l) => `${l}\n`).join(''));
  return out.result(cluster);
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
