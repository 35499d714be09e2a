// npm run bench: start-up, memory and package size of the built CLI. Figures, not pass/fail.
// See bench/README.md for how to read them.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const home = mkdtempSync(join(tmpdir(), 'npl-bench-'));

/** Spawns a command in a real pseudo-terminal (util-linux `script`); resolves when `done` says so. */
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
        // already gone
      }
      resolve(ms);
    };
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      if (done === 'output' || !done(output)) return;
      finish();
    });
    child.on('error', reject);
    child.on('close', () => (done === 'exit' ? finish() : finished || reject(new Error(`exited before the first frame:\n${output}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstFrame() {
  const bare = [];
  const app = [];
  await inPty(`node ${cli}`, (o) => o.includes('hands on')); // warm the file cache
  for (let i = 0; i < runs; i++) {
    bare.push(await inPty('node -e ""', 'exit'));
    app.push(await inPty(`node ${cli}`, (o) => o.includes('hands on')));
  }
  return { bare: median(bare), app: median(app) };
}

/** Peak resident memory (VmHWM) of the course after walking through a few lessons in tmux. */
async function peakRss() {
  const socket = `npl-bench-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-x', '120', '-y', '40', `NODEPORT_LAB_HOME=${home} exec node ${cli}`);
  const wait = async (text) => {
    for (let i = 0; i < 500 && !tmux('capture-pane', '-p').includes(text); i++) await new Promise((r) => setTimeout(r, 20));
  };
  try {
    await wait('hands on');
    const pid = tmux('display', '-p', '#{pane_pid}').trim();
    tmux('send-keys', 'n');
    tmux('send-keys', 'Enter');
    for (let i = 0; i < 40; i++) {
      tmux('send-keys', i % 7 === 3 ? 'PageDown' : 'Right');
      await new Promise((r) => setTimeout(r, 15));
    }
    await new Promise((r) => setTimeout(r, 200));
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } finally {
    tmux('kill-server');
  }
}

function tarball() {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { size: packed.size / 1000, unpacked: packed.unpackedSize / 1000, files: packed.entryCount, dependencies: Object.keys(pkg.dependencies ?? {}).length };
}

const frame = await firstFrame();
const rss = await peakRss();
const pack = tarball();
const ratio = frame.app / frame.bare;
console.log(`nodeport-lab bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${runs} paired runs (medians)`);
console.log(`first frame in a pty       ${frame.app.toFixed(0)} ms   node -e "" ${frame.bare.toFixed(0)} ms   ratio ${ratio.toFixed(2)}x   (aim <= 2.5x)`);
console.log(`peak RSS, a short journey  ${rss.toFixed(1)} MiB   (aim < 70 MiB)`);
console.log(
  `package                    ${pack.size.toFixed(0)} kB packed, ${pack.unpacked.toFixed(0)} kB unpacked, ${pack.files} files, ${pack.dependencies} runtime dependencies   (aim < 400 kB)`,
);
