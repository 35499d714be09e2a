// A node:test reporter (scripts/test.mjs gives it to every test process): writes one JSON line per
// top-level test or suite as it ends, with the file it is in and how long it ran, so the runner can
// tell what each test file costs and schedule the longest first next time. The reporter runs in
// the test process, and top-level tests run one after another, so the CPU the process (and what it
// waited for) spent since the last top-level test ended is this one's, within a moment.
import { relative } from 'node:path';
import { cpuSeconds } from '../test/helpers/cpu.mjs';

/** Where scripts/test-shard.mjs leaves the process's CPU seconds once every file is loaded. */
export const LOADED_CPU = Symbol.for('nodeport-lab.test.loaded-cpu');

const root = new URL('..', import.meta.url).pathname;

/**
 * @param {AsyncIterable<{ type: string, data: { file?: string, name: string, nesting: number, details?: { duration_ms?: number } } }>} source
 * @returns {AsyncGenerator<string>}
 */
export default async function* fileTimes(source) {
  /** @type {number | null} */
  let cpuBefore = null;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, name, nesting, details } = event.data;
    if (nesting !== 0 || !file) continue;
    // The first test counts from the moment every file was loaded (the shard logs the imports).
    cpuBefore ??= /** @type {number | null} */ (Reflect.get(globalThis, LOADED_CPU) ?? null);
    const cpu = cpuSeconds('self');
    const spent = cpu === null || cpuBefore === null ? null : cpu - cpuBefore;
    cpuBefore = cpu;
    yield `${JSON.stringify({ kind: 'test', file: relative(root, file), name, ms: details?.duration_ms ?? 0, cpu: spent })}\n`;
  }
}
