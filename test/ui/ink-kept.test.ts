// The bundle's Output keeps lines' cells and drawn rows between frames, and no more than its
// limits: over a whole course, unbounded (or larger) caches held megabytes of a heap whose size
// sets the process's peak (bench/README.md, "The whole course under 70 MiB").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Output, { kept, LINES_KEPT, ROWS_KEPT } from '../../src/ui/ink/output.js';

const ESC = '\u001B';
/** A frame of 40 rows, each a styled line unique to frame `n`, as a course screen is. */
function frame(n: number): string {
  const output = new Output({ width: 120, height: 40 });
  for (let y = 0; y < 40; y++) output.write(0, y, `${ESC}[1mstep ${n}${ESC}[22m row ${y}: ${'text '.repeat(10)}`, { transformers: [] });
  return output.get().output;
}

/** A frame of 40 rows, each two writes (a label, and a text after it), unique to frame `n`. */
function sharedRowsFrame(n: number): string {
  const output = new Output({ width: 120, height: 40 });
  for (let y = 0; y < 40; y++) {
    output.write(0, y, `${ESC}[36mrow ${y}${ESC}[39m`, { transformers: [] });
    output.write(10, y, `frame ${n}: ${'word '.repeat(8)}`, { transformers: [] });
  }
  return output.get().output;
}

describe("the bundle's Output, kept between frames", () => {
  it('keeps no cells for rows of one write (their rows are kept as strings), and a dozen screens of rows', () => {
    let most = { lines: 0, rows: 0 };
    for (let n = 0; n < 60; n++) {
      frame(n);
      const now = kept();
      most = { lines: Math.max(most.lines, now.lines), rows: Math.max(most.rows, now.rows) };
    }
    assert.ok(most.rows > 0 && most.rows <= ROWS_KEPT, `rows kept: ${most.rows}`);
    // Kept, a course's lines held a megabyte of cells that no frame read again.
    assert.equal(most.lines, 0, `lines kept: ${most.lines}`);
    assert.ok(ROWS_KEPT <= 512 && LINES_KEPT <= 64, 'the limits the whole-course walk was measured with');
  });

  it('keeps the cells of a screen and a half of lines for rows that several writes share', () => {
    let most = 0;
    for (let n = 0; n < 30; n++) {
      sharedRowsFrame(n);
      most = Math.max(most, kept().lines);
    }
    assert.ok(most > 0 && most <= LINES_KEPT, `lines kept: ${most}`);
    const first = sharedRowsFrame(500);
    for (let n = 501; n < 510; n++) sharedRowsFrame(n);
    assert.equal(sharedRowsFrame(500), first, 'drawn again after its cells were let go, the same');
    assert.match(first.split('\n')[3] ?? '', /row 3.*frame 500: word/);
  });

  it('draws a frame again, after its rows were let go, as it drew it the first time', () => {
    const first = frame(1000);
    for (let n = 1001; n < 1040; n++) frame(n); // 1,560 rows: more than are kept
    assert.equal(frame(1000), first);
    assert.match(first.split('\n')[0] ?? '', /step 1000/);
  });
});
