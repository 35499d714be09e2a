// `kubectl apply -f` on what is not a manifest file: a device that never ends, a FIFO nobody
// writes to, a file that grows past the cap. Each is refused at once, with kubectl's kind of error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sandboxFiles } from '../../src/commands/sandbox-files.js';
import { MAX_MANIFEST_BYTES } from '../../src/core/kubectl/index.js';
import { session } from '../unit/shell/helpers.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('npl-files-');
const io = sandboxFiles(new Map(), dir);

describe('kubectl -f reads only regular files, and at most the cap', () => {
  for (const path of ['/dev/zero', '/dev/urandom', '/dev/null']) {
    it(`${path} is refused without reading it`, { timeout: 10_000 }, () => {
      const { run } = session(7, io);
      const result = run(`kubectl apply -f ${path}`);
      assert.equal(result.exitCode, 1);
      assert.equal(result.stderr, `error: the path "${path}" is not a regular file\n`);
    });
  }

  it('a FIFO with no writer is refused without waiting', { timeout: 10_000 }, () => {
    const fifo = join(dir, 'pipe.yml');
    execFileSync('mkfifo', [fifo]);
    const { run } = session(7, io);
    const result = run('kubectl apply -f pipe.yml');
    assert.equal(result.stderr, 'error: the path "pipe.yml" is not a regular file\n');
  });

  it('a regular file past the cap is refused; one under it is applied', () => {
    writeFileSync(join(dir, 'big.yml'), `# ${'x'.repeat(MAX_MANIFEST_BYTES)}\n`);
    writeFileSync(join(dir, 'pod.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n');
    const { run } = session(7, io);
    assert.match(run('kubectl apply -f big.yml').stderr, /is larger than 1 MiB/);
    assert.equal(run('kubectl apply -f pod.yml').stdout, 'pod/web created\n');
  });
});
