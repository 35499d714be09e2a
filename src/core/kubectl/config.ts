// kubectl config: the sandbox's kubeconfig has one context, named as the lab's own
// (`nodeport-lab`), on one cluster and one user. The read-only subcommands answer from it
// (staging/src/k8s.io/kubectl/pkg/cmd/config: current_context.go, get_contexts.go,
// get_clusters.go, get_users.go); the ones that would change it say so in one line.

import { fail, type CommandContext, type CommandDef, type KubectlResult } from './command.js';
import { clientError } from './errors.js';
import { flagValue } from './flags.js';
import { CONFIG_HELP } from './config-help.js';
import { formatTable } from './tabwriter.js';

/** The context, cluster and user of the sandbox's kubeconfig (the lab's kubeconfig uses the same). */
export const SANDBOX_CONTEXT = 'nodeport-lab';

function getContexts(ctx: CommandContext, names: readonly string[]): KubectlResult {
  const { cluster, parsed } = ctx;
  const output = flagValue(parsed, 'output');
  if (output !== undefined && output !== 'name') return fail(cluster, clientError(`output must be one of '' or 'name': ${output}`));
  const missing = names.filter((n) => n !== SANDBOX_CONTEXT);
  const shown = names.length === 0 || names.length > missing.length;
  const rows = [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
  if (shown) rows.push(['*', SANDBOX_CONTEXT, SANDBOX_CONTEXT, SANDBOX_CONTEXT, ctx.io.namespace ?? 'default']);
  const stdout = output === 'name' ? (shown ? `${SANDBOX_CONTEXT}\n` : '') : formatTable(rows);
  if (missing.length === 0) return { cluster, stdout, stderr: '', exitCode: 0 };
  return { cluster, stdout, stderr: missing.map((n) => clientError(`context ${n} not found`)).join(''), exitCode: 1 };
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const [sub, ...rest] = parsed.positional;
  if (sub === undefined) return fail(cluster, CONFIG_HELP);
  switch (sub) {
    case 'current-context':
      return { cluster, stdout: `${SANDBOX_CONTEXT}\n`, stderr: '', exitCode: 0 };
    case 'get-contexts':
      return getContexts(ctx, rest);
    case 'get-clusters':
    case 'get-users':
      return { cluster, stdout: `NAME\n${SANDBOX_CONTEXT}\n`, stderr: '', exitCode: 0 };
    default:
      return fail(
        cluster,
        clientError(
          `"kubectl config ${sub}" is not part of this simulated cluster: its kubeconfig has the one context ${SANDBOX_CONTEXT}; try kubectl config current-context or get-contexts`,
        ),
      );
  }
}

export const configCommand: CommandDef = {
  name: 'config',
  flags: [{ name: 'output', short: 'o', kind: 'string' }],
  help: CONFIG_HELP,
  run,
};
