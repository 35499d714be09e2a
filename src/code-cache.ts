// A CommonJS bundle run through V8's code cache: on Node 20 an ES module has no code cache, and a
// scripted sandbox spent a third of its own start-up parsing its code. A run without a cache
// compiles the bundle, runs it, and keeps what V8 compiled in the cache folder (from the second
// run on: the first only makes the folder); later runs hand that back to V8, which then parses
// almost nothing. Nothing here may fail a command: a cache that is missing,
// unreadable, or refused by V8 is compiled again (and written again when the folder lets it), and
// a bundle that cannot be read or run leaves the caller to load it another way. V8 refuses
// a cache made by another V8, with other flags, or for a text of another length, and one cut
// short; its payload has no checksum outside debug builds, so the file is only ever written whole
// (under another name, then renamed), and its name holds a hash of the bundle's text and the Node
// version, so a cache never meets another build's code.
import { createRequire } from 'node:module';
import type * as Fs from 'node:fs';
import type * as Path from 'node:path';
import type * as Vm from 'node:vm';

const nodeRequire = createRequire(import.meta.url);
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = nodeRequire('node:fs') as typeof Fs;
const { basename, dirname, join } = nodeRequire('node:path') as typeof Path;
const { Script } = nodeRequire('node:vm') as typeof Vm;

export interface CachedModule {
  readonly exports: unknown;
  /** Whether V8 took the cache: nothing of the bundle was compiled from its text but what ran lazily. */
  readonly fromCache: boolean;
  /** Keeps what V8 compiled while the module ran, when the cache was missing or refused. */
  save(): void;
}

/**
 * The bundle compiled (with the cache when there is one that V8 takes), or undefined when it cannot
 * be read or compiled. A function of its own, so that the text as read and the cache's bytes are
 * let go as it returns: V8 keeps the text it compiled, and a closure over these would keep both
 * again for as long as the process runs (a MiB for the course).
 */
function compile(file: string, cacheFile: string): { script: Vm.Script; fromCache: boolean } | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  try {
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    return { script, fromCache: cachedData !== undefined && !script.cachedDataRejected };
  } catch {
    return undefined;
  }
}

/**
 * Runs the CommonJS bundle `file` (whose build is named by `build`, a hash of its text) with the
 * code cache in `folder`. `use` names the kind of process (V8 refuses a cache made under other V8
 * flags, and the course sets its own: src/memory.ts), so that each keeps a cache of its own rather
 * than replacing the other's. Returns undefined when the bundle cannot be read or run.
 */
export function requireCached(file: string, build: string, folder: string, use = 'script'): CachedModule | undefined {
  const name = basename(file);
  // The Node version and platform in the name: a cache from another Node is not even read.
  const cacheFile = join(folder, `${name}-${build}-${use}-${process.version}-${process.platform}-${process.arch}.cache`);
  const compiled = compile(file, cacheFile);
  if (!compiled) return undefined;
  const { script, fromCache } = compiled;
  const module = { exports: {} as unknown };
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch {
    return undefined;
  }
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (fromCache) return;
      try {
        // The first run of all only makes the folder: keeping a cache costs the run that writes it
        // more than the cache saves it, and a run that never comes again (a one-off script, a test
        // in a fresh folder) should not pay for it. The next run writes it.
        if (!existsSync(folder)) {
          mkdirSync(folder, { recursive: true });
          return;
        }
        const data = script.createCachedData();
        // Another build's caches of this bundle are of no more use.
        for (const old of readdirSync(folder)) {
          if (old.startsWith(`${name}-`) && !old.startsWith(`${name}-${build}-`) && old.endsWith('.cache')) rmSync(join(folder, old), { force: true });
        }
        // Written whole under another name first: a run reading beside this one never meets half a file.
        const partial = `${cacheFile}.${process.pid}.partial`;
        writeFileSync(partial, data, { mode: 0o600 });
        renameSync(partial, cacheFile);
      } catch {
        // no cache this time: the next run compiles again
      }
    },
  };
}
