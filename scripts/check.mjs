// npm run lint: every static check the project has. ESLint (with its type-checked rules), Prettier,
// the type-check of the sources and tests, the type-check of scripts/ and bench/, and the lesson lint
// with its replay of every solution (which runs the built CLI, so dist/ is built first when stale).
// The checks run as many at a time as there are cores; each one's output is printed whole when it
// ends, a table of their times comes last, and the exit status is 1 if any check failed.
// The tests are `npm test` (scripts/test.mjs); CI runs both.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** @param {string} pkg @param {string} file */
const bin = (pkg, file) => join(require.resolve(`${pkg}/package.json`), '..', file);

/** @typedef {{ name: string, args: string[] }} Check */

/** The checks, the longest first, so that the short ones fill in beside it. @type {Check[]} */
const checks = [
  { name: 'ESLint', args: [bin('eslint', 'bin/eslint.js'), '.'] },
  { name: 'Prettier', args: [bin('prettier', 'bin/prettier.cjs'), '--check', '.'] },
  { name: 'type-check (src, test)', args: [bin('typescript', 'bin/tsc'), '--noEmit'] },
  { name: 'type-check (tsconfig.scripts.json)', args: [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.scripts.json'] },
  { name: 'lesson lint', args: [join(root, 'dist', 'cli.js'), 'lint', 'lessons'] },
];

const started = performance.now();
/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];

/**
 * Runs one check with Node; resolves whether it passed, after printing its whole output.
 * @param {Check} check
 * @returns {Promise<boolean>}
 */
function run(check) {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, check.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      const seconds = (performance.now() - start) / 1000;
      results.push({ name: check.name, ok, seconds });
      const text = Buffer.concat(output).toString().trimEnd();
      process.stdout.write(`\n## ${check.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s${text ? `\n${text}` : ''}\n`);
      resolve(ok);
    });
  });
}

let ok = buildIfStale();
if (ok) {
  const queue = [...checks];
  /** Takes checks off the queue one after another until it is empty; resolves whether all passed. */
  const worker = async () => {
    let all = true;
    for (let check = queue.shift(); check; check = queue.shift()) all = (await run(check)) && all;
    return all;
  };
  const workers = Array.from({ length: Math.max(1, Math.min(availableParallelism(), checks.length)) }, worker);
  ok = (await Promise.all(workers)).every(Boolean);
}

console.log(`\n## npm run lint: ${ok ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const result of results) console.log(`   ${result.ok ? 'ok  ' : 'FAIL'}  ${result.seconds.toFixed(1).padStart(6)} s  ${result.name}`);
process.exit(ok ? 0 : 1);
