// One process of unit, UI and security tests (scripts/test.mjs starts one per core): imports each
// test file named on the command line, in order, so node:test runs all their tests here.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
