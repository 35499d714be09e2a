// Pipes that close early and a stdin line far past anything readline can hold.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runScript } from '../../src/commands/sandbox.js';
import { CLI } from '../helpers/tmux.js';
import { files } from '../unit/shell/helpers.js';

const built = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const sh = (command: string) => spawnSync('sh', ['-c', command], { encoding: 'utf8', env: { ...process.env, CLI } });

describe('pipes and long lines', () => {
  it('print | head ends quietly', { skip: built }, () => {
    const run = sh('node "$CLI" print | head -1');
    assert.match(run.stdout, /^Lesson 1: /);
    assert.equal(run.stderr, '');
  });

  it('sandbox | head ends quietly', { skip: built }, () => {
    const run = sh('yes "kubectl get nodes -o wide" | head -3000 | node "$CLI" sandbox --seed 1 | head -1');
    assert.match(run.stdout, /^NAME/);
    assert.equal(run.stderr, '');
  });

  it('a 600 MiB line on stdin is refused as too long, and the next line runs', { timeout: 120_000 }, async () => {
    const MiB = 'x'.repeat(1024 * 1024);
    async function* input() {
      yield 'kubectl version --client\n';
      for (let i = 0; i < 600; i++) yield MiB;
      yield '\nkubectl get nodes\n';
    }
    const out: string[] = [];
    const err: string[] = [];
    const status = await runScript(
      1,
      files(),
      input(),
      (t) => void out.push(t),
      (t) => void err.push(t),
    );
    assert.match(out.join(''), /Client Version: v1\.32/);
    assert.deepEqual(err, ['nodeport-lab: line too long (more than 4096 characters)\n']);
    assert.match(out.join(''), /control-plane/);
    assert.equal(status, 0);
  });
});
