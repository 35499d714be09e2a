// The tracer's chain names hash with src/core/digest.ts's own sha256, not node:crypto's (which
// would start OpenSSL in the course): it must give node:crypto's digest for any text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { md5, sha256 } from '../../../src/core/digest.js';
import { tempDir } from '../../helpers/temp.js';

const theirs = (text: string, algorithm = 'sha256'): string => createHash(algorithm).update(text, 'utf8').digest('hex');

describe('sha256', () => {
  it("gives node:crypto's digest for the standard's examples and at every block boundary", () => {
    assert.equal(sha256('abc').toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256('').toString('hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 0; n < 200; n++) assert.equal(sha256('x'.repeat(n)).toString('hex'), theirs('x'.repeat(n)), `length ${n}`);
  });

  it("gives node:crypto's digest for any text (ASCII, any code point, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 })), (text) =>
        assert.equal(sha256(text).toString('hex'), theirs(text)),
      ),
    );
  });

  it('does not load node:crypto', () => {
    // Plain Node on the module alone (tsx itself loads node:crypto): it imports nothing.
    const source = readFileSync(new URL('../../../src/core/digest.ts', import.meta.url), 'utf8');
    const dir = tempDir('npl-sha-');
    try {
      writeFileSync(join(dir, 'digest.mjs'), transformSync(source, { loader: 'ts', format: 'esm' }).code);
      const script =
        "const { md5, sha256 } = await import('./digest.mjs'); sha256('default/webtcp'); md5('x'); console.log(process.moduleLoadList.includes('NativeModule crypto'))";
      assert.equal(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: dir }).trim(), 'false');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('md5', () => {
  it("gives node:crypto's digest for RFC 1321's examples and at every block boundary", () => {
    assert.equal(md5('').toString('hex'), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.equal(md5('message digest').toString('hex'), 'f96b697d7cb7938d525a2f31aaf161d0');
    for (let n = 0; n < 200; n++) assert.equal(md5('x'.repeat(n)).toString('hex'), theirs('x'.repeat(n), 'md5'), `length ${n}`);
  });

  it("gives node:crypto's digest for any text (ASCII, any code point, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 })), (text) =>
        assert.equal(md5(text).toString('hex'), theirs(text, 'md5')),
      ),
    );
  });
});
