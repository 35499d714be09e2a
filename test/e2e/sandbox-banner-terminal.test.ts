// The sandbox's first line, its own sentence, breaks between words at 80 and at 60 columns: no
// "Type hel" on one row and "p for the commands" on the next.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';

describe("the sandbox's greeting, between words", { skip: tmuxMissing() }, () => {
  const terms: Terminal[] = [];
  after(() => terms.forEach((t) => t.close()));

  for (const columns of [80, 60]) {
    it(`${columns} columns: every word of the greeting whole on its row`, async () => {
      const term = new Terminal(`node ${CLI} sandbox --seed 1`, { columns, rows: 20 });
      terms.push(term);
      const screen = await term.waitFor((s) => s.includes('leave.'));
      const greeting = screen.slice(0, screen.indexOf('leave.') + 'leave.'.length);
      const rows = greeting.split('\n').map((r) => r.trim());
      assert.equal(rows.join(' '), 'nodeport-lab sandbox: a simulated cluster (seed 1). Type help for the commands, exit to leave.', screen);
      assert.ok(rows.length > 1, 'the greeting is longer than one row here');
    });
  }
});
