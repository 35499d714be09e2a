import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/fixtures.js';
import { FAULT_CLI as CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const home = () => tempDir('npl-crash-');
const MESSAGE = 'nodeport-lab stopped because of a bug in it: a fault set by NODEPORT_LAB_FAULT';

// NODEPORT_LAB_FAULT makes the UI throw when a key is pressed: once while React draws (its error
// boundary's path) and once in the key handler itself (outside React, an uncaught exception).
describe('a bug inside the UI, in a real terminal', { skip: tmuxMissing() }, () => {
  for (const where of ['render', 'key'] as const) {
    it(`a throw while ${where === 'render' ? 'drawing' : 'handling a key'}: terminal restored, one readable message, progress intact, exit 1`, async () => {
      const dir = home();
      const term = new Terminal(
        `node ${CLI} --lessons ${fixture('course')} --seed 2`,
        { columns: 100, rows: 30 },
        { NODEPORT_LAB_HOME: dir, NODEPORT_LAB_FAULT: `${where}:!` },
      );
      try {
        await term.waitFor((s) => s.includes('First lesson'));
        term.keys('Enter');
        await term.waitFor((s) => s.includes('Hello step'));
        term.keys('Right');
        await term.waitFor((s) => s.includes('Picture step'));
        // The save follows the frame (written, flushed to disk, renamed): wait for it, not for a time.
        const read = () => {
          try {
            return JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
          } catch {
            return null;
          }
        };
        await term.waitFor(() => read()?.last?.step === 'picture');
        const progress = read();
        assert.deepEqual(progress.last, { lesson: 'first', step: 'picture' });

        term.keys('!');
        const { code, stty } = await term.exited();
        assert.equal(code, 1);
        assert.ok(saneModes(stty), stty);
        assert.ok(term.cursorVisible(), 'the cursor is shown again');
        const screen = term.screen();
        assert.ok(screen.includes(MESSAGE), screen);
        assert.ok(screen.includes('Run it again with NODEPORT_LAB_DEBUG=1 to see where it happened.'));
        assert.ok(screen.includes('Your progress up to the last step is saved.'));
        assert.doesNotMatch(screen, /^\s+at /m, 'no stack trace unless asked for');
        assert.deepEqual(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')), progress);
      } finally {
        term.close();
      }

      const again = new Terminal(`node ${CLI} --lessons ${fixture('course')} --seed 2`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
      try {
        await again.waitFor((s) => s.includes('Continue lesson 1, step 2 ("Picture step")?'));
        again.keys('q');
        assert.equal((await again.exited()).code, 0);
      } finally {
        again.close();
      }
    });
  }

  it('NODEPORT_LAB_DEBUG=1 adds where it happened', async () => {
    const term = new Terminal(
      `node ${CLI} --lessons ${fixture('course')}`,
      { columns: 100, rows: 30 },
      { NODEPORT_LAB_HOME: home(), NODEPORT_LAB_FAULT: 'key:!', NODEPORT_LAB_DEBUG: '1' },
    );
    try {
      await term.waitFor((s) => s.includes('First lesson'));
      term.keys('!');
      const { code } = await term.exited();
      assert.equal(code, 1);
      const screen = term.screen();
      assert.ok(screen.includes(MESSAGE), screen);
      assert.match(screen, /^\s+at .*(cli-faults|faults-\w+)\.m?js:\d+:\d+/m);
    } finally {
      term.close();
    }
  });

  it('the sandbox survives the same bug the same way', async () => {
    const term = new Terminal(`node ${CLI} sandbox --seed 2`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home(), NODEPORT_LAB_FAULT: 'key:!' });
    try {
      await term.waitFor((s) => s.includes('Type help'));
      term.keys('kubectl get pods');
      await term.waitFor((s) => s.includes('$ kubectl get pods'));
      term.keys('!');
      const { code, stty } = await term.exited();
      assert.equal(code, 1);
      assert.ok(saneModes(stty), stty);
      assert.ok(term.cursorVisible());
      assert.ok(term.screen().includes(MESSAGE));
    } finally {
      term.close();
    }
  });
});
