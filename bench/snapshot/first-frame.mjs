// The course's first frame in a pseudo-terminal (util-linux `script`, 100x30), from spawn to the
// lesson list's header, for: node -e "" (the floor), the built CLI, the CLI's snapshot started
// directly (`node --snapshot-blob`), and the same through a launcher process (what a bin script
// would need). Alternating, medians. Usage, after `npm run build` and bench/snapshot/build.mjs:
//   BENCH_NODE=/path/to/node BENCH_RUNS=15 node bench/snapshot/first-frame.mjs .bench/snapshot/course-vX.blob
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inPty, median } from '../pty.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = process.env.BENCH_NODE ?? process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 15);
const blob = process.argv[2];
if (!blob) throw new Error('usage: node bench/snapshot/first-frame.mjs <blob>');
const home = mkdtempSync(join(tmpdir(), 'npl-snapshot-'));

const header = (o) => o.includes('hands on');
const cases = [
  ['node -e ""', `${node} -e ""`, 'exit'],
  ['the CLI (dist/cli.js)', `${node} ${join(root, 'dist/cli.js')}`, header],
  ['snapshot, started directly', `${node} --snapshot-blob ${blob}`, header],
  ['snapshot through a launcher', `${node} ${join(root, 'bench/snapshot/launcher.mjs')} ${blob}`, header],
];
const times = cases.map(() => []);
for (const [, command, done] of cases) await inPty(command, done, home); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, [, command, done]] of cases.entries()) times[k].push(await inPty(command, done, home));
const floor = median(times[0]);
console.log(`first frame · ${node} (${runs} alternating runs, medians)`);
for (const [k, [label]] of cases.entries())
  console.log(`${label.padEnd(30)} ${median(times[k]).toFixed(0).padStart(5)} ms   ${(median(times[k]) / floor).toFixed(2)}x`);
