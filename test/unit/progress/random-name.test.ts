// A save writes a temporary file with a random name, whose bytes come from the kernel's random
// device rather than node:crypto, which would start OpenSSL in the course for them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import { randomName } from '../../../src/core/progress/store.js';
import { tempDir } from '../../helpers/temp.js';

describe("a save's temporary name", () => {
  it('is sixteen hex digits, a new one each time', () => {
    const names = Array.from({ length: 200 }, () => randomName());
    for (const name of names) assert.match(name, /^[0-9a-f]{16}$/);
    assert.equal(new Set(names).size, names.length);
    // Random bytes: every hex digit turns up, in every position, over 200 names.
    for (const at of [0, 7, 15]) assert.ok(new Set(names.map((n) => n[at])).size >= 12, `position ${at}`);
  });

  it('a save does not load node:crypto (plain Node on the bundled store: tsx itself loads it)', () => {
    const dir = tempDir('npl-name-');
    try {
      buildSync({
        entryPoints: [new URL('../../../src/core/progress/store.ts', import.meta.url).pathname],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: join(dir, 'store.mjs'),
        logLevel: 'silent',
      });
      const script = `const { saveProgress } = await import('./store.mjs');
        const saved = saveProgress(${JSON.stringify(join(dir, 'home', 'progress.json'))}, { version: 1, steps: {}, last: null });
        console.log(JSON.stringify({ ok: saved.ok, crypto: process.moduleLoadList.includes('NativeModule crypto') }))`;
      const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: dir })) as {
        ok: boolean;
        crypto: boolean;
      };
      assert.deepEqual(out, { ok: true, crypto: false });
      assert.deepEqual(
        readdirSync(join(dir, 'home')).filter((n) => n.endsWith('.tmp')),
        [],
        'the temporary file was renamed over',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
