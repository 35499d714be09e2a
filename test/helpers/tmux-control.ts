// One tmux client in control mode (tmux -C) per test terminal, spoken to through two named pipes:
// a command is a line written to it, its answer the lines between %begin and %end (or %error).
// The reads and writes block, so the terminal helper keeps its plain synchronous calls; what it
// saves is a process per call: a test sends hundreds of keys and reads the screen hundreds of
// times, and each fork of the test process cost it 10-20 ms of CPU.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A tmux command line of `args`, each quoted whole: single quotes, a quote inside as '"'"'. */
function quote(args: readonly string[]): string {
  return args.map((arg) => `'${arg.replaceAll("'", `'"'"'`)}'`).join(' ');
}

export class TmuxControl {
  private readonly input: number;
  private readonly output: number;
  /** Bytes read from the client and not yet taken as lines. */
  private pending = '';
  private closed = false;

  /** Attaches a control client to the only session on `socket`; `dir` holds its two pipes. */
  constructor(socket: string, dir: string) {
    const toTmux = join(dir, 'control-in');
    const fromTmux = join(dir, 'control-out');
    execFileSync('mkfifo', [toTmux, fromTmux]);
    // The shell opens the command pipe first, then the answer pipe; this side opens them in the
    // same order, so neither waits on the other.
    const client = spawn('sh', ['-c', `exec tmux -L ${socket} -f /dev/null -C attach < ${toTmux} > ${fromTmux}`], { stdio: 'ignore' });
    client.unref();
    this.input = openSync(toTmux, 'w');
    this.output = openSync(fromTmux, 'r');
    // Attached once the session is announced; from then on the pane's output is not sent here.
    while (!this.line().startsWith('%session-changed')) {
      // the attach command's own answer, and any output before it
    }
    try {
      this.run(['refresh-client', '-f', 'no-output']);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /**
   * A client attached to the session on `socket`, or undefined where this tmux cannot be one
   * (before 3.2 there is no way to keep the pane's output from it): then each command forks.
   */
  static attach(socket: string, dir: string): TmuxControl | undefined {
    try {
      return new TmuxControl(socket, dir);
    } catch {
      return undefined;
    }
  }

  /** The next line from the client, waiting for it. */
  private line(): string {
    const buffer = Buffer.alloc(65_536);
    for (;;) {
      const end = this.pending.indexOf('\n');
      if (end >= 0) {
        const line = this.pending.slice(0, end);
        this.pending = this.pending.slice(end + 1);
        return line;
      }
      const read = readSync(this.output, buffer, 0, buffer.length, null);
      if (read === 0) throw new Error('the tmux control client ended');
      this.pending += buffer.subarray(0, read).toString('utf8');
    }
  }

  /** Runs one tmux command; returns what it printed, each line ended by a newline, as `tmux` run alone prints it. */
  run(args: readonly string[]): string {
    if (this.closed) throw new Error('the tmux control client is closed');
    writeSync(this.input, `${quote(args)}\n`);
    // Lines outside a block are notifications (a window made, a layout changed): not ours.
    let begin: RegExpExecArray | null = null;
    while (!begin) begin = /^%begin (\d+) (\d+) 1$/.exec(this.line());
    const [, time, number] = begin;
    const lines: string[] = [];
    for (;;) {
      const line = this.line();
      if (line === `%end ${time} ${number} 1`) return lines.map((l) => `${l}\n`).join('');
      if (line === `%error ${time} ${number} 1`) throw new Error(`tmux ${args.join(' ')}: ${lines.join('\n')}`);
      lines.push(line);
    }
  }

  /** Whether `args` can go through this client: a line of text each, no newline or NUL inside. */
  static carries(args: readonly string[]): boolean {
    return args.every((arg) => !/[\n\r\0]/.test(arg));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.input);
    closeSync(this.output);
  }
}
