import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('a trace step in a real terminal', { skip: tmuxMissing() }, () => {
  it("steps through the learner's own request, plays it, and survives a resize mid-trace", async () => {
    const home = tempDir('npl-trace-');
    const term = new Terminal(`node ${CLI} --seed 3`, { columns: 110, rows: 40 }, { NODEPORT_LAB_HOME: home });
    try {
      await term.waitFor((s) => s.includes('A request, hop by hop'));
      term.keys('j', 'j', 'j', 'j', 'j', 'j', 'j', 'Enter');
      await term.waitFor((s) => s.includes('Lesson 8/'));
      // On to the trace: the core path passes over the lesson's deep dives on the way.
      for (let i = 0; i < 10 && !term.screen().includes('Follow your own request'); i++) {
        const before = term.screen();
        term.keys('Right');
        await term.waitFor((s) => s !== before);
      }
      const first = await term.waitFor((s) => s.includes('Follow your own request') && s.includes('Hop 1 of'));
      assert.match(first, /\[1:you\]/);
      term.keys('Right');
      const second = await term.waitFor((s) => s.includes('Hop 2 of'));
      assert.match(second, /in +198\.51\.100\.7:\d+ -> 203\.0\.113\.\d+:\d+ SYN/);
      term.resize(90, 30);
      await term.waitFor((s) => s.includes('Hop 2 of') && !s.split('\n').some((l) => l.length > 90));
      term.keys('a');
      const end = await term.waitFor((s) => /\[✓.answer\]/.test(s));
      assert.match(end, /The way back/);
      term.keys('q');
      const { code, stty } = await term.exited();
      assert.equal(code, 0);
      assert.ok(saneModes(stty));
    } finally {
      term.close();
    }
  });
});
