import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyNames } from '../../src/ui/keymap.js';

const none = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  return: false,
  escape: false,
  ctrl: false,
  tab: false,
};

describe('keys that arrive together', () => {
  it('are taken apart one by one, escape sequences included', () => {
    assert.deepEqual(keyNames('\r\u001B[C', none), ['enter', 'right']);
    assert.deepEqual(keyNames('ab\u001B[A\u001B[6~ \t', none), ['a', 'b', 'up', 'pagedown', 'space', 'tab']);
    assert.deepEqual(keyNames('jj\r', none), ['j', 'j', 'enter']);
  });

  it('leave a single key as Ink named it', () => {
    assert.deepEqual(keyNames('', { ...none, rightArrow: true }), ['right']);
    assert.deepEqual(keyNames('q', none), ['q']);
  });

  it('count a lone newline as Enter: Ctrl-J, or Enter pressed before raw mode began', () => {
    assert.deepEqual(keyNames('\n', none), ['enter']);
    assert.deepEqual(keyNames('\r', { ...none, return: true }), ['enter']);
  });
});
