// digestOf (src/core/cluster/ids.ts) takes its eight FNV-1a rounds side by side in one pass; the
// digests must stay those of one round at a time over `${text}#${round}`'s code points, or every
// image ID, container ID and system pod UID a learner has seen would change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestOf, randomHexFromText } from '../../../src/core/cluster/ids.js';
import { seedRng, nextInt } from '../../../src/core/random.js';

/** The digest as first written: each round over the text's code points, then `#` and the round. */
function oneRoundAtATime(text: string): string {
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

describe('digestOf', () => {
  it('gives the digests of one round at a time, for images, names, astral and lone surrogate characters', () => {
    const fixed = [
      '',
      'a',
      'registry.k8s.io/etcd:3.5.16-0',
      'container:kube-system/coredns-668d6bf9bc-x7k2p',
      'x\u{1F600}y',
      '\ud800',
      'a\udc00b',
      '\ud800\ud800\udc00',
      'ünïcödé',
    ];
    for (const text of fixed) assert.equal(digestOf(text), oneRoundAtATime(text), JSON.stringify(text));
    assert.match(digestOf('nginx:1.27'), /^[0-9a-f]{64}$/);
  });

  it('agrees on 2,000 random texts of any UTF-16 code units', () => {
    let rng = seedRng(13);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const length = i % 50;
      for (let j = 0; j < length; j++) {
        const unit = nextInt(rng, i % 2 === 0 ? 0x80 : 0x10000);
        rng = unit.state;
        text += String.fromCharCode(unit.value);
      }
      assert.equal(digestOf(text), oneRoundAtATime(text), JSON.stringify(text));
    }
  });

  it('randomHexFromText is the digest cut or repeated to the length asked', () => {
    for (const text of ['', 'nginx:1.27', 'endpointslice/6f1c-uid', 'a\u{1F600}b', 'x'.repeat(300)]) {
      for (const length of [1, 7, 8, 9, 16, 63, 64, 65, 130]) {
        const expected = oneRoundAtATime(text)
          .repeat(Math.ceil(length / 64))
          .slice(0, length);
        assert.equal(randomHexFromText(text, length), expected, `${JSON.stringify(text)} ${length}`);
      }
    }
  });
});
