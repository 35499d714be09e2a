import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/fixtures.js';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('nodeport-lab quiz in a real terminal', { skip: tmuxMissing() }, () => {
  it('opens straight on the quiz, gives feedback in words, and keeps the result after quitting', async () => {
    const home = tempDir('npl-quiz-');
    const term = new Terminal(`node ${CLI} quiz --lessons ${fixture('quiz-course')} --seed 4`, { columns: 100, rows: 40 }, { NODEPORT_LAB_HOME: home });
    try {
      await term.waitFor((s) => s.includes('SINGLE-PROMPT') && s.includes('Question 1'));
      term.keys('g');
      const shown = await term.waitFor((s) => s.includes('right answer'));
      assert.match(shown, /✗ Not quite\./);
      assert.match(shown, /nodePort +✓ right answer/);
      term.keys('Enter');
      await term.waitFor((s) => s.includes('TYPED-PROMPT'));
      term.keys('32767', 'Enter');
      await term.waitFor((s) => s.includes('✓ Right.'));
      term.keys('C-c');
      const { code, stty } = await term.exited();
      assert.equal(code, 0);
      assert.ok(saneModes(stty));
      const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
      assert.deepEqual(saved.last, { lesson: 'quiz-lesson', step: 'quiz' });
    } finally {
      term.close();
    }
  });
});
