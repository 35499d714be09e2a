// A `$ ` command wrapped over rows is never cut at the bottom of the lesson text's window.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowsBeforeFold } from '../../../src/text/fold.js';
import { prose } from '../../../src/text/prose.js';
import { lineText as plainText } from '../../../src/text/line.js';

const TEXT = 'One line.\n\nTwo.\n\n$ kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0\n\nAfter.';

describe('the fold of lesson text', () => {
  const lines = prose(TEXT, 40);
  const at = lines.findIndex((l) => plainText(l).startsWith('$ kubectl run'));

  it('the command wraps over two rows at 40 columns (the case at stake)', () => {
    assert.equal(at, 4);
    assert.match(plainText(lines[at + 1]!), /^ +stacksimplify\/kubenginx:1\.0\.0$/);
  });

  it("a window ending after the command's first row ends before it instead", () => {
    assert.equal(rowsBeforeFold(lines, 0, at + 1), at);
    assert.equal(rowsBeforeFold(lines, 1, at), at - 1);
  });

  it('a window holding the whole command, or ending elsewhere, is left as it is', () => {
    assert.equal(rowsBeforeFold(lines, 0, at + 2), at + 2);
    assert.equal(rowsBeforeFold(lines, 0, 2), 2);
    assert.equal(rowsBeforeFold(lines, 0, lines.length + 3), lines.length + 3);
  });

  it('a command taller than the window, starting at its top, is shown as far as it goes', () => {
    assert.equal(rowsBeforeFold(lines, at, 1), 1);
  });

  it('a command that fits one row is never a reason to fold early', () => {
    const wide = prose(TEXT, 100);
    const row = wide.findIndex((l) => plainText(l).startsWith('$ kubectl run'));
    assert.equal(rowsBeforeFold(wide, 0, row + 1), row + 1);
  });
});
