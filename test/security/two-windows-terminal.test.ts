// Two real terminals on one progress folder: the second is told about the first, and neither
// loses the other's steps.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/fixtures.js';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('two windows on one progress folder, in real terminals', { skip: tmuxMissing() }, () => {
  it('A finishes steps of lesson 1, B of lesson 2: both are kept, and B is told A is open', async () => {
    const home = tempDir('npl-two-');
    const command = `node ${CLI} --lessons ${fixture('course')} --seed 2`;
    const a = new Terminal(command, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home });
    let b: Terminal | null = null;
    try {
      await a.waitFor((s) => s.includes('First lesson'));
      b = new Terminal(command, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home });
      await b.waitFor((s) => s.includes('Another nodeport-lab window is open'));
      a.keys('Enter');
      await a.waitFor((s) => s.includes('Hello step'));
      a.keys('Right');
      await a.waitFor((s) => s.includes('Picture step'));
      b.keys('Down', 'Enter');
      await b.waitFor((s) => !s.includes('First lesson') || s.includes('step 1'));
      b.keys('Right');
      const read = () => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { lessons: Record<string, { done: string[] }> };
      await b.waitFor(() => {
        try {
          return (read().lessons.second?.done.length ?? 0) > 0;
        } catch {
          return false;
        }
      });
      a.keys('Right');
      await a.waitFor((s) => s.includes('Manifest step'));
      await a.waitFor(() => (read().lessons.first?.done.length ?? 0) === 2);
      const saved = read();
      assert.deepEqual(saved.lessons.first?.done, ['hello', 'picture']);
      assert.equal(saved.lessons.second?.done.length, 1);
      a.keys('q');
      b.keys('q');
      await a.exited();
      await b.exited();
      assert.deepEqual(read().lessons.first?.done, ['hello', 'picture']);
      assert.equal(read().lessons.second?.done.length, 1);
    } finally {
      a.close();
      b?.close();
    }
  });
});
