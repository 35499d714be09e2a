import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestOf, randomHexFromText } from '../../../src/core/cluster/ids.js';

// The digest as first written: FNV-1a over `text#round`, code point by code point, eight hex
// digits a round, until 64. Image IDs, pull times and EndpointSlice names come from it, so a
// faster digest must give the same digits or every seeded cluster would change.
function firstDigest(text: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = Math.imul(0x811c9dc5, round + 1) >>> 0;
    for (const ch of `${text}#${round}`) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

const texts = ['', 'nginx:1.27', 'endpointslice/6f1c-uid', 'café', 'a😀b', 'lone \ud800 high', 'lone \udc00 low', '😀'.repeat(40), 'x'.repeat(300)];

describe('digestOf', () => {
  it('gives the digits it always gave, astral and lone surrogates included', () => {
    for (const text of texts) assert.equal(digestOf(text), firstDigest(text), JSON.stringify(text));
  });

  it('randomHexFromText is the digest cut or repeated to the length asked', () => {
    for (const text of texts) {
      for (const length of [1, 7, 8, 9, 10, 16, 63, 64, 65, 130]) {
        const expected = firstDigest(text)
          .repeat(Math.ceil(length / 64))
          .slice(0, length);
        assert.equal(randomHexFromText(text, length), expected, `${JSON.stringify(text)} ${length}`);
      }
    }
  });
});
