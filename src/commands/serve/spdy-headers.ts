// SPDY/3 header blocks are compressed with zlib and the SPDY dictionary, one zlib stream per
// direction for the whole connection: each block is the next piece of that stream, ended by a
// sync flush (spdystream's Framer keeps one compressor and one decompressor per connection).
// Node's zlib streams keep that context; their work is asynchronous, so each side runs one block
// at a time, in the order they were given. A block that inflates past the cap ends the reading.

import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY_DICTIONARY } from './spdy-dictionary.js';

export type Inflated = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly why: string };

/** Writes `input` into the zlib stream, flushes it, and gathers what came out (at most `cap` bytes). */
function step(stream: Deflate | Inflate, input: Buffer, cap: number): Promise<Inflated> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Inflated): void => {
      if (done) return;
      done = true;
      stream.off('data', onData);
      stream.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > cap) {
        finish({ ok: false, why: `a header block over ${cap} bytes` });
        stream.destroy();
        return;
      }
      parts.push(chunk);
    };
    const onError = (error: Error): void => finish({ ok: false, why: error.message });
    stream.on('data', onData);
    stream.on('error', onError);
    if (stream.destroyed) return finish({ ok: false, why: 'the header stream is closed' });
    stream.write(input);
    stream.flush(constants.Z_SYNC_FLUSH, () => finish({ ok: true, bytes: Buffer.concat(parts) }));
  });
}

/** One direction's zlib context: blocks go in one at a time, in order. */
class HeaderZlib {
  private queue: Promise<unknown> = Promise.resolve();
  private broken: string | undefined;

  constructor(
    private readonly stream: Deflate | Inflate,
    private readonly cap: number,
  ) {
    // A stream that failed says so to the block that failed it; nothing is thrown after that.
    stream.on('error', (error: Error) => (this.broken ??= error.message));
  }

  run(input: Buffer): Promise<Inflated> {
    const next = this.queue.then(async (): Promise<Inflated> => {
      if (this.broken !== undefined) return { ok: false, why: this.broken };
      const result = await step(this.stream, input, this.cap);
      if (!result.ok) this.broken ??= result.why;
      return result;
    });
    this.queue = next;
    return next;
  }

  close(): void {
    this.broken ??= 'closed';
    this.stream.destroy();
  }
}

/** Compresses the header blocks this side sends. */
export class HeaderCompressor {
  private readonly zlib = new HeaderZlib(createDeflate({ level: constants.Z_BEST_COMPRESSION, dictionary: SPDY_DICTIONARY }), 1024 * 1024);

  async compress(block: Buffer): Promise<Buffer> {
    const result = await this.zlib.run(block);
    if (!result.ok) throw new Error(result.why);
    return result.bytes;
  }

  close(): void {
    this.zlib.close();
  }
}

/** Inflates the header blocks the other side sends; a block over `cap` bytes once inflated fails, and every block after it. */
export class HeaderDecompressor {
  private readonly zlib: HeaderZlib;

  constructor(cap: number) {
    this.zlib = new HeaderZlib(createInflate({ dictionary: SPDY_DICTIONARY }), cap);
  }

  decompress(block: Buffer): Promise<Inflated> {
    return this.zlib.run(block);
  }

  close(): void {
    this.zlib.close();
  }
}
