// Imported first by cli.tsx, so it runs before anything else allocates or compiles.
// A terminal app that redraws a frame on each key press is better served by a small heap than by
// peak speed. Node starts V8 before this file runs, so the flags are set with
// v8.setFlagsFromString, which Node's documentation warns may misbehave after start-up; every
// flag below is read by V8 when it is next needed (a new page, a function to compile), not only
// at start-up. So the flags are set only on the Node versions on which test/unit/memory.test.ts
// runs the CLI with them: on any other version nothing is set (the course works, with a larger
// heap), and V8 cannot print "Error: unrecognized flag" on the learner's terminal.
// What each one buys is measured in bench/README.md.
import { isatty } from 'node:tty';
import { setFlagsFromString } from 'node:v8';
import { setAfterStartUp } from './v8-flags.js';

/** Node majors the flags are proven on (each exists there, and the CLI runs with them silently). */
export const PROVEN_ON: readonly number[] = [20, 22, 24];

/** Always set. */
export const HEAP_FLAGS: readonly string[] = [
  // V8 answers steady allocation by doubling the young generation up to 3 x 16 MiB, which a
  // terminal app never needs: keep the semi-space at its starting size (part of 85 -> 62 MiB).
  '--semi-space-growth-factor=1',
  // Grow the old generation in small steps, so the garbage of a burst of key presses is
  // collected at a few MiB over what is live instead of many (-5 MiB peak).
  '--optimize-for-size',
  // No optimising compiler for yoga's WebAssembly: compiling it cost start-up time and memory
  // (with --no-opt below, -7 MiB peak).
  '--liftoff-only',
];

/**
 * Set on a terminal only: no optimising (-7 MiB with --liftoff-only) or baseline (-1.5 MiB)
 * compiler for JavaScript. Their compile buffers and code cost more memory than the milliseconds a
 * frame they would save (the interpreter draws one in a few). Without a terminal (a script piped
 * into the sandbox, print, lint) there is no frame to draw and the work can be large, so V8 keeps
 * its compilers.
 */
export const TERMINAL_FLAGS: readonly string[] = ['--no-opt', '--no-sparkplug'];

/** The flags for a Node version (`process.versions.node`) and whether stdin and stdout are a terminal. */
export function memoryFlags(nodeVersion: string, terminal: boolean): string[] {
  if (!PROVEN_ON.includes(Number(nodeVersion.split('.')[0]))) return [];
  return terminal ? [...HEAP_FLAGS, ...TERMINAL_FLAGS] : [...HEAP_FLAGS];
}

const flags = memoryFlags(process.versions.node, isatty(0) && isatty(1));
if (flags.length > 0) {
  setFlagsFromString(flags.join(' '));
  for (const flag of flags) setAfterStartUp.push(flag);
}
