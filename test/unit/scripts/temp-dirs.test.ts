// Nothing a test run makes stays in the system's temporary folder: a folder from tempDir
// (test/helpers/temp.ts) goes when the process that made it ends, however it ends, and no test
// makes one any other way.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { repoPath } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';

/** Runs a TypeScript file in a process of its own, with TMPDIR pointed at `tmp`. */
function runTs(file: string, tmp: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: repoPath('.'), encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
}

describe('temporary folders of the tests', () => {
  const helper = pathToFileURL(repoPath('test/helpers/temp.ts')).href;

  for (const ending of ['ends', 'throws'] as const) {
    it(`a folder from tempDir, with a file in it, is gone once its process ${ending}`, () => {
      const tmp = tempDir('npl-temp-probe-');
      const probe = join(tmp, 'probe.ts');
      writeFileSync(
        probe,
        [
          `import { writeFileSync } from 'node:fs';`,
          `import { join } from 'node:path';`,
          `import { tempDir } from ${JSON.stringify(helper)};`,
          `const dir = tempDir('made-');`,
          `writeFileSync(join(dir, 'kept.txt'), 'x');`,
          `console.log(dir);`,
          ending === 'throws' ? `throw new Error('the test failed');` : '',
        ].join('\n'),
      );
      const run = runTs(probe, tmp);
      assert.equal(run.status, ending === 'throws' ? 1 : 0, run.stderr);
      const made = run.stdout.trim();
      assert.ok(made.startsWith(join(tmp, 'made-')), made);
      assert.equal(existsSync(made), false, `${made} is still there`);
      assert.deepEqual(
        readdirSync(tmp).filter((name) => name.startsWith('made-')),
        [],
      );
    });
  }

  it('the test runner leaves no folder of its own behind, even when it only lists files', () => {
    const tmp = tempDir('npl-runner-tmp-');
    const run = spawnSync(process.execPath, [repoPath('scripts/test.mjs'), '--list', 'test/unit/scripts'], {
      cwd: repoPath('.'),
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmp },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /test\/unit\/scripts\/temp-dirs\.test\.ts/);
    assert.deepEqual(readdirSync(tmp), []);
  });

  it('no test makes a temporary folder but through tempDir', () => {
    const files = readdirSync(repoPath('test'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ts|tsx|mts|mjs)$/.test(name));
    const direct = files.filter((name) => name !== join('helpers', 'temp.ts') && /\bmkdtemp(Sync)?\(/.test(readFileSync(repoPath(join('test', name)), 'utf8')));
    assert.ok(files.length > 100, `only ${files.length} files read`);
    assert.deepEqual(direct, [], 'these make temporary folders that nothing removes');
  });
});
