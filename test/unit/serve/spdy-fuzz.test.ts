// The SPDY reader and session of the lab's port-forward fed garbage, and frames that are almost
// right: they never throw, never hold more than one frame's bytes, and end with a GOAWAY or keep
// answering; a session that ended writes nothing more.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SpdyFrameReader, encodeFrame, encodeHeaderBlock, type SpdyFrame } from '../../../src/commands/serve/spdy-frames.js';
import { HeaderCompressor } from '../../../src/commands/serve/spdy-headers.js';
import { SpdyServerSession } from '../../../src/commands/serve/spdy-session.js';
import { runs } from '../../helpers/soak.js';

const MAX = 4096;

/** Splits bytes at the given cut points. */
function chunks(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of at) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  out.push(bytes.subarray(from));
  return out;
}

const frameArb: fc.Arbitrary<SpdyFrame> = fc.oneof(
  fc.record({
    type: fc.constant('data' as const),
    streamId: fc.integer({ min: 1, max: 9 }),
    flags: fc.integer({ min: 0, max: 1 }),
    data: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
  }),
  fc.record({ type: fc.constant('ping' as const), id: fc.integer({ min: 1, max: 2 ** 31 }) }),
  fc.record({ type: fc.constant('windowUpdate' as const), streamId: fc.integer({ min: 0, max: 9 }), delta: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
  fc.record({ type: fc.constant('rstStream' as const), streamId: fc.integer({ min: 1, max: 9 }), status: fc.integer({ min: 1, max: 11 }) }),
  fc.record({
    type: fc.constant('synStream' as const),
    flags: fc.integer({ min: 0, max: 3 }),
    streamId: fc.integer({ min: 1, max: 9 }),
    associatedTo: fc.constant(0),
    priority: fc.integer({ min: 0, max: 7 }),
    slot: fc.constant(0),
    headerBlock: fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  }),
);

describe('SPDY garbage', () => {
  it('the frame reader never throws and never holds more than one frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
        const reader = new SpdyFrameReader(MAX);
        for (const chunk of chunks(Buffer.from(bytes), cuts)) {
          const read = reader.feed(chunk);
          assert.ok(reader.buffered <= MAX + 8);
          if (!read.ok) break;
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('frames that are almost right, with garbage header blocks, end the session with a GOAWAY or are answered', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(frameArb, { maxLength: 12 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (frames, tail, cuts) => {
          const sent: Buffer[] = [];
          let closed = '';
          const session = new SpdyServerSession((b) => sent.push(b), {
            check: () => undefined,
            onStream: (stream) => {
              stream.onData = (d) => stream.write(d);
              stream.onEnd = () => stream.end();
            },
            onClose: (why) => (closed = why),
          });
          const bytes = Buffer.concat([...frames.map(encodeFrame), Buffer.from(tail)]);
          for (const chunk of chunks(bytes, cuts)) session.feed(chunk);
          await session.settled();
          const out = Buffer.concat(sent);
          assert.ok(out.length <= 64 * 1024);
          if (closed !== '') {
            // The GOAWAY is the last thing it wrote, and nothing comes after it.
            assert.equal(out.readUInt32BE(out.length - 16), 0x80030007);
            session.feed(encodeFrame({ type: 'ping', id: 1 }));
            await session.settled();
            assert.equal(Buffer.concat(sent).length, out.length);
          }
          session.close('done');
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('a well-formed stream is answered: SYN_REPLY, the echoed bytes, FIN; a PING comes back as it went', async () => {
    const sent: Buffer[] = [];
    const session = new SpdyServerSession((b) => sent.push(b), {
      check: (stream) => (stream.header('port') === '80' ? undefined : 'no port'),
      onStream: (stream) => {
        stream.onData = (d) => stream.write(Buffer.from(d.toString().toUpperCase()));
        stream.onEnd = () => stream.end();
      },
      onClose: () => {},
    });
    const client = new HeaderCompressor();
    const open = async (id: number, port: string): Promise<Buffer> =>
      encodeFrame({
        type: 'synStream',
        flags: 0,
        streamId: id,
        associatedTo: 0,
        priority: 0,
        slot: 0,
        headerBlock: await client.compress(encodeHeaderBlock([['port', [port]]])),
      });
    session.feed(
      Buffer.concat([await open(1, '80'), encodeFrame({ type: 'data', streamId: 1, flags: 1, data: Buffer.from('hi') }), encodeFrame({ type: 'ping', id: 7 })]),
    );
    session.feed(await open(3, '81'));
    await session.settled();
    const reader = new SpdyFrameReader(MAX);
    const read = reader.feed(Buffer.concat(sent));
    assert.ok(read.ok);
    assert.deepEqual(
      read.frames.map((f) => f.type),
      ['synReply', 'data', 'data', 'ping', 'rstStream'],
    );
    const [, hi, fin, , reset] = read.frames;
    assert.deepEqual(hi, { type: 'data', streamId: 1, flags: 0, data: Buffer.from('HI') });
    assert.deepEqual(fin, { type: 'data', streamId: 1, flags: 1, data: Buffer.alloc(0) });
    assert.deepEqual(reset, { type: 'rstStream', streamId: 3, status: 3 });
    session.close('done');
    client.close();
  });
});
