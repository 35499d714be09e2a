// Runs the tests under test/ with Node's own test runner (TypeScript through tsx): `npm test`.
// Pass file or folder names to run a part: node scripts/test.mjs test/unit
// --record writes each file's measured time into scripts/test-times.json, the table the next run
// schedules by.
//
// Every test process starts at once. The unit, UI and security files run in one process per core
// and one more (NPL_UNIT_PROCESSES; up to 4), each importing its share of the files, so the sources are loaded and compiled once per process
// rather than once per file: that cost was most of their time. The end-to-end files drive the built
// CLI in terminals and servers and mostly wait, so a few processes of them run beside the unit
// processes (NPL_E2E_PROCESSES, 4 by default) rather than after them. Files are shared out longest
// first, each to the process with the least time so far, by the times in scripts/test-times.json;
// a file the table does not know counts by its size. A test file therefore keeps no process-wide
// state: no changed environment, working folder or global.
// When a file that runs the built CLI is to run and dist/ is missing or older than the sources,
// the CLI is built first, so no test runs a stale build.
// At the end comes a table of the time and the CPU of each part, the processes tmux started
// included, and the files that took longest.
// NPL_TEST_COSTS_KEEP=file keeps every record of the costs (each top-level test's time and CPU).
// NPL_SOAK=1 runs the long versions of the soak tests (npm run test:soak).
//
// Two tiers. A file whose header has the line `// Tier: slow` (a whole integration: the real
// kubectl against `serve`, the course on a real cluster, a terminal hammered by hostile keys) is
// left out of a folder's run, so `npm test` stays a quick check to run after every change;
// `--slow` (npm run test:slow) runs only those files, and CI runs both tiers one after the other.
// A soak runs every file, and a file named on the command line always runs. `--list` prints the
// files a run would take, one per line, and runs none.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, constants, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from '../test/helpers/cpu.mjs';
import { buildIfStale } from './built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const timesFile = join(root, 'scripts', 'test-times.json');

/**
 * The test files under a path, relative to the repository, with forward slashes.
 * @param {string} path
 * @returns {string[]}
 */
function collect(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => collect(join(path, name)));
  }
  return /\.test\.tsx?$/.test(path) ? [relative(root, resolve(path)).split(sep).join('/')] : [];
}

/**
 * Whether a test file is in the slow tier: its header (the comments before its first import)
 * has the line `// Tier: slow`.
 * @param {string} file
 */
const slowTier = (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const firstImport = text.search(/^import /m);
  const header = firstImport < 0 ? text : text.slice(0, firstImport);
  return /^\/\/ Tier: slow\b/m.test(header);
};

/** @param {string} file */
const endToEnd = (file) => file.startsWith('test/e2e/');

/**
 * Whether a test file runs the built CLI (through the terminal helper, or dist/ by name).
 * @param {string} file
 */
const runsBuild = (file) => endToEnd(file) || /helpers\/tmux|dist\//.test(readFileSync(join(root, file), 'utf8'));

/** @returns {Record<string, number>} seconds per file, as last recorded */
function recordedTimes() {
  try {
    return JSON.parse(readFileSync(timesFile, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Seconds each file is expected to take: its recorded time, or for a file not in the table its
 * size at the rate the recorded files of its kind show (bytes of test source stand for time).
 * @param {string[]} files
 * @param {Record<string, number>} recorded
 * @returns {Map<string, number>}
 */
function expectedTimes(files, recorded) {
  const bytes = (/** @type {string} */ file) => statSync(join(root, file)).size;
  const known = files.filter((file) => recorded[file] !== undefined);
  const knownBytes = known.reduce((sum, file) => sum + bytes(file), 0);
  const knownSeconds = known.reduce((sum, file) => sum + (recorded[file] ?? 0), 0);
  const perByte = knownBytes > 0 && knownSeconds > 0 ? knownSeconds / knownBytes : 1 / 10_000;
  return new Map(files.map((file) => [file, recorded[file] ?? bytes(file) * perByte]));
}

/**
 * Splits files into `count` shares of about equal time: the longest first, each to the share with
 * the least time so far. Each share runs its files longest first.
 * @param {string[]} files
 * @param {number} count
 * @param {Map<string, number>} expected
 * @returns {{ seconds: number, files: string[] }[]}
 */
function shares(files, count, expected) {
  /** @type {{ seconds: number, files: string[] }[]} */
  const bins = Array.from({ length: count }, () => ({ seconds: 0, files: [] }));
  const seconds = (/** @type {string} */ file) => expected.get(file) ?? 0;
  const longestFirst = [...files].sort((a, b) => seconds(b) - seconds(a) || (a < b ? -1 : 1));
  for (const file of longestFirst) {
    const lightest = bins.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    lightest.files.push(file);
    lightest.seconds += seconds(file);
  }
  return bins.filter((bin) => bin.files.length > 0);
}

const work = mkdtempSync(join(tmpdir(), 'npl-test-run-'));
// Gone however the run ends: `--list`, no files, a build that failed, a signal.
process.once('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.once(signal, () => process.exit(128 + constants.signals[signal]));
const costLog = join(work, 'costs.jsonl');
const env = { ...process.env, FORCE_COLOR: '0', NPL_TEST_COSTS: costLog };
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
const since = () => (performance.now() - started) / 1000;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const loadAtStart = load();

const args = process.argv.slice(2);
const record = args.includes('--record');
const slowOnly = args.includes('--slow');
const roots = args.filter((arg) => !['--record', '--slow', '--list'].includes(arg));
const soak = process.env.NPL_SOAK === '1';
/** A folder's files in the tier asked for; a file named by itself always runs. */
const inTier = (/** @type {string} */ file) => soak || slowTier(file) === slowOnly;
const files = (roots.length ? roots : ['test']).flatMap((path) => (statSync(path).isDirectory() ? collect(path).filter(inTier) : collect(path)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
if (args.includes('--list')) {
  console.log(files.join('\n'));
  process.exit(0);
}
const inProcess = files.filter((file) => !endToEnd(file));
const e2e = files.filter(endToEnd);
if (files.some(runsBuild) && !buildIfStale()) process.exit(1);
const built = since();

const expected = expectedTimes(files, recordedTimes());
const shard = join(root, 'scripts', 'test-shard.mjs');
const reporter = join(root, 'scripts', 'test-file-times.mjs');
let next = 0;
let failed = false;

/**
 * One part of the tests: its files in shares, one process each, all at once; prints each share's
 * report as it ends. Resolves with the seconds from the start of the run to its last share's end.
 * @param {string} name
 * @param {string[]} group
 * @param {number} processes
 * @returns {Promise<number>}
 */
async function runShares(name, group, processes) {
  const groups = shares(group, processes, expected);
  const codes = await Promise.all(
    groups.map(async ({ files, seconds }, i) => {
      const times = join(work, `times-${next++}.jsonl`);
      const result = await run([
        '--import',
        'tsx',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${reporter}`,
        `--test-reporter-destination=${times}`,
        shard,
        ...files,
      ]);
      const took = `${since().toFixed(1)} s since the start, about ${seconds.toFixed(0)} s expected`;
      console.log(`\n# ${name}, share ${i + 1} of ${groups.length}: ${files.length} files from ${files[0]}, ended ${took}\n`);
      process.stdout.write(result.output);
      count(result.output);
      return result.code;
    }),
  );
  failed ||= codes.some((code) => code !== 0);
  return since();
}

// One process per core and one more for the core's tests (a process waiting on a child it spawned
// leaves its core to another), and beside them a few for the end-to-end tests.
const e2eProcesses = Number(process.env.NPL_E2E_PROCESSES) || 4;
const parts = [
  { name: 'unit, UI and security tests', files: inProcess, processes: Number(process.env.NPL_UNIT_PROCESSES) || Math.min(availableParallelism() + 1, 4) },
  { name: 'end-to-end tests', files: e2e, processes: e2eProcesses },
].filter((part) => part.files.length > 0);
const ended = await Promise.all(parts.map((part) => runShares(part.name, part.files, part.processes)));

// What each file and part cost, from the log the test processes wrote.
/** @type {{ kind: string, file?: string, files?: string[], ms?: number, cpu?: number | null }[]} */
const costs = [];
for (const name of readdirSync(work)) {
  for (const line of readFileSync(join(work, name), 'utf8').split('\n')) if (line) costs.push(JSON.parse(line));
}
if (process.env.NPL_TEST_COSTS_KEEP) writeFileSync(process.env.NPL_TEST_COSTS_KEEP, costs.map((cost) => `${JSON.stringify(cost)}\n`).join(''));
rmSync(work, { recursive: true, force: true });
/** @type {Map<string, { seconds: number, cpu: number, tmux: number }>} */
const byFile = new Map(files.map((file) => [file, { seconds: 0, cpu: 0, tmux: 0 }]));
/** @type {{ first: string, cpu: number }[]} */
const processCpu = [];
let tmuxUncounted = false;
for (const cost of costs) {
  const file = cost.file === undefined ? undefined : relative(root, resolve(root, cost.file)).split(sep).join('/');
  const entry = file === undefined ? undefined : byFile.get(file);
  if ((cost.kind === 'test' || cost.kind === 'import') && entry) {
    entry.seconds += (cost.ms ?? 0) / 1000;
    entry.cpu += cost.cpu ?? 0;
  }
  if (cost.kind === 'tmux') {
    if (cost.cpu === null || cost.cpu === undefined) tmuxUncounted = true;
    else if (entry) entry.tmux += cost.cpu;
  }
  const first = cost.files?.[0];
  if (cost.kind === 'process' && first !== undefined)
    processCpu.push({ first: relative(root, resolve(root, first)).split(sep).join('/'), cpu: cost.cpu ?? Number.NaN });
}
const sum = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0);
/** The CPU of the test processes that ran a group's files, and of what they started and waited for. */
const cpuOf = (/** @type {string[]} */ group) => sum(processCpu.filter(({ first }) => group.includes(first)).map(({ cpu }) => cpu));
const tmuxOf = (/** @type {string[]} */ group) => sum(group.map((file) => byFile.get(file)?.tmux ?? 0));

const figure = (/** @type {number} */ n) => (Number.isNaN(n) ? '?' : n.toFixed(1)).padStart(6);
const costliest = (/** @type {(entry: { seconds: number, cpu: number, tmux: number }) => number} */ measure) =>
  [...byFile].sort((a, b) => measure(b[1]) - measure(a[1])).slice(0, Number(process.env.NPL_TEST_COSTLIEST) || 10);
const line = (/** @type {[string, { seconds: number, cpu: number, tmux: number }]} */ [file, { seconds, cpu, tmux }]) =>
  `#   ${figure(seconds)} s wall ${figure(cpu + tmux)} s CPU${tmux > 0 ? ` (${tmux.toFixed(1)} in tmux)` : ''}  ${file}`;
console.log(`\n# the files that took longest, inside their process (their import included)`);
for (const entry of costliest((e) => e.seconds)) console.log(line(entry));
console.log(`\n# the files that cost the most CPU (with what they started: the CLI, the real kubectl, tmux)`);
for (const entry of costliest((e) => e.cpu + e.tmux)) console.log(line(entry));

console.log(`\n# time and CPU per part (load average ${loadAtStart} at the start, ${load()} at the end)`);
if (built > 1) console.log(`#   build         ${figure(built)} s wall`);
parts.forEach((part, i) => {
  const tmux = tmuxOf(part.files);
  const tmuxText = tmux > 0 ? `, ${tmux.toFixed(1)} s of it in tmux` : '';
  const cpu = cpuOf(part.files) + tmux;
  console.log(
    `#   ${part.name}: ${part.files.length} files in ${Math.min(part.processes, part.files.length)} processes, ended at ${figure(ended[i] ?? 0)} s, CPU ${figure(cpu)} s${tmuxText}`,
  );
});
const ownCpu = cpuSeconds('self');
const allCpu = ownCpu === null ? Number.NaN : ownCpu + tmuxOf(files);
console.log(
  `#   all: ${figure(since())} s wall, ${figure(allCpu)} s CPU (every process, the build and tmux's included)${tmuxUncounted ? '; tmux CPU not readable here' : ''}`,
);

if (record) {
  const table = { ...recordedTimes() };
  for (const [file, { seconds }] of byFile) if (seconds > 0) table[file] = Math.round(seconds * 10) / 10;
  const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(timesFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`# recorded the time of ${byFile.size} files in ${relative(root, timesFile)}`);
}

const summary = Object.entries(totals).filter(([name, n]) => n > 0 || name === 'fail');
console.log(`# ${summary.map(([name, n]) => `${name} ${n}`).join(', ')}`);
process.exit(failed ? 1 : 0);
