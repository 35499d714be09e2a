// The scripted sandbox (`... | nodeport-lab sandbox`) from the shared core, dist/script.cjs
// (scripts/shared-core.mjs), run through V8's code cache (src/code-cache.ts), kept in the lab's
// cache folder. Undefined when that file cannot be run: the caller hands the command to the app's
// ES modules.
import { createRequire } from 'node:module';
import type * as Url from 'node:url';
import { requireCached } from '../code-cache.js';
import { labCache } from '../core/progress/home.js';
import type * as Script from './script.js';

export interface ScriptedSandbox {
  readonly runPipedSandbox: typeof Script.runPipedSandbox;
  /** Keeps the code compiled on this run for the next one, where it was not taken from the cache. */
  readonly save: () => void;
}

/** `bundle`: the CommonJS bundle's URL; `build`: a hash of its text, which names its cache. */
export function scriptedSandbox(bundle: URL, build: string, env: NodeJS.ProcessEnv): ScriptedSandbox | undefined {
  const { fileURLToPath } = createRequire(import.meta.url)('node:url') as typeof Url;
  const loaded = requireCached(fileURLToPath(bundle), build, labCache(env));
  const exports = (loaded?.exports as { default?: Partial<typeof Script> } | undefined)?.default;
  if (!loaded || typeof exports?.runPipedSandbox !== 'function') return undefined;
  return { runPipedSandbox: exports.runPipedSandbox, save: loaded.save };
}
