// `kubectl exec -i POD -- sh` against the lab: the container's shell reads its script from stdin,
// one line at a time as the lines arrive, and ends at `exit` or when stdin closes (dash then exits
// with the last command's status). Errors name the line they came from, as dash's do when it reads
// a script (`sh: 2: nosuch: not found`). Programs that read stdin (cat, grep, wc, head...) are fed
// all of it once it closes; any other program runs at once, as it would not wait for stdin.

import { findPod, type Cluster, type Pod } from '../cluster/index.js';
import { runScript } from '../kubectl/container-shell.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { exitStatus, ranInPod } from './exec.js';

/** What one piece of stdin (or its end) made the program write, and the Status once it ended. */
export interface StdinStep {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly ended?: { readonly [key: string]: JsonValue };
}

const SHELLS = ['sh', 'bash', 'dash'];
const READS_STDIN = ['cat', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'tee', 'tr'];
/** Stdin gathered for a program that reads it all is capped: more is dropped, as a full pipe would stall. */
const MAX_STDIN = 1024 * 1024;
/** The longest script line held while its end has not come. */
const MAX_LINE = 64 * 1024;

const programName = (command: readonly string[]): string => {
  const program = command[0] ?? '';
  return program.slice(program.lastIndexOf('/') + 1);
};

/** Whether the program waits for stdin (a shell reading its script, or a filter); others run at once. */
export function readsStdin(command: readonly string[]): boolean {
  const name = programName(command);
  if (SHELLS.includes(name)) return command.length === 1 || (command.length === 2 && command[1] === '-s');
  return READS_STDIN.includes(name) && !command.slice(1).some((a, i) => !a.startsWith('-') && (name !== 'grep' || i > 0));
}

export class StdinProgram {
  private pending = '';
  private line = 0;
  private status = 0;
  private gathered = '';
  private done = false;

  constructor(
    private readonly namespace: string,
    private readonly pod: string,
    private readonly command: readonly string[],
  ) {}

  private get shell(): string | undefined {
    const name = programName(this.command);
    return SHELLS.includes(name) ? name : undefined;
  }

  /** Bytes on stdin (channel 0). */
  input(cluster: Cluster, text: string): StdinStep {
    if (this.done) return { cluster, stdout: '', stderr: '' };
    if (this.shell === undefined) {
      if (this.gathered.length < MAX_STDIN) this.gathered += text.slice(0, MAX_STDIN - this.gathered.length);
      return { cluster, stdout: '', stderr: '' };
    }
    // A line without its end is held up to a cap; past it the rest of that line is dropped.
    this.pending += this.pending.length < MAX_LINE || text.includes('\n') ? text : '';
    if (this.pending.length > MAX_LINE && !this.pending.includes('\n')) this.pending = this.pending.slice(0, MAX_LINE);
    return this.runLines(cluster, false);
  }

  /** Stdin closed (v5's close signal for channel 0): the program reads its end and exits. */
  endOfInput(cluster: Cluster): StdinStep {
    if (this.done) return { cluster, stdout: '', stderr: '' };
    if (this.shell !== undefined) {
      const last = this.runLines(cluster, true);
      if (last.ended) return last;
      this.done = true;
      return { ...last, ended: exitStatus(this.command, this.status) };
    }
    this.done = true;
    const pod = findPod(cluster, this.pod, this.namespace);
    if (!pod) return this.gone(cluster);
    const r = ranInPod(cluster, pod, this.command, this.gathered);
    return { cluster: r.cluster, stdout: r.stdout, stderr: r.stderr, ended: r.status };
  }

  private gone(cluster: Cluster): StdinStep {
    this.done = true;
    return { cluster, stdout: '', stderr: '', ended: exitStatus(this.command, 137) };
  }

  private runLines(cluster: Cluster, all: boolean): StdinStep {
    let current = cluster;
    let stdout = '';
    let stderr = '';
    const shell = this.shell ?? 'sh';
    for (;;) {
      const end = this.pending.indexOf('\n');
      if (end < 0 && !(all && this.pending !== '')) break;
      const text = end < 0 ? this.pending : this.pending.slice(0, end);
      this.pending = end < 0 ? '' : this.pending.slice(end + 1);
      this.line++;
      const pod: Pod | undefined = findPod(current, this.pod, this.namespace);
      if (!pod) return { ...this.gone(current), stdout, stderr };
      const r = runScript(current, pod, text, shell);
      current = r.cluster;
      stdout += r.stdout;
      // runScript numbers a one-line script's errors as line 1; this one is line N of the script.
      stderr += r.stderr.replace(new RegExp(`^${shell}: 1: `, 'gm'), `${shell}: ${this.line}: `);
      this.status = r.exitCode;
      if (/(^|;|&&|\|\|)\s*exit(\s+\d+)?\s*$/.test(text.trim()) || / Syntax error: /.test(r.stderr)) {
        // `exit`, or a syntax error, which ends a script dash reads from stdin.
        this.done = true;
        return { cluster: current, stdout, stderr, ended: exitStatus(this.command, r.exitCode) };
      }
    }
    return { cluster: current, stdout, stderr };
  }
}
