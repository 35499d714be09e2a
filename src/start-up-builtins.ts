// The two Node modules the start-up path uses, taken through CommonJS `require`. Imported as ES
// modules, node:fs and node:util build their module face by reading every export, and some of
// those exports load Node's streams, readline and MIME parser on first read: a tenth of Node's
// own start-up spent before --help answers. `require` hands over the object without reading it.
import { createRequire } from 'node:module';
import type * as Fs from 'node:fs';
import type * as Tty from 'node:tty';
import type * as Util from 'node:util';

const nodeRequire = createRequire(import.meta.url);

export const { fstatSync, writeSync } = nodeRequire('node:fs') as typeof Fs;
export const { parseArgs } = nodeRequire('node:util') as typeof Util;
/**
 * Whether a file descriptor is a terminal. A file or a pipe is told apart by its type, since
 * node:tty loads node:net and Node's streams (process.stdin.isTTY would build the stream itself).
 */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (nodeRequire('node:tty') as typeof Tty).isatty(fd);
}

/**
 * Node 22.1 and later keep the code they compile from the bundle in a cache (Node's own folder,
 * or NODE_COMPILE_CACHE), so the next start reads it instead of parsing again. Node 20 has no
 * such cache; an unwritable folder only leaves it off. Nothing here may fail a command.
 */
export function enableCompileCache(): void {
  try {
    (nodeRequire('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // no cache: the code is compiled as without one
  }
}

/** --help and --version: written straight to file descriptor 1, without building process.stdout. */
export function answer(text: string): number {
  const bytes = Buffer.from(`${text}\n`);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A reader that is gone is no error; a pipe left non-blocking and full takes the rest the usual way.
    if (code === 'EAGAIN') process.stdout.write(bytes.subarray(written));
    else if (code !== 'EPIPE') throw error;
  }
  return 0;
}
