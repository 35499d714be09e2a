import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest, editDistance } from '../../src/core/edit-distance.js';

describe('the edit distance every "did you mean" uses', () => {
  it('counts insertions, deletions and substitutions, letter case ignored', () => {
    assert.equal(editDistance('nodePort', 'nodeport'), 0);
    assert.equal(editDistance('targetPrt', 'targetPort'), 1);
    assert.equal(editDistance('gte', 'get'), 2);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('names the closest known word within two edits, or none', () => {
    assert.equal(closest('selecter', ['selector', 'ports', 'type']), 'selector');
    assert.equal(closest('xyz', ['selector', 'ports']), null);
  });
});
