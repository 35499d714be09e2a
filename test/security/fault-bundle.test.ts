// The crash-on-purpose switch is for the tests: the bundle learners run has none of it, and the
// variable set in their environment does nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';
import { CLI, FAULT_CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';

describe('NODEPORT_LAB_FAULT', () => {
  it('is not in the shipped bundle, and is in the test bundle', { skip: existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)' }, () => {
    const shipped = readFileSync(CLI, 'utf8');
    assert.ok(!shipped.includes('NODEPORT_LAB_FAULT'));
    assert.ok(!shipped.includes('a fault set by'));
    assert.ok(readFileSync(FAULT_CLI, 'utf8').includes('NODEPORT_LAB_FAULT'));
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { files: string[] };
    assert.ok(!pkg.files.some((f) => FAULT_CLI.endsWith(f)), 'the test bundle is not packed');
  });

  it('set in a learner\'s environment, does nothing to the shipped bundle', { skip: tmuxMissing() }, async () => {
    const term = new Terminal(`node ${CLI} sandbox --seed 2`, { columns: 100, rows: 30 }, { NODEPORT_LAB_FAULT: 'key:!' });
    try {
      await term.waitFor((s) => s.includes('Type help'));
      term.keys('!');
      await term.waitFor((s) => s.includes('$ !'));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('!: command not found'));
      term.keys('exit', 'Enter');
      assert.equal((await term.exited()).code, 0);
    } finally {
      term.close();
    }
  });
});
