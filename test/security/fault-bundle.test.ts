// The crash-on-purpose switch is for the tests: the bundle learners run has none of it, and the
// variable set in their environment does nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';
import { CLI, FAULT_CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';

describe('NODEPORT_LAB_FAULT', () => {
  it('is not in the shipped bundle, and is in the test bundle', { skip: existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)' }, () => {
    // The bundle is split by command: the entry cli.js, the app cli.mjs and its chunk-*.mjs ship;
    // cli-faults.js, cli-faults.mjs and its faults-*.mjs do not. Both take the core from script.cjs.
    const bundle = (entry: string, chunk: RegExp): string =>
      [
        entry,
        ...readdirSync(dirname(entry))
          .filter((n) => chunk.test(n))
          .map((n) => join(dirname(entry), n)),
      ]
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    const shipped = bundle(CLI, /^(cli\.mjs|chunk-.*\.mjs|script\.cjs)$/);
    assert.ok(!shipped.includes('NODEPORT_LAB_FAULT'));
    assert.ok(!shipped.includes('a fault set by'));
    assert.ok(bundle(FAULT_CLI, /^(cli-faults\.mjs|faults-.*\.mjs)$/).includes('NODEPORT_LAB_FAULT'));
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { files: string[] };
    assert.ok(!pkg.files.some((f) => FAULT_CLI.endsWith(f) || f.includes('faults') || f === 'dist/*.js'), 'the test bundle is not packed');
  });

  it("set in a learner's environment, does nothing to the shipped bundle", { skip: tmuxMissing() }, async () => {
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
