// One process of unit, UI and security tests (scripts/test.mjs starts one per core): imports each
// test file named on the command line, in order, so node:test runs all their tests here.
import { resolve } from 'node:path';
import { before } from 'node:test';
import { pathToFileURL } from 'node:url';

// No test starts before every file is loaded: a file's top-level code (a package that makes an ICU
// segmenter as it loads, say) must not run in the middle of another file's test.
/** @type {() => void} */
let loaded = () => {};
const allLoaded = new Promise((resolve) => (loaded = () => resolve(undefined)));
before(() => allLoaded);
for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
loaded();
