// kubectl exec POD -- COMMAND: a command inside a simulated container (container-shell.ts);
// `-it POD -- sh` opens the container's shell in the sandbox.

import { findPod, isPodReady } from '../cluster/index.js';
import { execInContainer, whichProgram } from './container-shell.js';
import { flagValue } from './flags.js';
import { typeOf } from './resources.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { apiErrorText, clientError, usageError } from './errors.js';
import { EXEC_HELP } from './help.js';

const POD_TYPE = typeOf('Pod');

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const args = parsed.positional;
  const before = parsed.dashAt < 0 ? args : args.slice(0, parsed.dashAt);
  const command = parsed.dashAt < 0 ? [] : args.slice(parsed.dashAt);
  const [target] = before;
  if (target === undefined) return fail(cluster, clientError('pod, type/name or --filename must be specified'));
  if (before.length > 1) return fail(cluster, usageError('kubectl exec', 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead'));
  if (command.length === 0) return fail(cluster, clientError('you must specify at least one command for the container'));
  const name = target.includes('/') ? (target.split('/')[1] ?? '') : target;
  const pod = findPod(cluster, name, ctx.namespace);
  if (!pod) return fail(cluster, apiErrorText(missingObject(cluster, POD_TYPE, name, ctx.namespace)));
  // No node to stream from: the API server refuses (pkg/registry/core/pod/strategy.go streamLocation).
  if (pod.spec.nodeName === undefined) {
    return fail(cluster, apiErrorText({ kind: 'BadRequest', message: `pod ${pod.metadata.name} does not have a host assigned`, causes: [] }));
  }
  // The API server refuses a container the pod does not have (pkg/registry/core/pod/strategy.go, ExecLocation).
  const container = flagValue(parsed, 'container');
  if (container !== undefined && !pod.spec.containers.some((c) => c.name === container)) {
    return fail(cluster, apiErrorText({ kind: 'BadRequest', message: `container ${container} is not valid for pod ${pod.metadata.name}`, causes: [] }));
  }
  if (!isPodReady(pod, cluster.now))
    return fail(cluster, clientError(`unable to upgrade connection: container not found ("${pod.spec.containers[0]?.name ?? ''}")`));
  const [program = ''] = command;
  const interactive = flagValue(parsed, 'stdin') === 'true' && flagValue(parsed, 'tty') === 'true';
  const shellName = program.slice(program.lastIndexOf('/') + 1);
  if (interactive && command.length === 1 && ['sh', 'bash', 'dash'].includes(shellName) && whichProgram(pod, program) !== undefined) {
    return {
      cluster,
      stdout: '',
      stderr: '',
      exitCode: 0,
      interactive: { pod: pod.metadata.name, shell: shellName === 'bash' ? 'bash' : 'sh', namespace: pod.metadata.namespace },
    };
  }
  const r = execInContainer(cluster, pod, command);
  return { cluster: r.cluster, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

export const execCommand: CommandDef = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
  ],
  help: EXEC_HELP,
  run,
};
