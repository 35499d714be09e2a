// npm test: every check the project has, using the whole machine.
// The build comes first (the lesson lint and the end-to-end tests run the built CLI). Then the
// tests (scripts/test.mjs) run beside a queue of the static checks, one at a time: the type-checks,
// ESLint, Prettier and the lesson lint with its replay of every solution. The static checks fill the
// time the end-to-end tests spend waiting on terminals and servers. Each check's output is printed
// whole when it ends; a summary with each one's time comes last, and the exit status is 1 if any
// check failed.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** @param {string} pkg @param {string} file */
const bin = (pkg, file) => join(require.resolve(`${pkg}/package.json`), '..', file);

/** @typedef {{ name: string, args: string[], live?: boolean }} Check */

/** @type {Check} */
const build = { name: 'build', args: [join(root, 'scripts', 'build.mjs')] };
/** @type {Check} */
const tests = { name: 'tests', args: [join(root, 'scripts', 'test.mjs')], live: true };
/** @type {Check[]} */
const statics = [
  { name: 'ESLint', args: [bin('eslint', 'bin/eslint.js'), '.'] },
  { name: 'type-check (src, test)', args: [bin('typescript', 'bin/tsc'), '--noEmit'] },
  { name: 'Prettier', args: [bin('prettier', 'bin/prettier.cjs'), '--check', '.'] },
  { name: 'type-check (scripts)', args: [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.scripts.json'] },
  { name: 'lesson lint', args: [join(root, 'dist', 'cli.js'), 'lint', 'lessons'] },
];

const started = performance.now();
/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];

/**
 * Runs one check with Node; resolves whether it passed. A live check prints as it goes, the others
 * print their whole output when they end.
 * @param {Check} check
 * @returns {Promise<boolean>}
 */
function run(check) {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, check.args, { cwd: root, stdio: ['ignore', check.live ? 'inherit' : 'pipe', check.live ? 'inherit' : 'pipe'] });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
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

let ok = await run(build);
if (ok) {
  const queue = (async () => {
    let all = true;
    for (const check of statics) all = (await run(check)) && all;
    return all;
  })();
  const [testsOk, staticsOk] = await Promise.all([run(tests), queue]);
  ok = testsOk && staticsOk;
}

console.log(`\n## npm test: ${ok ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const result of results) console.log(`   ${result.ok ? 'ok  ' : 'FAIL'}  ${result.seconds.toFixed(1).padStart(6)} s  ${result.name}`);
process.exit(ok ? 0 : 1);
