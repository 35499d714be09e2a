// Tier: slow
// The built CLI on each Node it is proven on (20, 22 and 24, where npm has one cached: `npx -p
// node@22 node -v` caches it): --version from the CommonJS entry, a scripted sandbox from the shared
// core through V8's code cache (kept on the second run, taken on the third), and print from the app's
// ES modules, each with the same output as on this Node.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROVEN_ON } from '../../src/memory.js';
import { CLI } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

/** A Node binary of this major: this one, or one npm has cached. */
function nodeOf(major: number): string | null {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const found = spawnSync('npx', ['--offline', '-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 60_000 });
  return found.status === 0 ? found.stdout.trim() : null;
}

const LINE = 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n';
const run = (node: string, args: string[], home: string, input = '') => {
  const { stdout, stderr, status } = spawnSync(node, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NODEPORT_LAB_HOME: home } });
  return { stdout, stderr, status };
};

describe('the built CLI on each proven Node', { skip: existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)' }, () => {
  const here = tempDir('npl-nodes-');
  const expected = {
    version: run(process.execPath, ['--version'], here),
    sandbox: run(process.execPath, ['sandbox', '--seed', '1'], here, LINE),
    print: run(process.execPath, ['print', '1'], here),
  };

  for (const major of PROVEN_ON) {
    it(`Node ${major}: the entry, the shared core with its code cache, and the ES modules`, (t) => {
      const node = nodeOf(major);
      if (!node) return t.skip(`no Node ${major} here: npx -p node@${major} node -v fetches one`);
      const home = tempDir('npl-nodes-');
      assert.deepEqual(run(node, ['--version'], home), expected.version);
      const caches = () => (existsSync(join(home, 'cache')) ? readdirSync(join(home, 'cache')) : []);
      assert.deepEqual(run(node, ['sandbox', '--seed', '1'], home, LINE), expected.sandbox);
      assert.deepEqual(run(node, ['sandbox', '--seed', '1'], home, LINE), expected.sandbox);
      const [cache, ...more] = caches();
      assert.match(cache ?? '', new RegExp(`-script-v${major}\\.`));
      assert.deepEqual(more, []);
      const written = statSync(join(home, 'cache', cache!)).mtimeMs;
      assert.deepEqual(run(node, ['sandbox', '--seed', '1'], home, LINE), expected.sandbox);
      assert.equal(statSync(join(home, 'cache', cache!)).mtimeMs, written, `Node ${major} took the cache it kept`);
      assert.deepEqual(run(node, ['print', '1'], home), expected.print);
    });
  }
});
