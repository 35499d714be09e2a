// The built CLI's shared core (scripts/shared-core.mjs): the modules of the cluster, kubectl and the
// shell are in dist/script.cjs once, not copied into the ES modules' chunks; that file is ASCII
// (V8 reads any other text as two bytes a character); and a scripted sandbox run by the CommonJS
// entry (src/launch.ts) keeps V8's code cache in NODEPORT_LAB_HOME/cache and takes it on the next
// run, with the same answers, and runs as well when the cache is damaged or cannot be kept.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const LINE = 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\nkubectl get nodes\n';

function sandbox(home: string): { stdout: string; stderr: string; status: number | null } {
  const { stdout, stderr, status } = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '3'], {
    input: LINE,
    encoding: 'utf8',
    env: { ...process.env, NODEPORT_LAB_HOME: home },
  });
  return { stdout, stderr, status };
}

const cacheOf = (home: string): string[] => (existsSync(join(home, 'cache')) ? readdirSync(join(home, 'cache')) : []);

describe('the shared core of the built CLI', { skip }, () => {
  it('is in dist/script.cjs once: no chunk of the ES modules holds a copy, and it is ASCII', () => {
    const dist = repoPath('dist');
    // kubectl's own help text, written in src/core/kubectl/help.ts.
    const mark = 'kubectl controls the Kubernetes cluster manager.';
    const core = readFileSync(join(dist, 'script.cjs'), 'utf8');
    assert.ok(core.includes(mark));
    for (const name of readdirSync(dist).filter((n) => /\.m?js$/.test(n))) {
      assert.ok(!readFileSync(join(dist, name), 'utf8').includes(mark), `${name} holds a copy of the core`);
    }
    const other = /[^\x00-\x7f]/.exec(core);
    assert.equal(other, null, `not ASCII near: ${other ? core.slice(Math.max(0, other.index - 40), other.index + 10) : ''}`);
  });

  it('a scripted sandbox keeps V8’s code cache on its second run and takes it on the next', () => {
    const home = tempDir('npl-core-');
    const once = sandbox(home);
    assert.deepEqual(cacheOf(home), [], 'the first run of all only makes the folder');
    const first = sandbox(home);
    assert.deepEqual(first, once);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    assert.match(first.stdout, /^apiVersion: v1\nkind: Service\n/);
    assert.match(first.stdout, /worker-2 +Ready/);
    const [cache, ...more] = cacheOf(home);
    assert.deepEqual(more, []);
    assert.match(cache ?? '', new RegExp(`^script\\.cjs-[0-9a-f]{16}-script-${process.version.replace(/\./g, '\\.')}-`));
    const written = statSync(join(home, 'cache', cache!)).mtimeMs;
    const second = sandbox(home);
    assert.deepEqual(second, first);
    assert.equal(statSync(join(home, 'cache', cache!)).mtimeMs, written, 'a cache taken is not written again');
  });

  it('a damaged cache changes nothing a learner sees, and is written again', () => {
    const home = tempDir('npl-core-');
    sandbox(home);
    const first = sandbox(home);
    const [cache] = cacheOf(home);
    assert.ok(cache);
    writeFileSync(join(home, 'cache', cache), 'this is not what V8 wrote');
    assert.deepEqual(sandbox(home), first);
    assert.ok(statSync(join(home, 'cache', cache)).size > 1000, 'written again whole');
  });

  it('a home where no cache can be kept changes nothing a learner sees', () => {
    const home = join(tempDir('npl-core-'), 'home-is-a-file');
    writeFileSync(home, '');
    const run = sandbox(home);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(run, sandbox(tempDir('npl-core-')));
  });

  it('print keeps a code cache of its own as its second run ends, and takes it on the next', () => {
    const home = tempDir('npl-core-');
    const print = () => spawnSync(process.execPath, [CLI, 'print', '1'], { encoding: 'utf8', env: { ...process.env, NODEPORT_LAB_HOME: home } });
    print();
    const first = print();
    assert.equal(first.status, 0, first.stderr);
    const [cache, ...more] = cacheOf(home);
    assert.match(cache ?? '', /-app-/);
    assert.deepEqual(more, []);
    const written = statSync(join(home, 'cache', cache!)).mtimeMs;
    assert.equal(print().stdout, first.stdout);
    assert.equal(statSync(join(home, 'cache', cache!)).mtimeMs, written, 'taken, not written again');
  });

  it(
    'the course keeps a code cache of its own once its first screens are drawn (from its second start), and takes it on the next',
    { skip: tmuxMissing() },
    async () => {
      const home = tempDir('npl-core-');
      const appCaches = () => cacheOf(home).filter((name) => name.includes('-course-'));
      /** Starts the course; `until` runs while it shows its lesson list; then q, and its exit. */
      const start = async (until: () => Promise<void> = async () => {}): Promise<void> => {
        const term = new Terminal(`node ${CLI} --seed 1`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: home });
        try {
          await term.waitFor((screen) => screen.includes('hands on'));
          await until();
          term.keys('q');
          assert.equal((await term.exited()).code, 0);
        } finally {
          term.close();
        }
      };
      await start();
      assert.ok(existsSync(join(home, 'cache')), 'the first start of all makes the folder');
      assert.deepEqual(appCaches(), [], 'and keeps no cache');
      // The second keeps it while it runs, once its first screens are drawn (src/shared-core.ts).
      await start(async () => {
        for (let i = 0; i < 200 && appCaches().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      });
      const [cache, ...more] = appCaches();
      assert.ok(cache, `no cache of the course's own: ${cacheOf(home).join(', ')}`);
      assert.deepEqual(more, []);
      const written = statSync(join(home, 'cache', cache)).mtimeMs;
      // The third takes it: nothing is written again, not even as it ends.
      await start();
      assert.deepEqual(appCaches(), [cache]);
      assert.equal(statSync(join(home, 'cache', cache)).mtimeMs, written, 'taken, not written again');
    },
  );
});
