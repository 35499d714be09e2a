import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hardWrap } from '../../../src/text/hard-wrap.js';
import { width } from '../../../src/text/line.js';

describe('hardWrap: a long line breaks at the edge, as a terminal breaks it', () => {
  it('cuts ASCII by columns, the first row shorter by the prompt', () => {
    assert.deepEqual(hardWrap('abcdefghij', 4, 2), ['ab', 'cdef', 'ghij']);
    assert.deepEqual(hardWrap('abcd', 4), ['abcd']);
    assert.deepEqual(hardWrap('', 4), ['']);
  });

  it('keeps the rows of multi-line text, breaking each long one', () => {
    assert.deepEqual(hardWrap('ab\nabcdef\n', 4), ['ab', 'abcd', 'ef', '']);
  });

  it('never splits a wide character or leaves a row wider than the window', () => {
    const text = 'a中b😀é中中中中x';
    const rows = hardWrap(text, 5);
    assert.equal(rows.join(''), text);
    for (const row of rows) assert.ok(width(row) <= 5, `${row} is ${width(row)} wide`);
    assert.deepEqual(rows, ['a中b', '😀é中', '中中', '中x']);
  });

  it('keeps a combining mark with the letter before it', () => {
    const rows = hardWrap('abcde\u0301f', 5);
    assert.deepEqual(rows, ['abcde\u0301', 'f']);
  });

  it('takes a 20,000-character pasted line in rows that all fit', () => {
    const line = 'kubectl 中 😀 é '.repeat(1500);
    const rows = hardWrap(line, 100, 2);
    assert.equal(rows.join(''), line);
    assert.ok(rows.every((row, i) => width(row) <= (i === 0 ? 98 : 100)));
    assert.ok(
      rows.slice(0, -1).every((row, i) => width(row) >= (i === 0 ? 97 : 99)),
      'rows are filled, not word-wrapped',
    );
  });
});
