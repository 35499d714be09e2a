// The WebSocket framing of the lab's exec (RFC 6455): the handshake's accept key from the RFC's own
// example, the three length forms of a server frame, and the reader of client frames across
// chunk boundaries, with what a client may not send refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameReader, OPCODE, acceptKey, closeFrame, frame } from '../../../src/commands/serve/websocket.js';

/** A client frame: masked, as RFC 6455 section 5.3 requires of clients. */
function masked(opcode: number, payload: Buffer, mask = Buffer.from([1, 2, 3, 4])): Buffer {
  const n = payload.length;
  const head =
    n < 126
      ? Buffer.from([0x80 | opcode, 0x80 | n])
      : n < 65536
        ? Buffer.from([0x80 | opcode, 0x80 | 126, n >> 8, n & 0xff])
        : Buffer.concat([
            Buffer.from([0x80 | opcode, 0x80 | 127]),
            (() => {
              const b = Buffer.alloc(8);
              b.writeBigUInt64BE(BigInt(n));
              return b;
            })(),
          ]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([head, mask, body]);
}

describe('WebSocket framing for exec', () => {
  it('answers the RFC 6455 example key with its accept value', () => {
    assert.equal(acceptKey('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('writes short, 16-bit and 64-bit lengths, unmasked and final', () => {
    assert.deepEqual([...frame(OPCODE.binary, Buffer.from([1, 104, 105]))], [0x82, 3, 1, 104, 105]);
    const mid = frame(OPCODE.binary, Buffer.alloc(300));
    assert.deepEqual([mid[0], mid[1], mid.readUInt16BE(2), mid.length], [0x82, 126, 300, 304]);
    const big = frame(OPCODE.binary, Buffer.alloc(70_000));
    assert.deepEqual([big[1], big.readBigUInt64BE(2), big.length], [127, 70_000n, 70_010]);
    assert.deepEqual([...closeFrame(1000)], [0x88, 2, 0x03, 0xe8]);
  });

  it('reads masked frames split across chunks, in order', () => {
    const reader = new FrameReader(100_000);
    const stream = Buffer.concat([
      masked(OPCODE.binary, Buffer.from([0, 104, 105])),
      masked(OPCODE.binary, Buffer.alloc(300, 7)),
      masked(OPCODE.close, Buffer.from([0x03, 0xe8])),
    ]);
    const frames = [];
    for (let at = 0; at < stream.length; at += 5) {
      const r = reader.feed(stream.subarray(at, at + 5));
      assert.ok(r.ok);
      frames.push(...r.frames);
    }
    assert.deepEqual(
      frames.map((f) => [f.opcode, f.payload.length]),
      [
        [OPCODE.binary, 3],
        [OPCODE.binary, 300],
        [OPCODE.close, 2],
      ],
    );
    assert.deepEqual([...(frames[0]?.payload ?? [])], [0, 104, 105]);
    assert.ok(frames[1]?.payload.every((b) => b === 7));
  });

  it('refuses unmasked frames, reserved bits, unknown opcodes, long control frames and frames over the cap', () => {
    const refusal = (bytes: Buffer, max = 1000) => {
      const r = new FrameReader(max).feed(bytes);
      return r.ok ? 'read' : r.code;
    };
    assert.equal(refusal(Buffer.from([0x82, 0x01, 0x00])), 1002);
    assert.equal(refusal(Buffer.from([0xc2, 0x80, 0, 0, 0, 0])), 1002);
    assert.equal(refusal(Buffer.from([0x83, 0x80, 0, 0, 0, 0])), 1002);
    assert.equal(refusal(masked(OPCODE.ping, Buffer.alloc(126))), 1002);
    assert.equal(refusal(masked(OPCODE.binary, Buffer.alloc(1001))), 1009);
    assert.equal(refusal(masked(OPCODE.binary, Buffer.alloc(70_000)), 1000), 1009);
    assert.equal(refusal(masked(OPCODE.binary, Buffer.alloc(1000))), 'read');
  });
});
