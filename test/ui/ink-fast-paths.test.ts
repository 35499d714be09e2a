// Tier: slow (and every build runs it: scripts/build.mjs checks the stand-ins before it ends)
// The string-width the build gives Ink must answer exactly as the original does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { width as lineWidth } from '../../src/text/line.js';
import { withNarrowShortcut } from '../../src/ui/ink-fast-paths.js';

const ESC = '\u001B';
const codes = [
  `${ESC}[1m`,
  `${ESC}[22m`,
  `${ESC}[2m`,
  `${ESC}[3m`,
  `${ESC}[23m`,
  `${ESC}[7m`,
  `${ESC}[27m`,
  `${ESC}[36m`,
  `${ESC}[33m`,
  `${ESC}[39m`,
  `${ESC}[41m`,
  `${ESC}[49m`,
  `${ESC}[0m`,
];

describe('string-width with the narrow shortcut', () => {
  const width = withNarrowShortcut(stringWidth, stripAnsi);
  const narrowRanges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0x2ff],
    [0x2010, 0x205e],
    [0x2190, 0x21ff],
    [0x2500, 0x25fc],
    [0x2713, 0x2713],
    [0x2717, 0x2717],
  ];

  it('answers as string-width for every character around the narrow ranges, styled or not', () => {
    for (const [from, to] of narrowRanges) {
      for (let code = from - 2; code <= to + 2; code++) {
        const text = String.fromCodePoint(code);
        assert.equal(width(text), stringWidth(text), `U+${code.toString(16)}`);
        assert.equal(lineWidth(text), stringWidth(text), `the course's own width, U+${code.toString(16)}`);
        assert.equal(width(`${ESC}[1m${text}${ESC}[22m`), stringWidth(`${ESC}[1m${text}${ESC}[22m`), `styled U+${code.toString(16)}`);
      }
    }
  });

  it('answers as string-width for strings of them, mixed with wide characters and escape codes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...codes),
            fc.constantFrom('a', ' ', '─', '●', '○', '→', '·', '\u00ad', '\u202e', '\u0301', '界', '😀', '\u200d', '\ufe0f', '©'),
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          const text = parts.join('');
          assert.equal(width(text), stringWidth(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves calls with options to string-width', () => {
    assert.equal(width('·', { ambiguousIsNarrow: false }), stringWidth('·', { ambiguousIsNarrow: false }));
    assert.equal(width(`${ESC}[1m─`, { countAnsiEscapeCodes: true }), stringWidth(`${ESC}[1m─`, { countAnsiEscapeCodes: true }));
  });
});
