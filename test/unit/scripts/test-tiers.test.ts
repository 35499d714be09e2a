// The test runner's two tiers (scripts/test.mjs): `npm test` leaves out the files whose header says
// `// Tier: slow`, `npm run test:slow` takes only those, a soak takes both, and a file named on the
// command line runs whatever its tier. Read through the runner's own `--list`, on the real tree and
// on a folder of files made here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';

const runner = repoPath('scripts/test.mjs');

function list(args: string[], env: Record<string, string> = {}): string[] {
  const run = spawnSync(process.execPath, [runner, '--list', ...args], {
    cwd: repoPath('.'),
    encoding: 'utf8',
    env: { ...process.env, NPL_SOAK: '', ...env },
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean);
}

describe('the test runner’s tiers', () => {
  // A folder of its own outside the repository (the runner names its files relative to the
  // repository all the same), removed at the end.
  const folder = tempDir('npl-tiers-');
  const at = (name: string) => relative(repoPath('.'), join(folder, name)).split('\\').join('/');
  mkdirSync(join(folder, 'e2e'));
  writeFileSync(join(folder, 'quick.test.ts'), "// A quick file.\nimport 'node:test';\n");
  writeFileSync(join(folder, 'slow.test.ts'), "// Tier: slow\n// A slow one.\nimport 'node:test';\n");
  // The marker counts in the header only: below the first import it is just a comment.
  writeFileSync(join(folder, 'e2e', 'late-mark.test.ts'), "import 'node:test';\n// Tier: slow\n");
  writeFileSync(join(folder, 'not-a-test.ts'), '// Tier: slow\n');

  it('npm test takes a folder’s quick files, test:slow its slow ones, a soak both', (t) => {
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const relativeFolder = relative(repoPath('.'), folder);
    assert.deepEqual(list([relativeFolder]), [at('e2e/late-mark.test.ts'), at('quick.test.ts')]);
    assert.deepEqual(list(['--slow', relativeFolder]), [at('slow.test.ts')]);
    assert.deepEqual(list([relativeFolder], { NPL_SOAK: '1' }), [at('e2e/late-mark.test.ts'), at('quick.test.ts'), at('slow.test.ts')]);
    assert.deepEqual(list([at('slow.test.ts')]), [at('slow.test.ts')], 'a file named by itself runs');
  });

  it('on the real tree, the two tiers split every test file between them', () => {
    const quick = list([]);
    const slow = list(['--slow']);
    const all = list([], { NPL_SOAK: '1' });
    assert.ok(slow.includes('test/e2e/real-cluster.test.ts'));
    assert.ok(quick.includes('test/e2e/sandbox-terminal.test.ts'));
    assert.deepEqual([...quick, ...slow].sort(), [...all].sort());
  });
});
