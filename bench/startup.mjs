// npm run bench:startup: whole-process time of each command that answers without a terminal,
// as a ratio to `node -e ""` run alternately with it in the same run (the floor of any Node CLI),
// Figures, not pass/fail; bench/README.md says more.
// BENCH_CLI=path/to/cli.js times another build (a copy of dist/ taken before a change).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const home = mkdtempSync(join(tmpdir(), 'npl-startup-'));

/** @type {{ label: string, args: string[], input?: string, aim?: number }[]} */
const cases = [
  { label: '--version', args: ['--version'], aim: 1.15 },
  { label: '--help', args: ['--help'], aim: 1.15 },
  {
    label: 'sandbox, a one-line script',
    args: ['sandbox', '--seed', '1'],
    input: 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n',
    aim: 1.5,
  },
  { label: 'print 1', args: ['print', '1'] },
  { label: 'lint (the shipped lessons)', args: ['lint'] },
];

/**
 * @param {string[]} args
 * @param {string} [input]
 */
function timed(args, input = '') {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', env: { ...process.env, NODEPORT_LAB_HOME: home } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

timed([cli, '--version']); // warm the file cache
console.log(`nodeport-lab start-up bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${runs} alternating runs (medians) · ${cli}`);
for (const c of cases) {
  const bare = [];
  const app = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timed(['-e', '']));
    app.push(timed([cli, ...c.args], c.input));
  }
  const ratio = median(app) / median(bare);
  console.log(
    `${c.label.padEnd(28)} ${median(app).toFixed(0).padStart(5)} ms   node -e "" ${median(bare).toFixed(0).padStart(4)} ms   ratio ${ratio.toFixed(2)}x${c.aim ? `   (aim <= ${c.aim}x)` : ''}`,
  );
}
