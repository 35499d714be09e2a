// A scripted sandbox's standard input and output, read and written on their file descriptors.
// process.stdin, stdout and stderr are streams: for a pipe, the first use of each loads Node's
// net and stream modules (some thirty of them, each compiled on load), a sixth of a one-line
// script's start-up. The descriptors are used directly, and the streams only where a descriptor
// cannot be: one left non-blocking by another process (EAGAIN), whose rest goes through the stream.
import { read, writeSync } from './node-fs.js';

const CHUNK = 64 * 1024;

/** Standard input as it arrives, until its end. */
export async function* standardInput(): AsyncGenerator<Buffer> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let length: number;
    try {
      length = await new Promise<number>((resolve, reject) => read(0, buffer, 0, CHUNK, null, (error, n) => (error ? reject(error) : resolve(n))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      yield* process.stdin as AsyncIterable<Buffer>;
      return;
    }
    if (length === 0) return;
    yield buffer.subarray(0, length);
  }
}

/** Writes to standard output (1) or error (2) as the text comes; a reader that is gone ends the process quietly, as Unix tools do. */
export function writerTo(fd: 1 | 2): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  return (text) => {
    if (stream) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0);
      if (code !== 'EAGAIN') throw error;
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', (failure: NodeJS.ErrnoException) => {
        if (failure.code !== 'EPIPE') throw failure;
        process.exit(0);
      });
      tookOver.push(stream);
      stream.write(bytes.subarray(written));
    }
  };
}

/** The streams that took over a descriptor, which must drain before the process ends. */
const tookOver: NodeJS.WriteStream[] = [];

/** Resolves once everything written has left the process. */
export async function written(): Promise<void> {
  for (const stream of tookOver) {
    if (stream.writableLength > 0) await new Promise<void>((resolve) => stream.write('', () => resolve()));
  }
}
