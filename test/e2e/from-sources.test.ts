// Tier: slow
// The CLI run from its sources (node --import tsx src/cli.tsx), without a build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';

// `node --import tsx src/cli.tsx` runs the CLI from its TypeScript, as a contributor does before
// any build: the shipped lessons are found at the package's root, not beside src/commands/.
describe('the CLI run from its sources', () => {
  it('prints a shipped lesson and lints the shipped lessons', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/cli.tsx'), ...args], { encoding: 'utf8', cwd: repoPath('.') });
    const printed = run(['print', '1']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, /^Lesson 1: /);
    const linted = run(['lint']);
    assert.equal(linted.status, 0, linted.stderr);
    assert.match(linted.stdout, /lessons: \d+ lessons, \d+ steps, no problems/);
  });
});
