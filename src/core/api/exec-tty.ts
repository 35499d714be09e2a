// `kubectl exec -it POD -- sh` from a real terminal against the lab: kubectl puts the terminal in
// raw mode and sends each key as it is typed; the container's side is a pseudo-terminal, whose
// line discipline echoes the keys, erases with backspace, turns Ctrl-C into "^C" and a new prompt
// and Enter into CR LF, and the shell runs each line. Output goes back with LF as CR LF (onlcr),
// stderr merged into it, as a tty merges them. dash prompts `# ` as root and numbers its errors by
// the lines it has read; bash prompts `root@POD:/# ` and says `exit` as it leaves. Ctrl-D on an
// empty line, `exit`, or the end of stdin ends it with the last command's status.

import { findPod, type Cluster } from '../cluster/index.js';
import { runScript } from '../kubectl/container-shell.js';
import type { StdinStep } from './exec-stdin.js';
import { exitStatus } from './exec.js';

/** A line longer than this is not taken further (a terminal's canonical mode holds 4096). */
const MAX_LINE = 4096;

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export class TtyShell {
  private line = '';
  private lines = 0;
  private status = 0;
  private done = false;
  private escape = false;

  constructor(
    private readonly namespace: string,
    private readonly pod: string,
    private readonly command: readonly string[],
  ) {}

  private get bash(): boolean {
    const program = this.command[0] ?? '';
    return program.slice(program.lastIndexOf('/') + 1) === 'bash';
  }

  private get shell(): string {
    return this.bash ? 'bash' : 'sh';
  }

  private prompt(): string {
    return this.bash ? `root@${this.pod}:/# ` : '# ';
  }

  /** What the terminal shows as the shell starts: its prompt. */
  start(cluster: Cluster): StdinStep {
    return { cluster, stdout: this.prompt(), stderr: '' };
  }

  /** Keys from the learner's terminal (channel 0), raw. */
  input(cluster: Cluster, keys: string): StdinStep {
    let current = cluster;
    let out = '';
    for (const key of keys) {
      if (this.done) break;
      // Arrow keys and the like: dash has no line editing; they are dropped here.
      if (this.escape) {
        if (/[A-Za-z~]/.test(key)) this.escape = false;
        continue;
      }
      if (key === '\u001b') {
        this.escape = true;
        continue;
      }
      if (key === '\r' || key === '\n') {
        out += '\r\n';
        const step = this.run(current, this.line);
        this.line = '';
        current = step.cluster;
        out += step.stdout;
        if (step.ended) return { cluster: current, stdout: out, stderr: '', ended: step.ended };
        out += this.prompt();
      } else if (key === '\u007f' || key === '\b') {
        if (this.line !== '') {
          this.line = this.line.slice(0, -1);
          out += '\b \b';
        }
      } else if (key === '\u0003') {
        this.line = '';
        this.status = 130;
        out += `^C\r\n${this.prompt()}`;
      } else if (key === '\u0015') {
        out += '\b \b'.repeat(this.line.length);
        this.line = '';
      } else if (key === '\u0004') {
        if (this.line === '') return { cluster: current, stdout: out + (this.bash ? 'exit\r\n' : ''), stderr: '', ended: this.end() };
      } else if (key >= ' ' && this.line.length < MAX_LINE) {
        this.line += key;
        out += key;
      }
    }
    return { cluster: current, stdout: out, stderr: '' };
  }

  /** stdin closed: the shell reads its end and exits. */
  endOfInput(cluster: Cluster): StdinStep {
    if (this.done) return { cluster, stdout: '', stderr: '' };
    return { cluster, stdout: '', stderr: '', ended: this.end() };
  }

  private end(code = this.status): ReturnType<typeof exitStatus> {
    this.done = true;
    return exitStatus(this.command, code);
  }

  private run(cluster: Cluster, text: string): StdinStep {
    this.lines++;
    const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(text);
    if (exit) return { cluster, stdout: this.bash ? 'exit\r\n' : '', stderr: '', ended: this.end(exit[1] !== undefined ? Number(exit[1]) % 256 : this.status) };
    if (text.trim() === '') return { cluster, stdout: '', stderr: '' };
    const pod = findPod(cluster, this.pod, this.namespace);
    if (!pod) return { cluster, stdout: '', stderr: '', ended: this.end(137) };
    const r = runScript(cluster, pod, text, this.shell);
    this.status = r.exitCode;
    // dash numbers an interactive error by the lines it has read; runScript numbers a one-line script's as 1.
    const stderr = this.bash ? r.stderr : r.stderr.replace(/^sh: 1: /gm, `sh: ${this.lines}: `);
    return { cluster: r.cluster, stdout: crlf(r.stdout + stderr), stderr: '' };
  }
}
