// `nodeport-lab sandbox` without a terminal: one command per line from stdin, each output
// written as the real tool writes it (stdout and stderr apart); the exit status is the last one's.
import type { KubectlIO } from '../core/kubectl/index.js';
import { MAX_LINE, newShell, runLine } from '../core/shell/shell.js';
import { cappedLines } from './capped-lines.js';
import { visibleControls } from '../core/visible-controls.js';

/** Virtual time between two scripted commands, as if typed a second apart. */
export const SCRIPT_STEP_MS = 1000;

export async function runScript(
  seed: number,
  io: KubectlIO,
  input: AsyncIterable<string | Buffer> | Iterable<string>,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let state = newShell(seed);
  let status = 0;
  for await (const { text: line, tooLong } of cappedLines(input, MAX_LINE)) {
    if (tooLong) {
      err(`nodeport-lab: line too long (more than ${MAX_LINE} characters)\n`);
      status = 2;
      continue;
    }
    const result = runLine(state, line, io, SCRIPT_STEP_MS);
    state = result.state;
    for (const chunk of result.output) (chunk.stream === 'stdout' ? out : err)(visibleControls(chunk.text));
    if (result.exitCode !== null) status = result.exitCode;
    if (result.exit) break;
  }
  return status;
}

/** A seed for a session that did not ask for one: a new cluster each time, as a real one would be. */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);
