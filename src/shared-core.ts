// The core the scripted sandbox needs, shared by the ES modules of the built app: dist/script.cjs
// (scripts/shared-core.mjs), required once, through V8's code cache as the scripted sandbox runs it
// (src/code-cache.ts), so that the course's first frame does not parse it either. In the bundle,
// each of those modules is a small module that hands on its exports from here. From the sources
// nothing imports this file.
import { createRequire } from 'node:module';
import { requireCached } from './code-cache.js';
import { labCache } from './core/progress/home.js';
import { setAfterStartUp } from './v8-flags.js';

/** A hash of dist/script.cjs, which names its code cache (scripts/build.mjs). */
declare const __SCRIPT_BUILD__: string | undefined;

const nodeRequire = createRequire(import.meta.url);
const file = nodeRequire.resolve('./script.cjs');
// The course sets V8 flags of its own (src/memory.ts), print and lint do not: a cache for each.
const use = setAfterStartUp.length > 0 ? 'course' : 'app';
const loaded = typeof __SCRIPT_BUILD__ === 'string' ? requireCached(file, __SCRIPT_BUILD__, labCache(process.env), use) : undefined;

/** Each module of the shared core by its key (scripts/shared-core.mjs), as the file's default export. */
export const shared = ((loaded?.exports ?? nodeRequire(file)) as { default: Record<string, Record<string, unknown>> }).default;

// With no cache yet, one is kept once the first screens have been drawn (what V8 compiled by then
// is what the next start needs first), or as the process ends, whichever comes first.
if (loaded && !loaded.fromCache) {
  const keep = (): void => {
    clearTimeout(timer);
    process.off('exit', keep);
    loaded.save();
  };
  const timer = setTimeout(keep, 3000).unref();
  process.once('exit', keep);
}
