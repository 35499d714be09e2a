import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edit, emptyEditor, type EditAction, type Editor } from '../../../src/core/shell/line-editor.js';

const apply = (editor: Editor, ...actions: EditAction[]) => actions.reduce(edit, editor);
const typed = (text: string) => apply(emptyEditor, { type: 'insert', text });

describe('the sandbox line editor', () => {
  it('inserts and erases at the cursor', () => {
    const e = apply(typed('kubectl get'), { type: 'move', to: 'home' }, { type: 'move', to: 'right' }, { type: 'backspace' }, { type: 'insert', text: 'K' });
    assert.deepEqual([e.text, e.cursor], ['Kubectl get', 1]);
    assert.equal(apply(typed('abc'), { type: 'move', to: 'home' }, { type: 'backspace' }).text, 'abc');
    assert.equal(apply(typed('abc'), { type: 'move', to: 'home' }, { type: 'delete' }).text, 'bc');
  });

  it('deletes the word before the cursor and clears the line', () => {
    assert.equal(apply(typed('kubectl get pods'), { type: 'delete-word' }).text, 'kubectl get ');
    assert.deepEqual(apply(typed('x'), { type: 'clear' }), { ...emptyEditor });
  });

  it('walks history up and down, restoring the line being written', () => {
    let e = apply(typed('first'), { type: 'submit' }, { type: 'insert', text: 'second' }, { type: 'submit' }, { type: 'insert', text: 'draft' });
    e = edit(e, { type: 'history', delta: -1 });
    assert.equal(e.text, 'second');
    e = apply(e, { type: 'history', delta: -1 }, { type: 'history', delta: -1 });
    assert.equal(e.text, 'first', 'stops at the oldest');
    e = apply(e, { type: 'history', delta: 1 }, { type: 'history', delta: 1 });
    assert.equal(e.text, 'draft');
  });

  it('does not store blank lines or a repeat of the last line', () => {
    const e = apply(typed('a'), { type: 'submit' }, { type: 'insert', text: 'a' }, { type: 'submit' }, { type: 'insert', text: '  ' }, { type: 'submit' });
    assert.deepEqual(e.history, ['a']);
  });

  it('keeps the last 500 lines for ↑, as bash does', () => {
    let e = emptyEditor;
    for (let i = 1; i <= 520; i++) e = apply(e, { type: 'insert', text: `line ${i}` }, { type: 'submit' });
    assert.equal(e.history.length, 500);
    assert.equal(e.history[0], 'line 21');
    assert.equal(apply(e, { type: 'history', delta: -1 }).text, 'line 520');
  });

  it('replaces the text before the cursor with a completion, keeping what follows', () => {
    const e = apply(typed('kubectl ge pods'), { type: 'move', to: 'home' });
    const moved = apply(e, ...Array.from({ length: 10 }, () => ({ type: 'move', to: 'right' }) as const));
    const done = edit(moved, { type: 'replace', text: 'kubectl get' });
    assert.deepEqual([done.text, done.cursor], ['kubectl get pods', 11]);
  });
});

describe('characters beyond the basic plane', () => {
  it('count an emoji as one character, so the cursor never splits it', () => {
    const e = apply(typed('a😀b'), { type: 'move', to: 'left' }, { type: 'backspace' });
    assert.deepEqual([e.text, e.cursor], ['ab', 1]);
    const back = apply(typed('😀😀'), { type: 'move', to: 'left' });
    assert.equal(back.cursor, 2, 'one character back is two UTF-16 units');
    assert.equal(apply(back, { type: 'insert', text: 'x' }).text, '😀x😀');
  });

  it('window a long line by display width around the cursor', async () => {
    const { visibleLine } = await import('../../../src/core/shell/line-editor.js');
    const { width } = await import('../../../src/text/line.js');
    const e = typed('中'.repeat(50));
    const shown = visibleLine(e, 20, width);
    assert.equal(shown.at, ' ');
    assert.ok(width(shown.before + shown.at + shown.after) <= 20);
    assert.ok(shown.before.length > 0);
  });
});
