// `kubectl ARGS...` over a simulated cluster: text in, text out, never a throw.

import { reconcileWorkloads, type Cluster } from '../cluster/index.js';
import { annotateCommand } from './annotate.js';
import { applyCommand } from './apply.js';
import { apiVersionsCommand } from './api-versions.js';
import { configCommand } from './config.js';
import type { CommandDef, KubectlIO, KubectlResult } from './command.js';
import { fail } from './command.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { describeCommand } from './describe.js';
import { clientError, flagError } from './errors.js';
import { execCommand } from './exec.js';
import { explainCommand } from './explain.js';
import { exposeCommand } from './expose.js';
import { GLOBAL_FLAGS, flagBool, parseArgs } from './flags.js';
import { getCommand } from './get.js';
import { SET_IMAGE_HELP, SET_SELECTOR_HELP } from './set-and-forward-help.js';
import { CREATE_SERVICE_CLUSTERIP_HELP, CREATE_SERVICE_HELP, CREATE_SERVICE_LOADBALANCER_HELP, CREATE_SERVICE_NODEPORT_HELP, ROOT_HELP } from './help.js';
import { labelCommand } from './label.js';
import { logsCommand } from './logs.js';
import { runCommand } from './run.js';
import { rolloutCommand } from './rollout.js';
import { scaleCommand } from './scale.js';
import { setCommand } from './set-image.js';
import { waitCommand } from './wait.js';
import { apiResourcesCommand } from './api-resources.js';
import { patchCommand } from './patch.js';
import { replaceCommand } from './replace.js';
import { requestNamespace } from './namespace.js';
import { KUBECTL_COMMANDS, unknownCommandMessage } from './suggestions.js';
import { clusterInfoCommand, versionCommand } from './version.js';

export const COMMANDS: readonly CommandDef[] = [
  getCommand,
  describeCommand,
  runCommand,
  exposeCommand,
  createCommand,
  applyCommand,
  deleteCommand,
  logsCommand,
  execCommand,
  labelCommand,
  explainCommand,
  versionCommand,
  clusterInfoCommand,
  scaleCommand,
  setCommand,
  rolloutCommand,
  waitCommand,
  apiResourcesCommand,
  patchCommand,
  annotateCommand,
  apiVersionsCommand,
  configCommand,
  replaceCommand,
];

/** What the simulator answers for `kubectl edit`: there is no editor, and two ways that work. */
const EDIT_MESSAGE =
  'error: this sandbox has no text editor for "kubectl edit"; change a live object with kubectl patch (for example kubectl patch svc NAME -p \'{"spec":{"type":"NodePort"}}\') or change its manifest and run kubectl apply -f FILE\n';

const SERVICE_SUBCOMMAND_HELP: Readonly<Record<string, string>> = {
  clusterip: CREATE_SERVICE_CLUSTERIP_HELP,
  nodeport: CREATE_SERVICE_NODEPORT_HELP,
  loadbalancer: CREATE_SERVICE_LOADBALANCER_HELP,
};

/** Index of the command word, skipping global flags (and their values) in front of it. */
export function commandIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (arg.includes('=')) continue;
    const name = arg.replace(/^--?/, '');
    const spec = GLOBAL_FLAGS.find((f) => (arg.startsWith('--') ? f.name === name : f.short === name));
    if (spec && spec.kind !== 'bool') i++;
  }
  return -1;
}

function commandPath(def: CommandDef, positional: readonly string[]): string {
  if (def.name === 'create' && (positional[0] === 'service' || positional[0] === 'svc')) {
    const sub = positional[1];
    return sub && SERVICE_SUBCOMMAND_HELP[sub] ? `kubectl create service ${sub}` : 'kubectl create service';
  }
  return `kubectl ${def.name}`;
}

function helpFor(def: CommandDef, positional: readonly string[]): string {
  if (def.name === 'create' && (positional[0] === 'service' || positional[0] === 'svc')) {
    return SERVICE_SUBCOMMAND_HELP[positional[1] ?? ''] ?? CREATE_SERVICE_HELP;
  }
  if (def.name === 'set' && positional[0] === 'image') return SET_IMAGE_HELP;
  if (def.name === 'set' && positional[0] === 'selector') return SET_SELECTOR_HELP;
  return def.help;
}

function dispatch(cluster: Cluster, args: readonly string[], io: KubectlIO): KubectlResult {
  const at = commandIndex(args);
  if (at < 0) {
    const globals = parseArgs(args, []);
    if (!globals.ok) return fail(cluster, flagError('kubectl', globals.error));
    return { cluster, stdout: ROOT_HELP, stderr: '', exitCode: 0 };
  }
  const name = args[at] ?? '';
  const rest = [...args.slice(0, at), ...args.slice(at + 1)];
  if (name === 'help') {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    return { cluster, stdout: target ? target.help : ROOT_HELP, stderr: '', exitCode: 0 };
  }
  const def = COMMANDS.find((c) => c.name === name);
  if (!def) {
    if (name === 'edit') return fail(cluster, EDIT_MESSAGE);
    if (KUBECTL_COMMANDS.includes(name)) {
      const known = COMMANDS.map((c) => c.name).filter((n) => n !== 'version' && n !== 'cluster-info');
      return fail(
        cluster,
        clientError(`"kubectl ${name}" is not part of this simulated cluster; try ${known.slice(0, -1).join(', ')} or ${known[known.length - 1] ?? 'get'}`),
      );
    }
    return fail(cluster, unknownCommandMessage(name));
  }
  const parsed = parseArgs(rest, def.flags);
  if (!parsed.ok) {
    const positional = rest.filter((a) => !a.startsWith('-'));
    return fail(cluster, flagError(commandPath(def, positional), parsed.error));
  }
  if (flagBool(parsed.parsed, 'help')) return { cluster, stdout: helpFor(def, parsed.parsed.positional), stderr: '', exitCode: 0 };
  return def.run({ cluster, io, parsed: parsed.parsed, path: commandPath(def, parsed.parsed.positional), namespace: requestNamespace(parsed.parsed, io) });
}

/** Runs one kubectl command line (the words after `kubectl`). */
export function runKubectl(cluster: Cluster, args: readonly string[], io: KubectlIO): KubectlResult {
  try {
    const result = dispatch(cluster, args, io);
    // The controllers act on what the command changed (a deleted pod of a ReplicaSet comes back).
    const settled = result.cluster === cluster ? cluster : reconcileWorkloads(result.cluster);
    return settled === result.cluster ? result : { ...result, cluster: settled };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(cluster, clientError(`internal error in the simulated cluster: ${message}`));
  }
}
