// src/code-cache.ts: a CommonJS file run through V8's code cache, on a real file system, each run in
// a process of its own (within one process V8 finds a text it has compiled in its own memory and
// never reads the cache it was given). The first run compiles and keeps the cache; the next takes
// it; a cache that is damaged, cut short or made for another text is refused by V8, compiled again
// and replaced; a folder that cannot be written only leaves the cache off; an older build's cache
// is removed when a new one is kept.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { repoPath } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';

/** A bundle with enough code for V8 to keep: a few functions, one of them run. */
const SOURCE = `"use strict";
function twice(n) { return n * 2; }
function unused(text) { return text.split('').reverse().join(''); }
exports.answer = twice(21);
exports.label = require('node:path').basename('/a/b/service.yml');
exports.file = __filename;
`;

/** A bundle, and a cache folder that exists already (a run that finds none only makes it). */
function setUp(source = SOURCE): { file: string; folder: string } {
  const dir = tempDir('npl-code-cache-');
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, source);
  mkdirSync(join(dir, 'cache'));
  return { file, folder: join(dir, 'cache') };
}

interface Run {
  readonly exports: unknown;
  readonly fromCache: boolean;
}

// The module as plain JavaScript, so that each child is a bare Node (no TypeScript loader to start).
const compiled = join(tempDir('npl-code-cache-module-'), 'code-cache.mjs');
buildSync({ entryPoints: [repoPath('src/code-cache.ts')], outfile: compiled, format: 'esm', platform: 'node', logLevel: 'silent' });

/** requireCached in a fresh process, then save(); undefined when it gave undefined. */
function requireCached(file: string, build: string, folder: string, use = 'script'): Run | undefined {
  const script = `
    const { requireCached } = await import(${JSON.stringify(pathToFileURL(compiled).href)});
    const loaded = requireCached(${JSON.stringify(file)}, ${JSON.stringify(build)}, ${JSON.stringify(folder)}, ${JSON.stringify(use)});
    loaded?.save();
    console.log(JSON.stringify(loaded ? { exports: loaded.exports, fromCache: loaded.fromCache } : null));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return (JSON.parse(run.stdout) as Run | null) ?? undefined;
}

const cachesIn = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.cache')) : []);

describe('requireCached', () => {
  it('the first run of all, with no cache folder, only makes the folder; the next keeps a cache', () => {
    const { file, folder } = setUp();
    rmSync(folder, { recursive: true });
    assert.equal(requireCached(file, 'b1', folder)?.fromCache, false);
    assert.ok(statSync(folder).isDirectory());
    assert.deepEqual(cachesIn(folder), []);
    assert.equal(requireCached(file, 'b1', folder)?.fromCache, false);
    assert.equal(cachesIn(folder).length, 1);
    assert.equal(requireCached(file, 'b1', folder)?.fromCache, true);
  });

  it('runs the bundle as a module; a run keeps a cache and the next takes it', () => {
    const { file, folder } = setUp();
    const first = requireCached(file, 'b1', folder);
    assert.ok(first);
    assert.deepEqual(first.exports, { answer: 42, label: 'service.yml', file });
    assert.equal(first.fromCache, false);
    const [cache = ''] = cachesIn(folder);
    assert.ok(cache.startsWith(`bundle.cjs-b1-script-${process.version}-`), cache);
    const written = statSync(join(folder, cache)).mtimeMs;

    const second = requireCached(file, 'b1', folder);
    assert.ok(second);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.exports, first.exports);
    assert.equal(statSync(join(folder, cache)).mtimeMs, written, 'a cache taken is not written again');
  });

  for (const [damage, spoil] of [
    ['garbage', () => Buffer.from('not a code cache at all, just text')],
    ['cut short', (data: Buffer) => data.subarray(0, Math.floor(data.length / 2))],
    ['empty', () => Buffer.alloc(0)],
  ] as const) {
    it(`a cache that is ${damage} is refused, compiled again and replaced`, () => {
      const { file, folder } = setUp();
      requireCached(file, 'b1', folder);
      const [cache] = cachesIn(folder);
      assert.ok(cache);
      const path = join(folder, cache);
      writeFileSync(path, spoil(readFileSync(path)));
      const again = requireCached(file, 'b1', folder);
      assert.ok(again);
      assert.equal(again.fromCache, false);
      assert.equal((again.exports as { answer: number }).answer, 42);
      assert.equal(requireCached(file, 'b1', folder)?.fromCache, true, 'the cache written again is taken');
    });
  }

  it('a cache made for another text of another length is refused by V8', () => {
    const { file, folder } = setUp();
    requireCached(file, 'b1', folder);
    writeFileSync(file, SOURCE.replace('twice(21)', 'twice(210)'));
    const changed = requireCached(file, 'b1', folder);
    assert.equal(changed?.fromCache, false);
    assert.equal((changed?.exports as { answer: number }).answer, 420);
  });

  it('a new build keeps its own cache and removes the older build’s', () => {
    const { file, folder } = setUp();
    requireCached(file, 'b1', folder);
    writeFileSync(join(folder, 'other.cjs-b0-v0-x.cache'), 'another bundle’s, kept');
    requireCached(file, 'b2', folder);
    const caches = cachesIn(folder).sort();
    assert.equal(caches.length, 2, caches.join(', '));
    assert.ok(!caches.some((name) => name.startsWith('bundle.cjs-b1-')), 'the older build’s cache is gone');
    assert.ok(caches.some((name) => name.startsWith('bundle.cjs-b2-')));
    assert.ok(caches.includes('other.cjs-b0-v0-x.cache'));
  });

  it('two kinds of process keep a cache each, and neither removes the other’s', () => {
    const { file, folder } = setUp();
    requireCached(file, 'b1', folder, 'script');
    requireCached(file, 'b1', folder, 'app');
    assert.equal(cachesIn(folder).length, 2);
    assert.equal(requireCached(file, 'b1', folder, 'script')?.fromCache, true);
    assert.equal(requireCached(file, 'b1', folder, 'app')?.fromCache, true);
  });

  it('a folder that cannot be made or written leaves the cache off, and the bundle runs', () => {
    const { file, folder: made } = setUp();
    const folder = `${made}-not`;
    writeFileSync(folder, 'a file where the folder would be');
    const loaded = requireCached(file, 'b1', folder);
    assert.equal((loaded?.exports as { answer: number }).answer, 42);
    assert.ok(statSync(folder).isFile());
    if (process.getuid?.() !== 0) {
      const { file: other, folder: readOnly } = setUp();
      chmodSync(readOnly, 0o500);
      requireCached(other, 'b1', readOnly);
      assert.deepEqual(cachesIn(readOnly), []);
    }
  });

  it('a bundle that cannot be read, or that throws as it loads, gives undefined', () => {
    const { file, folder } = setUp('throw new Error("broken bundle");');
    assert.equal(requireCached(file, 'b1', folder), undefined);
    assert.equal(requireCached(join(tmpdir(), 'npl-no-such-bundle.cjs'), 'b1', folder), undefined);
  });
});
