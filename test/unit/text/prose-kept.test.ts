import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prose, proseKept, PROSE_KEPT } from '../../../src/text/prose.js';

const text = 'A Service picks pods by `selector`.\n\n- one\n- two, with `code`\n$ kubectl get svc\n\nThe end.';

describe('prose, kept between frames', () => {
  it('wraps the same text to the same lines every time, each width and mode its own', () => {
    const first = prose(text, 30);
    assert.deepEqual(prose(text, 30), first);
    assert.notDeepEqual(prose(text, 12), first, 'another width wraps anew');
    assert.notDeepEqual(prose(text, 30, true), first, 'plain mode has its own bullets');
    assert.equal(prose(text, 30, true)[3]?.[0]?.text, '- ');
    assert.equal(prose(text, 30)[3]?.[0]?.text, '• ');
  });

  it('hands each caller a list of its own', () => {
    const mine = prose(text, 40);
    const length = mine.length;
    mine.push([{ text: 'added by a caller', style: 'plain' }]);
    mine.splice(0, 2);
    assert.equal(prose(text, 40).length, length);
  });

  it('still wraps any number of texts correctly once the kept ones are let go', () => {
    const joined = (n: number) => (prose(`text number ${n}`, 80)[0] ?? []).map((s) => s.text).join('');
    let most = 0;
    for (let i = 0; i < 200; i++) {
      assert.equal(joined(i), `text number ${i}`);
      most = Math.max(most, proseKept());
    }
    // A screen wraps a handful of texts; 64 kept held a third of a megabyte over the whole course.
    assert.ok(most > 0 && most <= PROSE_KEPT && PROSE_KEPT <= 16, `texts kept: ${most}`);
    assert.equal(joined(7), 'text number 7');
    assert.deepEqual(prose(text, 30), prose(text, 30));
  });
});
