// Tier: slow
// The V8 flags of src/memory.ts: which are set, and on each proven Node version (npm's cached
// Node 22 and 24 where there is one), that they exist, print nothing and hold the young generation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { HEAP_FLAGS, memoryFlags, PROVEN_ON, TERMINAL_FLAGS } from '../../src/memory.js';
import { repoPath } from '../helpers/fixtures.js';

/** A Node binary of this major: this one, or one npm has cached (`npx -p node@22 node -v` caches it). */
function nodeOf(major: number): string | null {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const found = spawnSync('npx', ['--offline', '-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 60_000 });
  return found.status === 0 ? found.stdout.trim() : null;
}

// Loads src/memory.ts, sets the terminal's flags too (a test has no terminal), then allocates
// enough to make V8 grow its young generation unless --semi-space-growth-factor=1 holds, and
// prints the young generation's size before and after.
const probe = `
const { memoryFlags } = await import(${JSON.stringify(repoPath('src/memory.ts'))});
const v8 = await import('node:v8');
v8.setFlagsFromString(memoryFlags(process.versions.node, true).join(' '));
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const before = young();
let keep = [];
for (let i = 0; i < 3e6; i++) { keep.push({ i }); if (keep.length > 2e5) keep = []; }
console.log(JSON.stringify({ before, after: young() }));
`;

describe('the V8 flags of src/memory.ts', () => {
  it('are set on proven Node versions only, the compilers kept without a terminal', () => {
    assert.deepEqual(memoryFlags('20.1.0', false), HEAP_FLAGS);
    assert.deepEqual(memoryFlags('24.0.0', true), [...HEAP_FLAGS, ...TERMINAL_FLAGS]);
    assert.deepEqual(memoryFlags('26.0.0', true), [], 'an unproven Node gets none, so no "unrecognized flag"');
    assert.deepEqual(memoryFlags('18.20.0', true), []);
  });

  for (const major of PROVEN_ON) {
    it(`exist on Node ${major}, print nothing there and keep the young generation small`, (t) => {
      const node = nodeOf(major);
      if (!node) return t.skip(`no Node ${major} here: npx -p node@${major} node -v fetches one`);
      const options = spawnSync(node, ['--v8-options'], { encoding: 'utf8', maxBuffer: 1 << 24 }).stdout;
      for (const flag of memoryFlags(`${major}.0.0`, true)) {
        const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
        assert.match(options, new RegExp(`^\\s+--${name} \\(`, 'm'), `${flag} on Node ${major}`);
      }
      const run = spawnSync(node, ['--import', 'tsx', '--input-type=module', '-e', probe], { encoding: 'utf8', cwd: repoPath('.') });
      assert.equal(run.stderr, '', `Node ${major} printed on stderr`);
      assert.equal(run.status, 0);
      const { before, after } = JSON.parse(run.stdout) as { before: number; after: number };
      // Without the flag V8 grows it to 32 or 64 MiB under this load (measured on 20, 22 and 24).
      assert.ok(after <= 4 * before, `young generation ${before} -> ${after} bytes on Node ${major}`);
    });
  }
});
