// `nodeport-lab sandbox` without a terminal: one command per line from stdin, each output
// written as the real tool writes it (stdout and stderr apart); the exit status is the last one's.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { KubectlIO } from '../core/kubectl/index.js';
import { newShell, runLine } from '../core/shell/shell.js';
import { visibleControls } from '../core/visible-controls.js';

/** Virtual time between two scripted commands, as if typed a second apart. */
export const SCRIPT_STEP_MS = 1000;

export async function runScript(
  seed: number,
  io: KubectlIO,
  input: Readable,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let state = newShell(seed);
  let status = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = runLine(state, line, io, SCRIPT_STEP_MS);
    state = result.state;
    for (const chunk of result.output) (chunk.stream === 'stdout' ? out : err)(visibleControls(chunk.text));
    if (result.exitCode !== null) status = result.exitCode;
    if (result.exit) break;
  }
  lines.close();
  return status;
}

/** A seed for a session that did not ask for one: a new cluster each time, as a real one would be. */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);
