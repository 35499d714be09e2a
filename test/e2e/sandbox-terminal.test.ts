import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saneModes, Terminal, tmuxMissing, CLI } from '../helpers/tmux.js';

describe('the sandbox in a real terminal', { skip: tmuxMissing() }, () => {
  it("runs the lecture's first commands, completes with Tab, and leaves with Ctrl-D, terminal sane", async () => {
    const term = new Terminal(`node ${CLI} sandbox --seed 42`, { columns: 120, rows: 30 });
    try {
      await term.waitFor((s) => s.includes('Type help'));
      term.keys('kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', 'Enter');
      await term.waitFor((s) => s.includes('pod/my-first-pod created'));
      term.keys('kubectl ge', 'Tab', 'po', 'Tab');
      await term.waitFor((s) => s.includes('po  pods'), 5000);
      term.keys('d', 'Tab', 'Enter');
      await term.waitFor((s) => s.includes('$ kubectl get pods') && /my-first-pod +[01]\/1/.test(s));
      term.keys('C-d');
      const { code, stty } = await term.exited();
      assert.equal(code, 0);
      assert.ok(saneModes(stty));
      assert.ok(term.cursorVisible());
    } finally {
      term.close();
    }
  });
});
