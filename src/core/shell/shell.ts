// The sandbox shell: one line in, the output of what it ran out, over a simulated cluster.
// It knows kubectl, curl, trace, iptables-save, firewall and a few shell words; everything else
// is "command not found".
import { advanceClock, createCluster, type Cluster } from '../cluster/index.js';
import { runKubectl, splitShellWords, type KubectlIO } from '../kubectl/index.js';
import { runInsideContainer } from './inside.js';
import { curl } from './curl.js';
import { shellHelp, type FolderAccess } from './help.js';
import { portForward, type PortForward } from './port-forward.js';
import { firewallCommand, iptablesSaveCommand, traceCommand } from './network.js';
import { cat } from './cat.js';
import { folderFiles } from './folder.js';
import { ls } from './ls.js';
import { missingTool } from './missing-tools.js';
import { smallest } from '../append.js';
import { chunksOf, type CommandResult, type OutputChunk, type RequestRecord } from './result.js';

export interface ShellState {
  readonly seed: number;
  readonly cluster: Cluster;
  /** The last HISTORY_SIZE lines run, oldest first, as `history` prints them. */
  readonly history: readonly string[];
  /** How many earlier lines fell out of `history`, so its numbers go on counting as bash's do. */
  readonly forgotten?: number;
  /** Inside a container's shell (`kubectl exec -it POD -- sh`): lines run there until `exit`. */
  readonly inside?: { readonly pod: string; readonly shell: 'sh' | 'bash'; readonly namespace?: string };
  /** The running `kubectl port-forward`, answering curl on localhost until Ctrl-C or the next one. */
  readonly portForward?: PortForward;
}

/** Ctrl-C ends a running port-forward (the sandbox keeps at most one). */
export function stopPortForward(state: ShellState): ShellState {
  if (!state.portForward) return state;
  const { portForward: _stopped, ...rest } = state;
  void _stopped;
  return rest;
}

/** The prompt the shell shows: the laptop's `$ `, or the container's root `# `. */
export function promptOf(state: ShellState): string {
  return state.inside ? '# ' : '$ ';
}

/** bash's default HISTSIZE: a long session keeps its last 500 commands, not all of them. */
export const HISTORY_SIZE = 500;

function remember(state: ShellState, text: string): Pick<ShellState, 'history' | 'forgotten'> {
  const all = [...state.history, text];
  const drop = Math.max(0, all.length - HISTORY_SIZE);
  return { history: drop ? all.slice(drop) : all, forgotten: (state.forgotten ?? 0) + drop };
}

export interface LineResult {
  readonly state: ShellState;
  readonly stdout: string;
  readonly stderr: string;
  /** Both streams in the order a terminal shows them. */
  readonly output: readonly OutputChunk[];
  /** For curl: the service the request went through and how it ended. */
  readonly request?: RequestRecord;
  /** The exit status, or null for a line that ran nothing (blank or a comment). */
  readonly exitCode: number | null;
  /** The screen should be cleared (`clear`). */
  readonly clear?: boolean;
  /** The learner asked to leave (`exit`). */
  readonly exit?: boolean;
}

export function newShell(seed: number): ShellState {
  return { seed, cluster: createCluster({ seed }), history: [] };
}

/** Longest line the shell accepts; a longer one is refused rather than parsed. */
export const MAX_LINE = 4096;

/**
 * Runs one line. `elapsedMs` is the time since the previous line (the learner's thinking time on
 * a terminal, a fixed step in a script): the cluster's clock moves on by it first.
 */
export function runLine(state: ShellState, line: string, io: KubectlIO, elapsedMs: number): LineResult {
  const result = guarded(state, line, io, elapsedMs);
  return { ...result, output: chunksOf(result) };
}

/** Every command as kubectl is: a bug in the simulator becomes an error line, the cluster as it was. */
function guarded(state: ShellState, line: string, io: KubectlIO, elapsedMs: number): Ran {
  try {
    return runCommand(state, line, io, elapsedMs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const command = /^\S{1,64}/.exec(line.trim())?.[0] ?? 'nodeport-lab';
    return { state, stdout: '', stderr: `${command}: internal error in the simulated cluster: ${message}\n`, exitCode: 1 };
  }
}

type Ran = Omit<LineResult, 'output'> & Pick<CommandResult, 'output'>;

function runCommand(state: ShellState, line: string, io: KubectlIO, elapsedMs: number): Ran {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { state, stdout: '', stderr: '', exitCode: null };
  if (text.length > MAX_LINE) {
    return { state, stdout: '', stderr: `nodeport-lab: line too long (${text.length} characters; at most ${MAX_LINE})\n`, exitCode: 2 };
  }
  const control = [...text].some((ch) => ch < ' ' && ch !== '\t');
  if (control) return { state, stdout: '', stderr: 'nodeport-lab: control characters are not allowed in a command\n', exitCode: 2 };

  const ticked: ShellState = { ...state, cluster: advanceClock(state.cluster, Math.max(0, elapsedMs)), ...remember(state, text) };
  if (ticked.inside) return runInsideContainer(ticked, text);
  const split = splitShellWords(text);
  if (!split.ok) return { state: ticked, stdout: '', stderr: `nodeport-lab: ${split.error}\n`, exitCode: 2 };
  const [command = '', ...args] = split.words;
  const withCluster = (result: CommandResult): Ran => ({
    state: { ...ticked, cluster: result.cluster },
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    ...(result.output ? { output: result.output } : {}),
    ...(result.request ? { request: result.request } : {}),
  });

  if (/[|<>;&`$]/.test(text.replace(/'[^']*'|"[^"]*"/g, ''))) {
    return {
      state: ticked,
      stdout: '',
      stderr: 'nodeport-lab: pipes, redirections and variables are not part of this sandbox; run one command at a time\n',
      exitCode: 2,
    };
  }
  switch (command) {
    case 'kubectl':
    case 'k': {
      if (args[0] === 'port-forward') {
        const forwarded = portForward(ticked.cluster, args.slice(1));
        const ran = withCluster(forwarded.result);
        if (!forwarded.forward) return ran;
        return { ...ran, state: { ...ran.state, portForward: forwarded.forward } };
      }
      const result = runKubectl(ticked.cluster, args, io);
      const ran = withCluster(result);
      return result.interactive ? { ...ran, state: { ...ran.state, inside: result.interactive } } : ran;
    }
    case 'curl':
      return withCluster(curl(ticked.cluster, args, { ...(ticked.portForward ? { forward: ticked.portForward } : {}) }));
    case 'trace':
      return withCluster(traceCommand(ticked.cluster, args));
    case 'iptables-save':
      return withCluster(iptablesSaveCommand(ticked.cluster, args));
    case 'firewall':
      return withCluster(firewallCommand(ticked.cluster, args));
    case 'nodes':
      return withCluster(runKubectl(ticked.cluster, ['get', 'nodes', '-o', 'wide'], io));
    case 'help':
      return { state: ticked, stdout: shellHelp(io as KubectlIO & FolderAccess), stderr: '', exitCode: 0 };
    case 'history':
      return {
        state: ticked,
        stdout: ticked.history.map((h, i) => `${String((ticked.forgotten ?? 0) + i + 1).padStart(5)}  ${h}\n`).join(''),
        stderr: '',
        exitCode: 0,
      };
    case 'reset': {
      const fresh = newShell(state.seed);
      return {
        state: { ...fresh, history: ticked.history, forgotten: ticked.forgotten ?? 0 },
        stdout: 'The cluster is back as it was at the start: no pods, no services but kubernetes.\n',
        stderr: '',
        exitCode: 0,
      };
    }
    case 'ls':
    case 'cat': {
      const files = folderFiles(io);
      const modified = smallest(
        ticked.cluster.nodes.map((n) => n.metadata.creationTimestamp),
        ticked.cluster.now,
      );
      const { columns, piped } = io as KubectlIO & FolderAccess;
      const ran = command === 'ls' ? ls(files, args, modified, piped ? 'pipe' : columns) : cat(files, args);
      const text = (stream: 'stdout' | 'stderr') =>
        ran.output
          .filter((c) => c.stream === stream)
          .map((c) => c.text)
          .join('');
      return { state: ticked, stdout: text('stdout'), stderr: text('stderr'), exitCode: ran.exitCode, output: ran.output };
    }
    case 'clear':
      return { state: ticked, stdout: '', stderr: '', exitCode: 0, clear: true };
    case 'exit':
    case 'logout':
      return { state: ticked, stdout: '', stderr: '', exitCode: 0, exit: true };
    case 'sleep': {
      const seconds = Number(args[0]);
      if (args.length !== 1 || !Number.isFinite(seconds) || seconds < 0) {
        return { state: ticked, stdout: '', stderr: 'sleep: usage: sleep SECONDS\n', exitCode: 1 };
      }
      return { state: { ...ticked, cluster: advanceClock(ticked.cluster, seconds * 1000) }, stdout: '', stderr: '', exitCode: 0 };
    }
    default: {
      const missing = missingTool(command);
      if (missing) return { state: ticked, stdout: '', stderr: missing, exitCode: 127 };
      return { state: ticked, stdout: '', stderr: `${command}: command not found (type help for what this sandbox runs)\n`, exitCode: 127 };
    }
  }
}
