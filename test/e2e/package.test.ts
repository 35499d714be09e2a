import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';

describe('the packed package', () => {
  it('has no runtime dependencies and runs from an empty directory after an offline install', () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    const out = mkdtempSync(join(tmpdir(), 'npl-pack-'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: repoPath(''), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )[0];
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    assert.ok(files.includes('dist/cli.js'));
    assert.ok(files.includes('dist/course.json'));
    assert.ok(files.some((f) => f.startsWith('lessons/manifests/')));
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'no sources in the package');

    const project = mkdtempSync(join(tmpdir(), 'npl-install-'));
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(out, packed.filename)], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const bin = join(project, 'node_modules', '.bin', 'nodeport-lab');
    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), pkg.version);
    const printed = spawnSync(bin, ['print', '1'], { cwd: project, encoding: 'utf8' });
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, /^Lesson 1: /);
  });
});
