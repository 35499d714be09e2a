import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';
import { Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

/** With a network namespace of its own, a command has no network at all, not just npm's --offline. */
const noNetwork: string[] = spawnSync('unshare', ['-n', 'true']).status === 0 ? ['unshare', '-n'] : [];

describe('the packed package', () => {
  it('has no runtime dependencies and runs from an empty directory after an install with no network', async () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    const out = tempDir('npl-pack-');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
        cwd: repoPath(''),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    )[0];
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    assert.ok(files.includes('dist/cli.js'));
    assert.ok(files.includes('dist/course.json'));
    assert.ok(files.includes('dist/yaml.cjs'), 'the YAML parser, required on first use');
    assert.ok(files.includes('dist/openapi-1.32.cjs'), "the OpenAPI schemas, required on explain's first use");
    assert.ok(files.includes('dist/script.cjs'), 'the shared core, which every command but --help and --version runs');
    assert.ok(files.includes('dist/package.json'), 'what makes the entry, dist/cli.js, CommonJS');
    // The shipped bundle is the entry cli.js, the app cli.mjs and its chunks; the crash tests' bundle
    // (cli-faults.js, cli-faults.mjs, faults-*.mjs) stays home.
    for (const chunk of readdirSync(repoPath('dist')).filter((name) => /\.m?js$/.test(name))) {
      const shipped = chunk === 'cli.js' || chunk === 'cli.mjs' || chunk.startsWith('chunk-');
      assert.equal(
        files.includes(`dist/${chunk}`),
        shipped,
        `dist/${chunk}: ${shipped ? 'every piece of the shipped bundle is packed' : 'the test bundle is not packed'}`,
      );
    }
    assert.ok(files.some((f) => f.startsWith('lessons/manifests/')));
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'no sources in the package');

    const project = tempDir('npl-install-');
    const npmInstall = ['npm', 'install', '--offline', '--no-audit', '--no-fund', join(out, packed.filename)];
    const [command, ...args] = [...noNetwork, ...npmInstall] as [string, ...string[]];
    const install = spawnSync(command, args, { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const bin = join(project, 'node_modules', '.bin', 'nodeport-lab');
    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), pkg.version);
    const printed = spawnSync(bin, ['print', '1'], { cwd: project, encoding: 'utf8' });
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, /^Lesson 1: /);

    // The first run a learner sees: the course itself, in a terminal, without a network.
    if (tmuxMissing()) return;
    const term = new Terminal(`${noNetwork.join(' ')} ${bin} --seed 1`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: tempDir('npl-first-') });
    try {
      await term.waitFor((s) => s.includes('1  Why a pod needs a Service'));
      term.keys('q');
      assert.equal((await term.exited()).code, 0);
    } finally {
      term.close();
    }
  });
});
