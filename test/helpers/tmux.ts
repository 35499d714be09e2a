// The built CLI in a real terminal: tmux on a private socket, keys in, screen out.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { treeCpuSeconds } from './cpu.mjs';
import { callingTestFile, logCost } from './costs.mjs';
import { repoPath } from './fixtures.js';
import { TmuxControl } from './tmux-control.js';
import { tempDir } from './temp.js';

export const CLI = repoPath('dist/cli.js');
/** The same app built with the NODEPORT_LAB_FAULT switch, which the shipped bundle leaves out (tests only). */
export const FAULT_CLI = repoPath('dist/cli-faults.js');

export function tmuxMissing(): string | false {
  const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'tmux is not installed (apt-get install -y tmux)';
  if (!existsSync(CLI)) return 'dist/cli.js is missing (npm run build)';
  return false;
}

let counter = 0;

/**
 * How long a wait for a screen may take before the test gives up: long, since on a loaded 2-core
 * machine a start-up or a child kubectl can take many seconds. Every wait ends as soon as its
 * screen shows; this only bounds a wait for a screen that never comes.
 */
export const WAIT_MS = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long a wait looks again at a screen though the program wrote nothing since: a resize redraws
 * without output, and tmux may draw a moment after the bytes came.
 */
const LOOK_AGAIN_MS = 150;
/**
 * After keys, how long a wait holds off reading the screen while the program has written nothing:
 * a screen read at once is still the one from before the keys (a control client reads within a
 * millisecond of sending them), and a check it happens to meet would pass too early.
 */
const ANSWER_MS = 150;

export class Terminal {
  readonly socket = `npl-${process.pid}-${counter++}`;
  readonly dir = tempDir('npl-term-');
  /** Every byte the program writes to the terminal, appended by tmux from the start. */
  private readonly output = join(this.dir, 'output');
  /** Where `recorded()` starts in `output`. */
  private recordFrom = 0;
  /** The output's size and the time when keys were last sent, until a wait has seen them answered. */
  private sent: { size: number; at: number } | undefined;
  /** The client every later tmux command goes through, once the session is made. */
  private readonly control: TmuxControl | undefined;
  /** The test file that opened this terminal, for the runner's table of costs. */
  private readonly testFile = process.env.NPL_TEST_COSTS ? callingTestFile() : undefined;

  /** Runs `command` in a shell in a fresh window; after it ends the shell records the exit code and tty modes. */
  constructor(command: string, size = { columns: 100, rows: 30 }, env: Record<string, string> = {}) {
    const exports = Object.entries(env)
      .map(([k, v]) => `export ${k}='${v}';`)
      .join(' ');
    const after = `echo "EXIT=$?" > ${this.dir}/exit; stty -a > ${this.dir}/stty; sleep 600`;
    // A learner's terminal: none of the test runner's colour or CI settings.
    const clean = 'unset FORCE_COLOR NO_COLOR CI;';
    // The window starts with the program held back until tmux copies the pane's output to a file:
    // a wait then reads the screen again only when the program wrote something (or after a
    // moment), where looking every few milliseconds forked a tmux client each time.
    const ready = join(this.dir, 'ready');
    this.tmux(
      'new-session',
      '-d',
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      `while [ ! -e ${ready} ]; do sleep 0.01; done; ${clean} ${exports} ${command}; ${after}`,
    );
    // The commands go through one control-mode client instead of a tmux process each: far less
    // CPU. NPL_TMUX_CONTROL=0 (and a tmux before 3.2, which cannot keep the pane's output from the
    // client) forks a tmux process per command instead. Either way a screen read can come before
    // the program has read the keys just sent: a wait's check must match only what those keys bring.
    this.control = process.env.NPL_TMUX_CONTROL === '0' ? undefined : TmuxControl.attach(this.socket, this.dir);
    this.tmux('pipe-pane', '-o', `cat >> ${this.output}`);
    writeFileSync(ready, '');
  }

  /** How many bytes the program has written to the terminal so far. */
  private written(): number {
    try {
      return statSync(this.output).size;
    } catch {
      return 0;
    }
  }

  /** Resolves once the program writes more than `size` bytes, or after `ms`. */
  private async outputAfter(size: number, ms: number): Promise<void> {
    const start = Date.now();
    while (this.written() === size && Date.now() - start < ms) await pause(5);
  }

  /** Runs a tmux command on this terminal's server; returns what it printed. */
  tmux(...args: string[]): string {
    if (this.control && TmuxControl.carries(args)) return this.control.run(args);
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p');
  }

  /** The screen with its escape sequences (colours, bold) kept. */
  styledScreen(): string {
    return this.tmux('capture-pane', '-p', '-e');
  }

  keys(...keys: string[]): void {
    this.sent = { size: this.written(), at: Date.now() };
    this.tmux('send-keys', ...keys);
  }

  /** Resolves once the program has written something since the last keys, or ANSWER_MS after them. */
  private async answered(): Promise<void> {
    const sent = this.sent;
    this.sent = undefined;
    if (sent) await this.outputAfter(sent.size, ANSWER_MS - (Date.now() - sent.at));
  }

  /** Pastes `text` as if from the clipboard, newlines arriving as Enter. */
  paste(text: string): void {
    const file = join(this.dir, `paste-${counter++}`);
    writeFileSync(file, text);
    this.sent = { size: this.written(), at: Date.now() };
    this.tmux('load-buffer', '-b', 'paste', file);
    this.tmux('paste-buffer', '-d', '-b', 'paste');
  }

  /** From now on, every byte the program writes to the terminal is kept; `recorded()` returns them. */
  record(): void {
    this.recordFrom = this.written();
  }

  recorded(): string {
    const length = this.written() - this.recordFrom;
    if (length <= 0) return '';
    const bytes = Buffer.alloc(length);
    const fd = openSync(this.output, 'r');
    try {
      return bytes.subarray(0, readSync(fd, bytes, 0, length, this.recordFrom)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-x', String(columns), '-y', String(rows));
  }

  /** Sends a signal to the program itself (the pane runs a shell; the program is its child). */
  signal(signal: NodeJS.Signals): void {
    const pane = this.tmux('display', '-p', '#{pane_pid}').trim();
    const child = readFileSync(`/proc/${pane}/task/${pane}/children`, 'utf8').trim().split(/\s+/)[0];
    if (!child) throw new Error("the program is not running under the pane's shell");
    process.kill(Number(child), signal);
  }

  /**
   * Waits until the program reads keys one at a time: its terminal is out of canonical mode. Ink
   * turns raw mode on after its first frame, so a key sent as soon as a screen shows can still meet
   * the cooked terminal, where Enter arrives as a newline and Ctrl-C is the kernel's SIGINT.
   */
  async readingKeys(ms = WAIT_MS): Promise<void> {
    const tty = this.tmux('display', '-p', '#{pane_tty}').trim();
    const start = Date.now();
    for (;;) {
      const modes = execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }).split(/\s+/);
      if (modes.includes('-icanon')) return;
      if (Date.now() - start > ms) throw new Error(`the program never took raw keys; the screen was:\n${this.screen()}`);
      await pause(20);
    }
  }

  cursorVisible(): boolean {
    return this.tmux('display', '-p', '#{cursor_flag}').trim() === '1';
  }

  async waitFor(check: (screen: string) => boolean, ms = WAIT_MS): Promise<string> {
    const start = Date.now();
    await this.answered();
    for (;;) {
      const before = this.written();
      const screen = this.screen();
      if (check(screen)) return screen;
      if (Date.now() - start > ms) throw new Error(`timed out; the screen was:\n${screen}`);
      await this.outputAfter(before, LOOK_AGAIN_MS);
    }
  }

  /** Waits for the CLI to end; returns its exit code and the terminal's modes after it. */
  async exited(ms = WAIT_MS): Promise<{ code: number; stty: string }> {
    const exitFile = join(this.dir, 'exit');
    const sttyFile = join(this.dir, 'stty');
    const start = Date.now();
    const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    while (read(exitFile) === '' || read(sttyFile) === '') {
      if (Date.now() - start > ms) throw new Error(`the program did not exit; the screen was:\n${this.screen()}`);
      await pause(20);
    }
    const code = Number(/EXIT=(\d+)/.exec(read(exitFile))?.[1]);
    return { code, stty: read(sttyFile) };
  }

  close(): void {
    try {
      if (process.env.NPL_TEST_COSTS) {
        // The tmux server left the test's process tree when it started: its CPU, and that of the
        // program it ran, is counted here or nowhere.
        const server = Number(this.tmux('display', '-p', '#{pid}').trim());
        logCost({ kind: 'tmux', file: this.testFile, cpu: treeCpuSeconds(server) });
      }
      this.control?.close();
      execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', 'kill-server']);
    } catch {
      // already gone
    }
  }
}

/** The tty modes a usable shell needs back: echo on, canonical input on. */
/**
 * Ink clears the whole terminal, scrollback included, whenever a frame is as tall as the window
 * or taller: the one sign, in the bytes written, that a frame did not fit.
 */
export const CLEAR_TERMINAL = '\u001B[2J\u001B[3J\u001B[H';

export function saneModes(stty: string): boolean {
  const words = stty.split(/\s+/);
  return words.includes('echo') && words.includes('icanon');
}
