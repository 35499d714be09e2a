// Tier: slow
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomLines } from '../helpers/random-lines.js';
import { CLEAR_TERMINAL, CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { SOAK } from '../helpers/soak.js';

const SIZE = { columns: 100, rows: 30 };
// Every pasted line goes through Ink and is drawn (about 5 ms each here): 500 in the default run,
// 10,000 in the soak run (npm run test:soak); NPL_PASTED_LINES sets another count.
const COUNT = Number(process.env.NPL_PASTED_LINES ?? (SOAK ? 10000 : 500));

describe('the interactive sandbox under hostile input, in a real terminal', { skip: tmuxMissing() }, () => {
  it(`takes ${COUNT.toLocaleString('en')} random lines pasted at once without a crash or a frame taller than the window`, async () => {
    const term = new Terminal(`node ${CLI} sandbox --seed 3`, SIZE);
    try {
      await term.waitFor((s) => s.includes('Type help'));
      term.record();
      // The lines' control characters arrive as keys: a bell, and Up (the history) in mid-line.
      const lines = randomLines(5, COUNT);
      term.paste(`${lines.join('\n')}\necho-done\n`);
      const screen = await term.waitFor((s) => s.includes('echo-done: command not found'), COUNT * 100);
      const rows = screen.split('\n');
      assert.ok(rows.every((row) => row.length <= SIZE.columns));
      assert.ok(!term.recorded().includes(CLEAR_TERMINAL), 'Ink never had to clear a frame taller than the window');
      term.keys('kubectl get svc', 'Enter');
      await term.waitFor((s) => /kubernetes +ClusterIP/.test(s));
      term.keys('C-d');
      const { code, stty } = await term.exited();
      assert.equal(code, 0);
      assert.ok(saneModes(stty), stty);
    } finally {
      term.close();
    }
  });

  it('prints each of 300 pasted commands and its answer exactly once, in order, through a long session', async () => {
    const term = new Terminal(`node ${CLI} sandbox --seed 3`, SIZE);
    try {
      await term.waitFor((s) => s.includes('Type help'));
      const names = Array.from({ length: 300 }, (_, i) => `cmd${String(i + 1).padStart(3, '0')}`);
      term.paste(`${names.join('\n')}\n`);
      await term.waitFor((s) => s.includes('cmd300: command not found'), 60000);
      const scrollback = term.tmux('capture-pane', '-p', '-S', '-');
      const answered = [...scrollback.matchAll(/^(cmd\d{3}): command not found/gm)].map((m) => m[1]);
      assert.deepEqual(answered, names);
      term.keys('C-d');
      assert.equal((await term.exited()).code, 0);
    } finally {
      term.close();
    }
  });
});
