// The SPDY/3 frame coder of the lab's port-forward, against the frames moby/spdystream's own tests
// list (spdy/spdy_test.go: TestCreateParseRstStream, ...Settings, ...Ping, ...GoAway,
// ...WindowUpdateFrame, ...DataFrame, ...SynStreamFrame, ...HeadersFrame, TestHeaderParsing,
// TestCompressionContextAcrossFrames, TestReadMalformedZlibHeader and the stream-id-zero frames
// of TestNoZeroStreamId), read back across any chunking, and the dictionary its dictionary.go holds.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { FLAG_FIN, RST, SpdyFrameReader, decodeHeaderBlock, encodeFrame, encodeHeaderBlock, type SpdyFrame } from '../../../src/commands/serve/spdy-frames.js';
import { SPDY_DICTIONARY } from '../../../src/commands/serve/spdy-dictionary.js';
import { HeaderCompressor, HeaderDecompressor } from '../../../src/commands/serve/spdy-headers.js';

/** spdystream's HeadersFixture (its http.Header keys, lowercased on the wire). */
const FIXTURE: [string, string[]][] = [
  ['url', ['http://www.google.com/']],
  ['method', ['get']],
  ['version', ['http/1.1']],
];

function readAll(bytes: Buffer, chunk = bytes.length): SpdyFrame[] {
  const reader = new SpdyFrameReader(1 << 20);
  const frames: SpdyFrame[] = [];
  for (let at = 0; at < bytes.length; at += chunk) {
    const read = reader.feed(bytes.subarray(at, at + chunk));
    assert.ok(read.ok, read.ok ? '' : read.why);
    frames.push(...read.frames);
  }
  return frames;
}

const roundTrip = (frame: SpdyFrame): SpdyFrame => {
  const bytes = encodeFrame(frame);
  const whole = readAll(bytes);
  assert.deepEqual(readAll(bytes, 1), whole, 'the same frame when it arrives a byte at a time');
  assert.equal(whole.length, 1);
  return whole[0] as SpdyFrame;
};

describe('SPDY/3 frames', () => {
  it('the dictionary is the 1423 bytes whose zlib id (Adler-32) is e3c6a7c2', () => {
    assert.equal(SPDY_DICTIONARY.length, 1423);
    // A zlib stream with a preset dictionary names it by its Adler-32 in bytes 2..5 (RFC 1950).
    const named = deflateSync(Buffer.from('x'), { dictionary: SPDY_DICTIONARY });
    assert.equal(named.subarray(2, 6).toString('hex'), 'e3c6a7c2');
    assert.ok(SPDY_DICTIONARY.subarray(0, 11).equals(Buffer.from('\0\0\0\x07options', 'latin1')));
    assert.ok(SPDY_DICTIONARY.toString('latin1').endsWith(',*,enq=0.'));
  });

  it('RST_STREAM, SETTINGS, PING, GOAWAY, WINDOW_UPDATE and DATA read back as spdystream writes them', () => {
    const rst = encodeFrame({ type: 'rstStream', streamId: 1, status: RST.invalidStream });
    assert.equal(rst.toString('hex'), '80030003' + '00000008' + '00000001' + '00000002');
    assert.deepEqual(roundTrip({ type: 'rstStream', streamId: 1, status: RST.invalidStream }), { type: 'rstStream', streamId: 1, status: 2 });
    const settings: SpdyFrame = {
      type: 'settings',
      flags: 0,
      entries: [
        { flags: 1, id: 5, value: 10 },
        { flags: 2, id: 1, value: 1 },
      ],
    };
    assert.equal(encodeFrame(settings).toString('hex'), '80030004' + '00000014' + '00000002' + '01000005' + '0000000a' + '02000001' + '00000001');
    assert.deepEqual(roundTrip(settings), settings);
    assert.equal(encodeFrame({ type: 'ping', id: 31337 }).toString('hex'), '80030006' + '00000004' + '00007a69');
    assert.deepEqual(roundTrip({ type: 'ping', id: 31337 }), { type: 'ping', id: 31337 });
    assert.equal(encodeFrame({ type: 'goAway', lastGoodStreamId: 31337, status: 1 }).toString('hex'), '80030007' + '00000008' + '00007a69' + '00000001');
    assert.deepEqual(roundTrip({ type: 'goAway', lastGoodStreamId: 31337, status: 1 }), { type: 'goAway', lastGoodStreamId: 31337, status: 1 });
    assert.deepEqual(roundTrip({ type: 'windowUpdate', streamId: 31337, delta: 1 }), { type: 'windowUpdate', streamId: 31337, delta: 1 });
    const hello: SpdyFrame = { type: 'data', streamId: 1, flags: 0, data: Buffer.from('hello') };
    assert.equal(encodeFrame(hello).toString('hex'), '00000001' + '00000005' + Buffer.from('hello').toString('hex'));
    assert.deepEqual(roundTrip(hello), hello);
    const fin: SpdyFrame = { type: 'data', streamId: 3, flags: FLAG_FIN, data: Buffer.alloc(0) };
    assert.equal(encodeFrame(fin).toString('hex'), '00000003' + '01000000');
    assert.deepEqual(roundTrip(fin), fin);
  });

  it('SYN_STREAM, SYN_REPLY and HEADERS carry their header block; the uncompressed block is spdystream’s', () => {
    const block = encodeHeaderBlock(FIXTURE);
    assert.equal(block.readUInt32BE(0), 3);
    assert.equal(block.subarray(4, 11).toString('latin1'), '\0\0\0\x03url');
    const decoded = decodeHeaderBlock(block);
    assert.ok(decoded.ok);
    assert.deepEqual([...decoded.headers], FIXTURE);
    const syn: SpdyFrame = { type: 'synStream', flags: 0, streamId: 2, associatedTo: 0, priority: 0, slot: 1, headerBlock: block };
    assert.deepEqual(roundTrip(syn), syn);
    assert.equal(
      encodeFrame(syn).subarray(0, 18).toString('hex'),
      '80030001' + (10 + block.length).toString(16).padStart(8, '0') + '00000002' + '00000000' + '0001',
    );
    const reply: SpdyFrame = { type: 'synReply', flags: FLAG_FIN, streamId: 2, headerBlock: block };
    assert.deepEqual(roundTrip(reply), reply);
    const headers: SpdyFrame = { type: 'headers', flags: 0, streamId: 2, headerBlock: block };
    assert.deepEqual(roundTrip(headers), headers);
    // Several frames in one read, split anywhere (TestMultipleSPDYFrames).
    const both = Buffer.concat([encodeFrame(headers), encodeFrame(syn), encodeFrame({ type: 'ping', id: 1 })]);
    assert.deepEqual(readAll(both, 7), [headers, syn, { type: 'ping', id: 1 }]);
  });

  it('a header name not in lowercase, or one given twice, is refused as parseHeaderValueBlock refuses it', () => {
    const upper = Buffer.concat([Buffer.from('00000001' + '00000003', 'hex'), Buffer.from('Url'), Buffer.from('00000001', 'hex'), Buffer.from('x')]);
    assert.deepEqual(decodeHeaderBlock(upper), { ok: false, why: 'header was not lowercased' });
    const twice = encodeHeaderBlock([
      ['port', ['80']],
      ['port', ['81']],
    ]);
    assert.deepEqual(decodeHeaderBlock(twice), { ok: false, why: 'multiple headers with same name' });
    const lying = Buffer.from('ffffffff', 'hex');
    assert.equal(decodeHeaderBlock(lying).ok, false);
    const values = decodeHeaderBlock(encodeHeaderBlock([['accept', ['a', 'b']]]));
    assert.ok(values.ok);
    assert.deepEqual(values.headers.get('accept'), ['a', 'b']);
  });

  it('spdystream’s stream-id-zero frames are refused (TestNoZeroStreamId)', () => {
    const fixtures = {
      SynStreamFrame: 'gAIAAQAAABgAAAAAAAAAAAAAePnfolGyYmAAAAAA//8=',
      SynReplyFrame: 'gAIAAgAAABQAAAAAAAB4+d+iUbJiYAAAAAD//w==',
      RstStreamFrame: 'gAIAAwAAAAgAAAAAAAAAAA==',
      HeadersFrame: 'gAIACAAAABQAAAAAAAB4+d+iUbJiYAAAAAD//w==',
      DataFrame: 'AAAAAAAAAAA=',
      PingFrame: 'gAIABgAAAAQAAAAA',
    };
    for (const [name, encoded] of Object.entries(fixtures)) {
      const read = new SpdyFrameReader(1 << 20).feed(Buffer.from(encoded, 'base64'));
      assert.equal(read.ok, false, name);
    }
  });

  it('one zlib context per direction: the second block needs the first (TestCompressionContextAcrossFrames)', async () => {
    const compressor = new HeaderCompressor();
    const first = await compressor.compress(encodeHeaderBlock(FIXTURE));
    const second = await compressor.compress(encodeHeaderBlock(FIXTURE));
    // A sync flush ends each block with an empty stored block.
    assert.equal(first.subarray(-4).toString('hex'), '0000ffff');
    assert.ok(second.length < first.length, 'the second block refers back to the first');
    const inflater = new HeaderDecompressor(64 * 1024);
    for (const block of [first, second]) {
      const inflated = await inflater.decompress(block);
      assert.ok(inflated.ok, inflated.ok ? '' : inflated.why);
      const decoded = decodeHeaderBlock(inflated.bytes);
      assert.ok(decoded.ok);
      assert.deepEqual([...decoded.headers], FIXTURE);
    }
    const alone = await new HeaderDecompressor(64 * 1024).decompress(second);
    assert.equal(alone.ok, false, 'without the first block the second does not inflate');
    compressor.close();
    inflater.close();
  });

  it('a corrupted zlib header is refused when its block is inflated (TestReadMalformedZlibHeader)', async () => {
    const malformed = {
      SynStreamFrame: 'gAIAAQAAABgAAAACAAAAAAAAF/nfolGyYmAAAAAA//8=',
      SynReplyFrame: 'gAIAAgAAABQAAAACAAAX+d+iUbJiYAAAAAD//w==',
      HeadersFrame: 'gAIACAAAABQAAAACAAAX+d+iUbJiYAAAAAD//w==',
    };
    for (const [name, encoded] of Object.entries(malformed)) {
      const read = new SpdyFrameReader(1 << 20).feed(Buffer.from(encoded, 'base64'));
      assert.ok(read.ok && read.frames.length === 1, name);
      const frame = read.frames[0];
      assert.ok(frame && 'headerBlock' in frame);
      const inflated = await new HeaderDecompressor(64 * 1024).decompress(frame.headerBlock);
      assert.equal(inflated.ok, false, name);
    }
  });

  it('a header block that inflates past the cap is refused, and so is every block after it', async () => {
    const bomb = deflateSync(Buffer.alloc(1 << 20), { dictionary: SPDY_DICTIONARY });
    assert.ok(bomb.length < 2048);
    const inflater = new HeaderDecompressor(64 * 1024);
    const first = await inflater.decompress(bomb);
    assert.equal(first.ok, false);
    const next = await inflater.decompress(await new HeaderCompressor().compress(encodeHeaderBlock(FIXTURE)));
    assert.equal(next.ok, false);
  });

  it('a frame over the cap ends the reading before its bytes arrive', () => {
    const reader = new SpdyFrameReader(1024);
    const head = Buffer.from('00000001' + '00100000', 'hex');
    const read = reader.feed(head);
    assert.equal(read.ok, false);
    assert.equal(reader.feed(Buffer.from('00000001' + '00000000', 'hex')).ok, false, 'a failed reader stays failed');
  });
});
