// The WebSocket framing kubectl's exec speaks (RFC 6455): the handshake's accept key, frames the
// server sends (unmasked, final), and a reader for the client's frames that refuses what a client
// may not send (unmasked frames, reserved bits, unknown opcodes, frames over the cap).
import { createHash } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Sec-WebSocket-Accept for a client's Sec-WebSocket-Key (RFC 6455 section 4.2.2). */
export function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}${GUID}`).digest('base64');
}

/** One final frame from the server: servers never mask (RFC 6455 section 5.1). */
export function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const head = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | (opcode & 0x0f);
  if (length < 126) head[1] = length;
  else if (length < 65536) {
    head[1] = 126;
    head.writeUInt16BE(length, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([head, payload]);
}

/** A close frame with its status code (1000 normal, 1002 protocol error, 1009 too big). */
export const closeFrame = (code: number): Buffer => {
  const body = Buffer.alloc(2);
  body.writeUInt16BE(code, 0);
  return frame(OPCODE.close, body);
};

export interface ClientFrame {
  readonly opcode: number;
  readonly payload: Buffer;
}

export type ReadResult = { readonly ok: true; readonly frames: ClientFrame[] } | { readonly ok: false; readonly code: 1002 | 1009; readonly why: string };

/** Reads the client's frames as bytes arrive; a frame over `maxPayload` or one a client may not send ends the reading. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxPayload: number) {}

  feed(data: Buffer): ReadResult {
    this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
    const frames: ClientFrame[] = [];
    for (;;) {
      const buf = this.pending;
      if (buf.length < 2) break;
      const b0 = buf[0] as number;
      const b1 = buf[1] as number;
      if ((b0 & 0x70) !== 0) return { ok: false, code: 1002, why: 'reserved bits set' };
      const opcode = b0 & 0x0f;
      if (![0x0, 0x1, 0x2, 0x8, 0x9, 0xa].includes(opcode)) return { ok: false, code: 1002, why: `opcode ${opcode}` };
      if ((b1 & 0x80) === 0) return { ok: false, code: 1002, why: 'an unmasked frame from the client' };
      let length = b1 & 0x7f;
      let at = 2;
      if (length === 126) {
        if (buf.length < 4) break;
        length = buf.readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (buf.length < 10) break;
        const big = buf.readBigUInt64BE(2);
        if (big > BigInt(this.maxPayload)) return { ok: false, code: 1009, why: 'a frame over the cap' };
        length = Number(big);
        at = 10;
      }
      if (length > this.maxPayload) return { ok: false, code: 1009, why: 'a frame over the cap' };
      if (opcode >= 0x8 && length > 125) return { ok: false, code: 1002, why: 'a control frame over 125 bytes' };
      if (buf.length < at + 4 + length) break;
      const mask = buf.subarray(at, at + 4);
      const payload = Buffer.from(buf.subarray(at + 4, at + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
      frames.push({ opcode, payload });
      this.pending = buf.subarray(at + 4 + length);
    }
    if (this.pending.length > this.maxPayload + 14) return { ok: false, code: 1009, why: 'a frame over the cap' };
    return { ok: true, frames };
  }
}
