// Runs the tests under test/ with Node's own test runner (TypeScript through tsx).
// Pass file or folder names to run a part: node scripts/test.mjs test/unit
//
// The unit, UI and security tests run in a few processes of their own (one per core), each
// importing its share of the files, so the sources are loaded and compiled once per process
// rather than once per file: that cost was most of their time. They share nothing on disk and
// hold no process-wide state, so one process can run many files.
// The end-to-end tests drive the built CLI, one process per file as node --test runs them. When
// any is run and dist/ is missing or older than the sources, the CLI is built first, so they
// never test a stale build.
// NPL_SOAK=1 runs the long versions of the soak tests (npm run test:soak).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} path
 * @returns {string[]}
 */
function collect(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => collect(join(path, name)));
  }
  return /\.test\.tsx?$/.test(path) ? [path] : [];
}

/**
 * The newest modification time of the files under a path.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Whether dist/ is missing or older than what it is built from. */
function staleBuild() {
  const built = join(root, 'dist', 'cli.js');
  if (!existsSync(built)) return true;
  const inputs = ['src', 'lessons', 'scripts/build.mjs', 'scripts/compile-course.ts', 'package.json'].map((p) => newest(join(root, p)));
  return Math.max(...inputs) > statSync(built).mtimeMs;
}

/** @param {string} file */
const endToEnd = (file) => file.split(sep).join('/').includes('test/e2e/');

/**
 * Splits files into `count` shares of about equal size (bytes of test source stand for time):
 * the largest first, each to the lightest share so far.
 * @param {string[]} files
 * @param {number} count
 * @returns {string[][]}
 */
function shares(files, count) {
  /** @type {{ bytes: number, files: string[] }[]} */
  const bins = Array.from({ length: count }, () => ({ bytes: 0, files: [] }));
  const bySize = files.map((file) => ({ file, bytes: statSync(file).size })).sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1));
  for (const { file, bytes } of bySize) {
    const lightest = bins.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(file);
    lightest.bytes += bytes;
  }
  return bins.filter((bin) => bin.files.length > 0).map((bin) => bin.files.sort());
}

const env = { ...process.env, FORCE_COLOR: '0' };
/** @type {{ tests: number, pass: number, fail: number, skipped: number, todo: number, cancelled: number }} */
const totals = { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0, cancelled: 0 };

/**
 * Adds the counts of a spec reporter's summary ("ℹ tests 12") to the totals.
 * @param {string} output
 */
function count(output) {
  for (const match of output.matchAll(/^ℹ (tests|pass|fail|skipped|todo|cancelled) (\d+)$/gm)) {
    totals[/** @type {keyof typeof totals} */ (match[1])] += Number(match[2]);
  }
}

/**
 * Runs one process of tests and resolves with its exit code and everything it printed.
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    /** @param {Buffer} chunk */
    const take = (chunk) => {
      output += chunk.toString();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap(collect);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const inProcess = files.filter((file) => !endToEnd(file));
const e2e = files.filter(endToEnd);
if (e2e.length > 0 && staleBuild()) {
  console.error('dist/ is missing or older than the sources: building it first.');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let failed = false;
const shard = join(root, 'scripts', 'test-shard.mjs');
/**
 * Runs files in shares, one process each, all at once; prints each share's report as it ends.
 * @param {string} name
 * @param {string[]} group
 * @param {number} processes
 */
async function runShares(name, group, processes) {
  const groups = shares(group, processes);
  const codes = await Promise.all(
    groups.map(async (files, i) => {
      const result = await run(['--import', 'tsx', '--test-reporter=spec', shard, ...files]);
      console.log(`\n# ${name}, share ${i + 1} of ${groups.length}: ${files.length} files, from ${relative(root, files[0] ?? root)}\n`);
      process.stdout.write(result.output);
      count(result.output);
      return result.code;
    }),
  );
  failed ||= codes.some((code) => code !== 0);
  console.log(`\n# ${name}: ${group.length} files in ${groups.length} processes, ${seconds()} since the start`);
}
// A process per core for the core's tests; two for the end-to-end tests, which wait on terminals
// and servers more than they compute, as many as node --test ran at once before.
if (inProcess.length > 0) await runShares('unit, UI and security tests', inProcess, Math.min(availableParallelism(), 4));
if (e2e.length > 0) await runShares('end-to-end tests', e2e, 2);
const parts = Object.entries(totals).filter(([name, n]) => n > 0 || name === 'fail');
console.log(`# ${parts.map(([name, n]) => `${name} ${n}`).join(', ')}`);
process.exit(failed ? 1 : 0);
