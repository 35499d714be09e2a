// The server's side of one SPDY/3.1 connection, as the kubelet's streaming server keeps it
// (k8s.io/apimachinery/pkg/util/httpstream/spdy/connection.go over moby/spdystream): the client
// opens streams (odd ids) with SYN_STREAM; each is accepted with an empty SYN_REPLY or refused
// with RST_STREAM; DATA flows both ways until each side sends FIN; PINGs from the client are
// echoed; a GOAWAY or a frame it cannot read ends the connection. Header blocks go through one
// zlib context per direction, so frames are handled one at a time, in the order they came.

import { FLAG_FIN, RST, SpdyFrameReader, decodeHeaderBlock, encodeFrame, encodeHeaderBlock, type SpdyFrame } from './spdy-frames.js';
import { HeaderCompressor, HeaderDecompressor } from './spdy-headers.js';

/** Frames larger than this end the connection (kubectl's DATA frames carry at most 32 KiB). */
const MAX_FRAME = 256 * 1024;
/** An inflated header block larger than this ends the connection. */
const MAX_HEADERS = 64 * 1024;
/** Bytes read but not yet handled; a client that sends faster than they are handled is cut off. */
const MAX_BACKLOG = 4 * 1024 * 1024;
/** Streams open at once on one connection. */
const MAX_STREAMS = 512;

export interface SpdyStream {
  readonly id: number;
  /** The SYN_STREAM's headers, names lowercase. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  header(name: string): string;
  write(data: Buffer | string): void;
  /** Our side is done: DATA with FIN. */
  end(): void;
  /** Told of the client's bytes, its FIN, and a reset or the connection's end. */
  onData: (data: Buffer) => void;
  onEnd: () => void;
  onClose: () => void;
}

export interface SessionHandlers {
  /** A new stream from the client: a reason refuses it (RST_STREAM), undefined accepts it. */
  readonly check: (stream: SpdyStream) => string | undefined;
  /** An accepted stream, once its SYN_REPLY is on its way: what is written now follows the reply. */
  readonly onStream: (stream: SpdyStream) => void;
  /** The connection ended, with why (a protocol error, the client's GOAWAY, or close()). */
  readonly onClose: (why: string) => void;
}

interface OpenStream extends SpdyStream {
  remoteDone: boolean;
  localDone: boolean;
}

export class SpdyServerSession {
  private readonly reader = new SpdyFrameReader(MAX_FRAME);
  private readonly inflater = new HeaderDecompressor(MAX_HEADERS);
  private readonly deflater = new HeaderCompressor();
  private readonly streams = new Map<number, OpenStream>();
  private incoming: Promise<void> = Promise.resolve();
  private outgoing: Promise<void> = Promise.resolve();
  private backlog = 0;
  private lastStreamId = 0;
  private closed = false;

  constructor(
    private readonly send: (bytes: Buffer) => void,
    private readonly handlers: SessionHandlers,
  ) {}

  /** Bytes from the client, in order. */
  feed(bytes: Buffer): void {
    if (this.closed) return;
    const read = this.reader.feed(bytes);
    if (!read.ok) return this.close(read.why, true);
    for (const frame of read.frames) {
      const size = frameSize(frame);
      this.backlog += size;
      if (this.backlog > MAX_BACKLOG) return this.close('a client that sends faster than it is answered', true);
      this.incoming = this.incoming.then(async () => {
        this.backlog -= size;
        if (!this.closed) await this.handle(frame);
      });
    }
  }

  /** Settles once every frame fed so far is handled and its answer sent. */
  async settled(): Promise<void> {
    await this.incoming;
    await this.outgoing;
  }

  /** Ends the connection: GOAWAY (with a protocol error's status when `protocolError`), every stream told. */
  close(why: string, protocolError = false): void {
    if (this.closed) return;
    this.closed = true;
    const goAway = encodeFrame({ type: 'goAway', lastGoodStreamId: this.lastStreamId, status: protocolError ? 1 : 0 });
    this.send(goAway);
    for (const stream of this.streams.values()) stream.onClose();
    this.streams.clear();
    this.inflater.close();
    this.deflater.close();
    this.handlers.onClose(why);
  }

  private queue(frame: () => Promise<Buffer> | Buffer): void {
    this.outgoing = this.outgoing.then(async () => {
      if (this.closed) return;
      let bytes: Buffer;
      try {
        bytes = await frame();
      } catch {
        return;
      }
      if (!this.closed) this.send(bytes);
    });
  }

  private async handle(frame: SpdyFrame): Promise<void> {
    switch (frame.type) {
      case 'synStream':
        return this.opened(frame.streamId, frame.flags, frame.headerBlock);
      case 'synReply':
      case 'headers': {
        // Read only to keep the zlib context in step with the client's.
        const inflated = await this.inflater.decompress(frame.headerBlock);
        if (!inflated.ok) this.close(inflated.why, true);
        return;
      }
      case 'data': {
        const stream = this.streams.get(frame.streamId);
        if (!stream || stream.remoteDone) return;
        if (frame.data.length > 0) stream.onData(frame.data);
        if ((frame.flags & FLAG_FIN) !== 0) this.remoteEnded(stream);
        return;
      }
      case 'rstStream': {
        const stream = this.streams.get(frame.streamId);
        if (stream) {
          this.streams.delete(stream.id);
          stream.onClose();
        }
        return;
      }
      case 'ping': {
        const echo = encodeFrame(frame);
        this.queue(() => echo);
        return;
      }
      case 'goAway':
        return this.close('the client went away');
      case 'settings':
      case 'windowUpdate':
        return;
    }
  }

  private async opened(id: number, flags: number, headerBlock: Buffer): Promise<void> {
    const inflated = await this.inflater.decompress(headerBlock);
    if (!inflated.ok) return this.close(inflated.why, true);
    const decoded = decodeHeaderBlock(inflated.bytes);
    if (!decoded.ok) return this.close(decoded.why, true);
    // Stream ids from the client are odd and grow; anything else is a protocol error on that stream.
    if (id % 2 === 0 || id <= this.lastStreamId || this.streams.size >= MAX_STREAMS) {
      const reset = encodeFrame({ type: 'rstStream', streamId: id, status: this.streams.size >= MAX_STREAMS ? RST.refusedStream : RST.protocolError });
      this.queue(() => reset);
      return;
    }
    this.lastStreamId = id;
    const stream = this.stream(id, decoded.headers);
    const refused = this.handlers.check(stream);
    if (refused !== undefined) {
      const reset = encodeFrame({ type: 'rstStream', streamId: id, status: RST.refusedStream });
      this.queue(() => reset);
      return;
    }
    this.streams.set(id, stream);
    const reply = this.deflater.compress(encodeHeaderBlock([])).catch(() => undefined);
    this.queue(async () => {
      const headerBlock = await reply;
      if (!headerBlock) throw new Error('the header compressor failed');
      return encodeFrame({ type: 'synReply', flags: 0, streamId: id, headerBlock });
    });
    this.handlers.onStream(stream);
    if ((flags & FLAG_FIN) !== 0) this.remoteEnded(stream);
  }

  private remoteEnded(stream: OpenStream): void {
    stream.remoteDone = true;
    stream.onEnd();
    if (stream.localDone) this.streams.delete(stream.id);
  }

  private stream(id: number, headers: Map<string, string[]>): OpenStream {
    const stream: OpenStream = {
      id,
      headers,
      remoteDone: false,
      localDone: false,
      header: (name) => headers.get(name.toLowerCase())?.[0] ?? '',
      write: (data) => {
        if (stream.localDone || this.closed) return;
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        for (let at = 0; at < bytes.length; at += 32 * 1024) {
          const piece = encodeFrame({ type: 'data', streamId: id, flags: 0, data: bytes.subarray(at, at + 32 * 1024) });
          this.queue(() => piece);
        }
      },
      end: () => {
        if (stream.localDone || this.closed) return;
        stream.localDone = true;
        const fin = encodeFrame({ type: 'data', streamId: id, flags: FLAG_FIN, data: Buffer.alloc(0) });
        this.queue(() => fin);
        if (stream.remoteDone) this.streams.delete(id);
      },
      onData: () => {},
      onEnd: () => {},
      onClose: () => {},
    };
    return stream;
  }
}

function frameSize(frame: SpdyFrame): number {
  if (frame.type === 'data') return 8 + frame.data.length;
  if ('headerBlock' in frame) return 8 + frame.headerBlock.length;
  return 16;
}
