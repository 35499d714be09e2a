// Runs a program (the real kubectl, curl, kind, docker) as a child process: no shell in between,
// its output collected as it wrote it, stopped after a time limit.
import { execFile } from 'node:child_process';

export interface ChildRun {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit status; 127 when the program is not there. */
  readonly code: number;
  readonly missing?: boolean;
  readonly timedOut?: boolean;
  /** Stopped by its signal (Ctrl-C). */
  readonly stopped?: boolean;
}

export interface ChildOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly timeoutMs?: number;
  readonly input?: string;
  /** Aborted: the child is stopped (as Ctrl-C would), and its run ends with code 130. */
  readonly signal?: AbortSignal;
}

export function runChild(program: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = execFile(
      program,
      [...args],
      {
        env: options.env ?? process.env,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        timeout: options.timeoutMs ?? 0,
        maxBuffer: 16 * 1024 * 1024,
        killSignal: 'SIGTERM',
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr, code: 0 });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (options.signal?.aborted) return resolve({ stdout, stderr, code: 130, stopped: true });
        if (e.code === 'ENOENT') return resolve({ stdout, stderr, code: 127, missing: true });
        if (e.killed && e.signal) return resolve({ stdout, stderr, code: 124, timedOut: true });
        resolve({ stdout, stderr, code: typeof e.code === 'number' ? e.code : 1 });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
