// SPDY/3 frames as kubectl's port-forward sends and reads them (moby/spdystream's spdy package, the
// draft-3 specification): a control frame is a 1 bit, the version (15 bits), its type (16 bits),
// flags (8 bits), a 24-bit length and its fields; a data frame is a 0 bit, a 31-bit stream id,
// flags and a length. Header blocks travel compressed: this file coder leaves them as bytes (see
// spdy-headers.ts) and reads and writes their uncompressed form. A reader that is fed garbage ends
// with a reason, never throws, and holds at most one frame's worth of bytes.

export const FRAME = {
  synStream: 1,
  synReply: 2,
  rstStream: 3,
  settings: 4,
  ping: 6,
  goAway: 7,
  headers: 8,
  windowUpdate: 9,
} as const;

/** The FIN flag, on data frames and on SYN_STREAM / SYN_REPLY / HEADERS. */
export const FLAG_FIN = 0x01;

/** RST_STREAM statuses (spdystream's RstStreamStatus). */
export const RST = { protocolError: 1, invalidStream: 2, refusedStream: 3, cancel: 5, internalError: 6 } as const;

export interface SettingsEntry {
  readonly flags: number;
  readonly id: number;
  readonly value: number;
}

export type SpdyFrame =
  | { readonly type: 'data'; readonly streamId: number; readonly flags: number; readonly data: Buffer }
  | {
      readonly type: 'synStream';
      readonly flags: number;
      readonly streamId: number;
      readonly associatedTo: number;
      readonly priority: number;
      readonly slot: number;
      readonly headerBlock: Buffer;
    }
  | { readonly type: 'synReply'; readonly flags: number; readonly streamId: number; readonly headerBlock: Buffer }
  | { readonly type: 'headers'; readonly flags: number; readonly streamId: number; readonly headerBlock: Buffer }
  | { readonly type: 'rstStream'; readonly streamId: number; readonly status: number }
  | { readonly type: 'settings'; readonly flags: number; readonly entries: readonly SettingsEntry[] }
  | { readonly type: 'ping'; readonly id: number }
  | { readonly type: 'goAway'; readonly lastGoodStreamId: number; readonly status: number }
  | { readonly type: 'windowUpdate'; readonly streamId: number; readonly delta: number };

const VERSION = 3;
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
};

function control(type: number, flags: number, fields: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | VERSION, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(fields.length, 4);
  head[4] = flags & 0xff;
  return Buffer.concat([head, fields]);
}

/** The frame's bytes on the wire (its header block, if it has one, already compressed). */
export function encodeFrame(frame: SpdyFrame): Buffer {
  switch (frame.type) {
    case 'data': {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(frame.streamId & 0x7fffffff, 0);
      head.writeUInt32BE(frame.data.length, 4);
      head[4] = frame.flags & 0xff;
      return Buffer.concat([head, frame.data]);
    }
    case 'synStream': {
      const fields = Buffer.alloc(10);
      fields.writeUInt32BE(frame.streamId & 0x7fffffff, 0);
      fields.writeUInt32BE(frame.associatedTo & 0x7fffffff, 4);
      fields[8] = (frame.priority & 0x07) << 5;
      fields[9] = frame.slot & 0xff;
      return control(FRAME.synStream, frame.flags, Buffer.concat([fields, frame.headerBlock]));
    }
    case 'synReply':
      return control(FRAME.synReply, frame.flags, Buffer.concat([u32(frame.streamId & 0x7fffffff), frame.headerBlock]));
    case 'headers':
      return control(FRAME.headers, frame.flags, Buffer.concat([u32(frame.streamId & 0x7fffffff), frame.headerBlock]));
    case 'rstStream':
      return control(FRAME.rstStream, 0, Buffer.concat([u32(frame.streamId & 0x7fffffff), u32(frame.status)]));
    case 'settings':
      return control(
        FRAME.settings,
        frame.flags,
        Buffer.concat([
          u32(frame.entries.length),
          ...frame.entries.map((e) => Buffer.concat([u32(((e.flags & 0xff) << 24) | (e.id & 0xffffff)), u32(e.value)])),
        ]),
      );
    case 'ping':
      return control(FRAME.ping, 0, u32(frame.id));
    case 'goAway':
      return control(FRAME.goAway, 0, Buffer.concat([u32(frame.lastGoodStreamId & 0x7fffffff), u32(frame.status)]));
    case 'windowUpdate':
      return control(FRAME.windowUpdate, 0, Buffer.concat([u32(frame.streamId & 0x7fffffff), u32(frame.delta & 0x7fffffff)]));
  }
}

export type FrameRead = { readonly ok: true; readonly frames: SpdyFrame[] } | { readonly ok: false; readonly why: string };

type Parsed = { readonly frame: SpdyFrame } | { readonly why: string };

/** One control frame's fields, checked as spdystream's spdy/read.go checks them. */
function parseControl(type: number, flags: number, body: Buffer): Parsed {
  const id = (at: number): number => body.readUInt32BE(at) & 0x7fffffff;
  switch (type) {
    case FRAME.synStream: {
      if (body.length < 10) return { why: 'a SYN_STREAM frame too short for its fields' };
      const streamId = id(0);
      if (streamId === 0) return { why: 'stream id zero is disallowed' };
      const frame: SpdyFrame = {
        type: 'synStream',
        flags,
        streamId,
        associatedTo: id(4),
        priority: (body[8] as number) >> 5,
        slot: body[9] as number,
        headerBlock: Buffer.from(body.subarray(10)),
      };
      return { frame };
    }
    case FRAME.synReply:
    case FRAME.headers: {
      if (body.length < 4) return { why: 'a frame too short for its stream id' };
      const streamId = id(0);
      if (streamId === 0) return { why: 'stream id zero is disallowed' };
      return { frame: { type: type === FRAME.synReply ? 'synReply' : 'headers', flags, streamId, headerBlock: Buffer.from(body.subarray(4)) } };
    }
    case FRAME.rstStream: {
      if (body.length !== 8) return { why: 'a RST_STREAM frame of the wrong length' };
      const status = body.readUInt32BE(4);
      if (status === 0) return { why: 'invalid control frame' };
      if (id(0) === 0) return { why: 'stream id zero is disallowed' };
      return { frame: { type: 'rstStream', streamId: id(0), status } };
    }
    case FRAME.settings: {
      if (body.length < 4) return { why: 'a SETTINGS frame too short for its count' };
      const count = body.readUInt32BE(0);
      if (body.length !== 4 + count * 8) return { why: 'a SETTINGS frame whose count does not match its length' };
      const entries: SettingsEntry[] = [];
      for (let i = 0; i < count; i++) {
        const word = body.readUInt32BE(4 + i * 8);
        entries.push({ flags: word >>> 24, id: word & 0xffffff, value: body.readUInt32BE(8 + i * 8) });
      }
      return { frame: { type: 'settings', flags, entries } };
    }
    case FRAME.ping: {
      if (body.length !== 4) return { why: 'a PING frame of the wrong length' };
      const pingId = body.readUInt32BE(0);
      if (pingId === 0) return { why: 'stream id zero is disallowed' };
      if (flags !== 0) return { why: 'invalid control frame' };
      return { frame: { type: 'ping', id: pingId } };
    }
    case FRAME.goAway:
      if (flags !== 0 || body.length !== 8) return { why: 'invalid control frame' };
      return { frame: { type: 'goAway', lastGoodStreamId: id(0), status: body.readUInt32BE(4) } };
    case FRAME.windowUpdate:
      if (flags !== 0 || body.length !== 8) return { why: 'invalid control frame' };
      return { frame: { type: 'windowUpdate', streamId: id(0), delta: body.readUInt32BE(4) & 0x7fffffff } };
    default:
      return { why: 'unknown frame type' };
  }
}

/** Reads frames as bytes arrive; a frame longer than `maxFrame` or one spdystream would refuse ends the reading. */
export class SpdyFrameReader {
  private pending: Buffer = Buffer.alloc(0);
  private failed: string | undefined;

  constructor(private readonly maxFrame: number) {}

  /** Bytes held for a frame not yet complete (never more than one frame's). */
  get buffered(): number {
    return this.pending.length;
  }

  feed(data: Buffer): FrameRead {
    if (this.failed !== undefined) return { ok: false, why: this.failed };
    this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
    const frames: SpdyFrame[] = [];
    while (this.pending.length >= 8) {
      const buf = this.pending;
      const flags = buf[4] as number;
      const length = buf.readUInt32BE(4) & 0xffffff;
      if (length > this.maxFrame) return this.fail(`a frame of ${length} bytes, over the cap of ${this.maxFrame}`);
      if (buf.length < 8 + length) break;
      const body = buf.subarray(8, 8 + length);
      this.pending = buf.subarray(8 + length);
      const first = buf.readUInt32BE(0);
      if ((first & 0x80000000) === 0) {
        if (first === 0) return this.fail('stream id zero is disallowed');
        frames.push({ type: 'data', streamId: first, flags, data: Buffer.from(body) });
        continue;
      }
      const parsed = parseControl(first & 0xffff, flags, body);
      if ('why' in parsed) return this.fail(parsed.why);
      frames.push(parsed.frame);
    }
    // What is left is less than one frame: copy it, so the caller's buffer is not held.
    if (this.pending.length > 0 && this.pending.length < 64) this.pending = Buffer.from(this.pending);
    return { ok: true, frames };
  }

  private fail(why: string): FrameRead {
    this.failed = why;
    this.pending = Buffer.alloc(0);
    return { ok: false, why };
  }
}

/** Header names and their values, in the order they came (a name's values were joined with NUL). */
export type HeaderList = ReadonlyArray<readonly [string, readonly string[]]>;

/** The uncompressed name/value block: a 32-bit count, then each name and value with a 32-bit length. */
export function encodeHeaderBlock(headers: HeaderList): Buffer {
  const parts: Buffer[] = [u32(headers.length)];
  for (const [name, values] of headers) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(values.join('\u0000'), 'utf8');
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

export type HeaderRead = { readonly ok: true; readonly headers: Map<string, string[]> } | { readonly ok: false; readonly why: string };

/** Reads an uncompressed block, refusing what spdystream's parseHeaderValueBlock refuses (names not lowercase, a name twice). */
export function decodeHeaderBlock(block: Buffer): HeaderRead {
  const fail = (why: string): HeaderRead => ({ ok: false, why });
  if (block.length < 4) return fail('a header block too short for its count');
  const count = block.readUInt32BE(0);
  // Each pair takes at least 8 bytes: a count beyond that is a lie, not a reason to allocate.
  if (count > (block.length - 4) / 8) return fail('a header count larger than its block');
  const headers = new Map<string, string[]>();
  let at = 4;
  const take = (): string | undefined => {
    if (at + 4 > block.length) return undefined;
    const length = block.readUInt32BE(at);
    if (at + 4 + length > block.length) return undefined;
    const text = block.toString('utf8', at + 4, at + 4 + length);
    at += 4 + length;
    return text;
  };
  for (let i = 0; i < count; i++) {
    const name = take();
    if (name === undefined) return fail('a header name past the end of its block');
    const value = take();
    if (value === undefined) return fail('a header value past the end of its block');
    if (name.toLowerCase() !== name) return fail('header was not lowercased');
    if (headers.has(name)) return fail('multiple headers with same name');
    headers.set(name, value.split('\u0000'));
  }
  return { ok: true, headers };
}
