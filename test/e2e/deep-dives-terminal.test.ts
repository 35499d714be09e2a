import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('deep dives in the shipped course, in a real terminal', { skip: tmuxMissing() }, () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 60, rows: 20 },
  ]) {
    it(`at ${size.columns}x${size.rows}: minutes on the list, → passes over a deep dive, d takes them, the choice is kept`, async () => {
      const home = tempDir('npl-deep-');
      const term = new Terminal(`node ${CLI} --seed 2`, size, { NODEPORT_LAB_HOME: home });
      try {
        const list = await term.waitFor((s) => s.includes('Core path about'));
        assert.match(list, /Why a pod needs a Service +\d+ ?m/);
        assert.match(list, /Break it on purpose +deep/);
        for (const row of list.split('\n')) assert.ok(row.length <= size.columns, row);
        // Lesson 4, step 2 (a read step), then →: step 3 is a deep dive and is passed over.
        for (let i = 0; i < 3; i++) {
          term.keys('j');
          await term.waitFor((s) => new RegExp(`›\\s+\\S*\\s*${i + 2} `).test(s));
        }
        term.keys('Enter');
        await term.waitFor((s) => s.includes('Lesson 4/') && s.includes('step 1/'));
        term.keys('Escape');
        await term.waitFor((s) => s.includes('i to type again') || /→ next/.test(s));
        term.keys('Right');
        await term.waitFor((s) => s.includes('step 2/'));
        term.keys('Right');
        const passed = await term.waitFor((s) => s.includes('step 4/'));
        assert.match(passed, /Passed over a deep dive/);
        // On the lesson list, d takes deep dives; the lesson now opens at the deep step it passed over.
        term.keys('Escape');
        await term.waitFor((s) => s.includes('i to type again') || /l lessons/.test(s));
        term.keys('l');
        await term.waitFor((s) => s.includes('Core path about'));
        term.keys('d');
        await term.waitFor((s) => s.includes('Deep dives on'));
        term.keys('Enter');
        const deep = await term.waitFor((s) => s.includes('Lesson 4/') && s.includes('step 3/'));
        assert.match(deep, /Deep dive, beyond the core path/);
        // → now stops at every step.
        term.keys('Right');
        await term.waitFor((s) => s.includes('step 4/'));
        term.keys('Escape');
        await term.waitFor((s) => /q quit/.test(s));
        term.keys('q');
        await term.exited();
      } finally {
        term.close();
      }
      const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
      assert.equal(saved.version, 2);
      assert.equal(saved.deepDives, true);
    });
  }
});
