// Tier: slow (and every build runs it: scripts/build.mjs checks the stand-ins before it ends)
// The bundle's measure-text and wrap-text (src/ui/ink/) must answer as Ink's own do, and keep less.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import inkMeasureText from '../../node_modules/ink/build/measure-text.js';
import inkWrapText from '../../node_modules/ink/build/wrap-text.js';
import measureText from '../../src/ui/ink/measure-text.js';
import wrapText from '../../src/ui/ink/wrap-text.js';
import { runs } from '../helpers/soak.js';

const ESC = '\u001B';
const pieces = [
  'a',
  'word',
  ' ',
  '  ',
  '\n',
  '-',
  '─',
  '→',
  '✓',
  '中文',
  '😀',
  'e\u0301',
  `${ESC}[1m`,
  `${ESC}[22m`,
  `${ESC}[36m`,
  `${ESC}[39m`,
  '31231',
  '80',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
const modes = ['wrap', 'truncate', 'truncate-end', 'truncate-middle', 'truncate-start', 'end', 'middle'];

describe("Ink's text caches, bounded", () => {
  it('measure-text answers as Ink’s for any text', () => {
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(measureText(t), inkMeasureText(t))),
      { numRuns: runs(600) },
    );
  });

  it('wrap-text answers as Ink’s for any text, width and mode, asked twice', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), fc.constantFrom(...modes), (t, width, mode) => {
        assert.equal(wrapText(t, width, mode), inkWrapText(t, width, mode as never));
        assert.equal(wrapText(t, width, mode), inkWrapText(t, width, mode as never));
      }),
      { numRuns: runs(600) },
    );
  });

  it('a text ending in digits is not mistaken for another at another width (Ink joins the key with nothing between)', () => {
    // Ink's key for ("ab1", 2) and ("ab", 12) is the same "ab12wrap".
    const first = wrapText('ab1', 2, 'wrap');
    assert.equal(first, 'ab\n1');
    assert.equal(wrapText('ab', 12, 'wrap'), 'ab');
  });

  it('past its limits (lines, widths), the caches start again and every answer is still Ink’s', () => {
    for (let i = 0; i < 20_000; i++) {
      const width = 5 + (i % 20);
      assert.equal(wrapText(`line ${i}`, width, 'wrap'), inkWrapText(`line ${i}`, width, 'wrap'));
      assert.deepEqual(measureText(`line ${i}`), inkMeasureText(`line ${i}`));
    }
    assert.equal(wrapText('line 19999', 5, 'wrap'), 'line \n19999');
  });
});
