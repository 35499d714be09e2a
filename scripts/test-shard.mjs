// One process of tests (scripts/test.mjs starts several): imports each test file named on the
// command line, in order, so node:test runs all their tests here.
import { resolve } from 'node:path';
import { before } from 'node:test';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { cpuSeconds } from '../test/helpers/cpu.mjs';
import { logCost } from '../test/helpers/costs.mjs';
import { LOADED_CPU } from './test-file-times.mjs';

// No test starts before every file is loaded: a file's top-level code (a package that makes an ICU
// segmenter as it loads, say) must not run in the middle of another file's test.
/** @type {() => void} */
let loaded = () => {};
const allLoaded = new Promise((resolve) => (loaded = () => resolve(undefined)));
before(() => allLoaded);
for (const file of process.argv.slice(2)) {
  const start = performance.now();
  const cpu = cpuSeconds('self');
  await import(pathToFileURL(resolve(file)).href);
  const after = cpuSeconds('self');
  logCost({ kind: 'import', file, ms: performance.now() - start, cpu: cpu === null || after === null ? null : after - cpu });
}
Reflect.set(globalThis, LOADED_CPU, cpuSeconds('self'));
loaded();
// The CPU of this process and of the processes it started and waited for (a served lab, a real
// kubectl), once every test has ended.
process.on('exit', () => logCost({ kind: 'process', files: process.argv.slice(2), cpu: cpuSeconds('self') }));
