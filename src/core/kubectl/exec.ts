// kubectl exec POD -- COMMAND: a few commands inside a simulated container
// (env, printenv, cat, ls, hostname, echo).

import { findPod, isPodReady, knownImage, randomHexFromText, type Cluster, type Pod } from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { apiErrorText, clientError, usageError } from './errors.js';
import { EXEC_HELP } from './help.js';

function environment(pod: Pod): string[] {
  const container = pod.spec.containers[0];
  const image = container ? knownImage(container.image) : undefined;
  const imageEnv = image?.env ?? [{ name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }];
  const path = imageEnv.find((e) => e.name === 'PATH');
  const lines = [`PATH=${path?.value ?? ''}`, `HOSTNAME=${pod.metadata.name}`];
  for (const e of imageEnv) if (e.name !== 'PATH') lines.push(`${e.name}=${e.value}`);
  for (const e of container?.env ?? []) lines.push(`${e.name}=${e.value}`);
  for (const e of pod.serviceEnv) lines.push(`${e.name}=${e.value}`);
  lines.push('HOME=/root');
  return lines;
}

function runInContainer(cluster: Cluster, pod: Pod, command: readonly string[]): KubectlResult {
  const done = (stdout: string, stderr = '', exitCode = 0): KubectlResult => ({ cluster, stdout, stderr, exitCode });
  const [program = '', ...args] = command;
  const image = knownImage(pod.spec.containers[0]?.image ?? '');
  const files: Record<string, string> = { ...(image?.files ?? {}), '/etc/hostname': `${pod.metadata.name}\n` };
  switch (program) {
    case 'env':
    case 'printenv': {
      const env = environment(pod);
      if (program === 'printenv' && args.length > 0) {
        const values = args.map((a) => env.find((l) => l.startsWith(`${a}=`))?.slice(a.length + 1)).filter((v): v is string => v !== undefined);
        return done(values.map((v) => `${v}\n`).join(''), values.length === args.length ? '' : 'command terminated with exit code 1\n', values.length === args.length ? 0 : 1);
      }
      return done(env.map((l) => `${l}\n`).join(''));
    }
    case 'hostname':
      return done(`${pod.metadata.name}\n`);
    case 'echo':
      return done(`${args.join(' ')}\n`);
    case 'cat': {
      let stdout = '';
      let stderr = '';
      for (const file of args) {
        const text = files[file];
        if (text === undefined) stderr += `cat: ${file}: No such file or directory\n`;
        else stdout += text;
      }
      return stderr ? done(stdout, `${stderr}command terminated with exit code 1\n`, 1) : done(stdout);
    }
    case 'ls': {
      const dir = (args.filter((a) => !a.startsWith('-'))[0] ?? '/').replace(/\/$/, '') || '/';
      if (dir === '/') return done(`${(image?.rootListing ?? ['bin', 'dev', 'etc', 'proc', 'sys', 'tmp', 'usr', 'var']).join('\n')}\n`);
      const entries = Object.keys(files)
        .filter((f) => f.startsWith(`${dir}/`))
        .map((f) => f.slice(dir.length + 1).split('/')[0] ?? '');
      if (entries.length === 0) return done('', `ls: cannot access '${dir}': No such file or directory\ncommand terminated with exit code 2\n`, 2);
      return done(`${[...new Set([...entries, ...(dir === '/usr/share/nginx/html' ? ['50x.html'] : [])])].sort().join('\n')}\n`);
    }
    default: {
      const id = randomHexFromText(`${pod.metadata.uid}:${program}`, 64);
      return done(
        '',
        clientError(
          `Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`,
        ),
        1,
      );
    }
  }
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const fail = (stderr: string): KubectlResult => ({ cluster, stdout: '', stderr, exitCode: 1 });
  const args = parsed.positional;
  const before = parsed.dashAt < 0 ? args : args.slice(0, parsed.dashAt);
  const command = parsed.dashAt < 0 ? [] : args.slice(parsed.dashAt);
  const [target] = before;
  if (target === undefined) return fail(clientError('pod, type/name or --filename must be specified'));
  if (before.length > 1) return fail(usageError('kubectl exec', 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead'));
  if (command.length === 0) return fail(clientError('you must specify at least one command for the container'));
  const name = target.includes('/') ? (target.split('/')[1] ?? '') : target;
  const pod = findPod(cluster, name);
  if (!pod) return fail(apiErrorText({ kind: 'NotFound', message: `pods "${name}" not found`, causes: [] }));
  if (!isPodReady(pod, cluster.now)) return fail(clientError(`unable to upgrade connection: container not found ("${pod.spec.containers[0]?.name ?? ''}")`));
  return runInContainer(cluster, pod, command);
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
