// Lesson 3's `$ kubectl run ...` in the built course, in a real terminal at 60x20 and 80x24: the
// lesson text's window never shows the command's first row without the rest of it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing();

/** The lesson text's rows: under the title's rule, down to the pinned goal. */
function textPane(screen: string): string[] {
  const rows = screen.split('\n');
  const top = rows.findIndex((r) => /^[─-]{20,}/.test(r));
  const goal = rows.findIndex((r, i) => i > top && r.startsWith('Goal'));
  return rows.slice(top + 1, goal < 0 ? undefined : goal);
}

describe('a command in lesson text is not cut at the fold', { skip }, () => {
  for (const size of [
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ]) {
    it(`lesson 3, kubectl run, at ${size.columns}x${size.rows}`, async () => {
      const home = tempDir('npl-fold-');
      writeFileSync(join(home, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson: 'create-the-pod', step: 'run-the-pod' } }));
      const term = new Terminal(`node ${CLI} --seed 4`, size, { NODEPORT_LAB_HOME: home });
      try {
        await term.waitFor((s) => s.includes('Continue lesson'));
        term.keys('Enter');
        let screen = await term.waitFor((s) => s.includes('Create a pod with kubectl run') && s.includes('Goal'));
        // Scroll the text a row at a time from its top to its end (esc gives the keys to the lesson text):
        // at every row the command is whole or absent.
        term.keys('Escape');
        const typing = screen;
        screen = await term.waitFor((s) => s !== typing);
        let seen = false;
        for (let row = 0; row < 40; row++) {
          const pane = textPane(screen);
          const at = pane.findIndex((r) => r.startsWith('$ kubectl run my-first-pod'));
          if (at >= 0) {
            const whole = `${pane[at]} ${pane[at + 1] ?? ''}`.replace(/\s+/g, ' ');
            assert.match(whole, /\$ kubectl run my-first-pod --image stacksimplify\/kubenginx:1\.0\.0/, pane.join('\n'));
            seen = true;
          }
          if (/\bend\b/.test(screen.split('\n').at(-2) ?? '') || !/more \d+%/.test(screen)) break;
          const before = screen;
          term.keys('Down');
          screen = await term.waitFor((s) => s !== before);
        }
        assert.ok(seen, 'the command was in view');
      } finally {
        term.close();
      }
    });
  }
});
