// npm run bench:startup: whole-process time of each command that answers without a terminal,
// as a ratio to `node -e ""` run alternately with it in the same run (the floor of any Node CLI),
// Figures, not pass/fail; bench/README.md says more.
// BENCH_CLI=path/to/cli.js times another build (a copy of dist/ taken before a change);
// BENCH_BEFORE=path/to/cli.js times that build too, alternating with this one and bare Node, and
// prints both ratios from the same run. BENCH_NODE=path/to/node runs another Node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.js');
const before = process.env.BENCH_BEFORE;
const node = process.env.BENCH_NODE ?? process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 15);
const home = mkdtempSync(join(tmpdir(), 'npl-startup-'));

const oneLine = 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n';
/**
 * Each case runs with one NODEPORT_LAB_HOME kept through the bench, so V8's code cache of the shared
 * core (src/code-cache.ts) is kept by the first run and taken by the rest, as on a learner's later
 * runs; `fresh` gives every run a new one, as on the first run of all.
 * @type {{ label: string, args: string[], input?: string, aim?: number, fresh?: boolean }[]}
 */
const cases = [
  { label: '--version', args: ['--version'], aim: 1.15 },
  { label: '--help', args: ['--help'], aim: 1.15 },
  { label: 'sandbox, a one-line script', args: ['sandbox', '--seed', '1'], input: oneLine, aim: 1.5 },
  { label: '  the same, first run', args: ['sandbox', '--seed', '1'], input: oneLine, fresh: true },
  { label: 'print 1', args: ['print', '1'] },
  { label: 'lint (the shipped lessons)', args: ['lint'] },
];

/**
 * @param {string[]} args
 * @param {string} [input]
 * @param {boolean} [fresh] a new NODEPORT_LAB_HOME for this run
 */
function timed(args, input = '', fresh = false) {
  const start = process.hrtime.bigint();
  const where = fresh ? mkdtempSync(join(tmpdir(), 'npl-startup-fresh-')) : home;
  const r = spawnSync(node, args, { input, encoding: 'utf8', env: { ...process.env, NODEPORT_LAB_HOME: where } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

timed([cli, '--version']); // warm the file cache (and, on Node 22.1+, the compile cache)
if (before) timed([before, '--version']);
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `nodeport-lab start-up bench · ${new Date().toISOString().slice(0, 10)} · node ${version} · ${runs} alternating runs (medians) · ${cli}${before ? ` against ${before}` : ''} · load ${(loadavg()[0] ?? 0).toFixed(1)}`,
);
for (const c of cases) {
  const bare = [];
  const app = [];
  const old = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timed(['-e', '']));
    if (before) old.push(timed([before, ...c.args], c.input, c.fresh));
    app.push(timed([cli, ...c.args], c.input, c.fresh));
  }
  const ratio = median(app) / median(bare);
  const was = before ? `   before ${median(old).toFixed(0).padStart(4)} ms ${(median(old) / median(bare)).toFixed(2)}x` : '';
  console.log(
    `${c.label.padEnd(28)} ${median(app).toFixed(0).padStart(5)} ms   node -e "" ${median(bare).toFixed(0).padStart(4)} ms   ratio ${ratio.toFixed(2)}x${was}${c.aim ? `   (aim <= ${c.aim}x)` : ''}`,
  );
}
