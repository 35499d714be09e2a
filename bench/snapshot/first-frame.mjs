// The course's first frame in a pseudo-terminal (util-linux `script`, 100x30), from spawn to the
// lesson list's header, for: node -e "" (the floor), the built CLI, the CLI's snapshot started
// directly (`node --snapshot-blob`), and the same through a launcher process (what a bin script
// would need). Alternating, medians. Usage, after `npm run build` and bench/snapshot/build.mjs:
//   BENCH_NODE=/path/to/node BENCH_RUNS=15 node bench/snapshot/first-frame.mjs .bench/snapshot/course-vX.blob
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = process.env.BENCH_NODE ?? process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 15);
const blob = process.argv[2];
if (!blob) throw new Error('usage: node bench/snapshot/first-frame.mjs <blob>');
const home = mkdtempSync(join(tmpdir(), 'npl-snapshot-'));

/** ms from spawn to `done` holding on the output (or to exit when done is 'exit'). */
function inPty(command, done) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'], {
      env: { ...process.env, NODEPORT_LAB_HOME: home },
      stdio: ['pipe', 'pipe', 'inherit'],
      detached: true,
    });
    let output = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
      resolve(ms);
    };
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      if (done !== 'exit' && done(output)) finish();
    });
    child.on('error', reject);
    child.on('close', () => (done === 'exit' ? finish() : finished || reject(new Error(`${command}: exited before the first frame\n${output}`))));
  });
}

const header = (o) => o.includes('hands on');
const cases = [
  ['node -e ""', `${node} -e ""`, 'exit'],
  ['the CLI (dist/cli.js)', `${node} ${join(root, 'dist/cli.js')}`, header],
  ['snapshot, started directly', `${node} --snapshot-blob ${blob}`, header],
  ['snapshot through a launcher', `${node} ${join(root, 'bench/snapshot/launcher.mjs')} ${blob}`, header],
];
const times = cases.map(() => []);
for (const [, command, done] of cases) await inPty(command, done); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, [, command, done]] of cases.entries()) times[k].push(await inPty(command, done));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = median(times[0]);
console.log(`first frame · ${node} (${runs} alternating runs, medians)`);
for (const [k, [label]] of cases.entries())
  console.log(`${label.padEnd(30)} ${median(times[k]).toFixed(0).padStart(5)} ms   ${(median(times[k]) / floor).toFixed(2)}x`);
