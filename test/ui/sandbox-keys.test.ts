// The sandbox's keys as data (src/ui/sandbox/keys.ts), read by the course's router: a table of
// what a read from the terminal (as Ink reports it) becomes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sandboxActions, SANDBOX_BINDINGS, type SandboxAction } from '../../src/ui/sandbox/keys.js';

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
  meta: false,
  tab: false,
  backspace: false,
  delete: false,
};
type Key = Partial<typeof none>;
const insert = (text: string): SandboxAction => ({ type: 'edit', action: { type: 'insert', text } });

const rows: [name: string, input: string, key: Key, expected: SandboxAction[]][] = [
  ['a letter is typed', 'k', {}, [insert('k')]],
  ['a space is typed', ' ', {}, [insert(' ')]],
  ['Enter runs the line', '\r', { return: true }, [{ type: 'submit' }]],
  ['Tab completes', '\t', { tab: true }, [{ type: 'complete' }]],
  ['Ctrl-C drops the line and never leaves', 'c', { ctrl: true }, [{ type: 'interrupt' }]],
  ['Ctrl-D is the end of input', 'd', { ctrl: true }, [{ type: 'end-of-input' }]],
  ['Ctrl-L clears the screen', 'l', { ctrl: true }, [{ type: 'clear-screen' }]],
  ['Ctrl-U erases the line', 'u', { ctrl: true }, [{ type: 'edit', action: { type: 'clear' } }]],
  ['Ctrl-W erases a word', 'w', { ctrl: true }, [{ type: 'edit', action: { type: 'delete-word' } }]],
  ['Ctrl-A and Home go to the start', 'a', { ctrl: true }, [{ type: 'edit', action: { type: 'move', to: 'home' } }]],
  ['↑ is an earlier command', '', { upArrow: true }, [{ type: 'edit', action: { type: 'history', delta: -1 } }]],
  ['↓ is a later command', '', { downArrow: true }, [{ type: 'edit', action: { type: 'history', delta: 1 } }]],
  ['← moves the cursor', '', { leftArrow: true }, [{ type: 'edit', action: { type: 'move', to: 'left' } }]],
  ['Backspace (DEL, which Ink calls delete) erases to the left', '', { delete: true }, [{ type: 'edit', action: { type: 'backspace' } }]],
  ['an unbound Ctrl key does nothing', 'b', { ctrl: true }, []],
  ['Esc does nothing', '', { escape: true }, []],
  ['Page Up does nothing', '', { pageUp: true }, []],
  ['Alt with a letter types nothing', 'x', { meta: true }, []],
  ['keys typed faster than a frame: one insert, then Tab', 'kubectl ge\t', {}, [insert('kubectl ge'), { type: 'complete' }]],
  [
    'a pasted script: each line typed in one piece and run',
    'kubectl get po\nexit\n',
    {},
    [insert('kubectl get po'), { type: 'submit' }, insert('exit'), { type: 'submit' }],
  ],
  ['a paste with CR LF ends each line once', 'a\r\nb\r\n', {}, [insert('a'), { type: 'submit' }, insert('b'), { type: 'submit' }]],
  ['control characters in a paste are not typed', 'a\u0007b', {}, [insert('ab')]],
  ['an arrow inside a paste moves between the pieces', 'ab\u001b[Dc', {}, [insert('ab'), { type: 'edit', action: { type: 'move', to: 'left' } }, insert('c')]],
];

describe('sandbox keys', () => {
  for (const [name, input, key, expected] of rows) it(name, () => assert.deepEqual(sandboxActions(input, { ...none, ...key }), expected));

  it('a key bound twice would be ambiguous: each key has one binding', () => {
    const keys = SANDBOX_BINDINGS.flatMap((b) => b.keys);
    assert.equal(new Set(keys).size, keys.length);
  });
});
