// npm run bench: start-up, memory and package size of the built CLI. Figures, not pass/fail.
// See bench/README.md for how to read them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inPty, median } from './pty.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const home = mkdtempSync(join(tmpdir(), 'npl-bench-'));

/**
 * The course's first frame, as a ratio to bare Node: on a learner's later starts (V8's code cache of
 * the shared core kept in the lab's folder: src/shared-core.ts keeps it once the first screens are
 * drawn) and on the first start of all (a fresh folder each run, so nothing kept).
 */
async function firstFrame() {
  const bare = [];
  const later = [];
  const first = [];
  const frame = (/** @type {string} */ o) => o.includes('hands on');
  await inPty(`node ${cli}`, frame, home); // warm the file cache
  // The first start of all only makes the cache folder; the next keeps the cache.
  keepCodeCache();
  keepCodeCache();
  for (let i = 0; i < runs; i++) {
    bare.push(await inPty('node -e ""', 'exit', home));
    later.push(await inPty(`node ${cli}`, frame, home));
    first.push(await inPty(`node ${cli}`, frame, mkdtempSync(join(tmpdir(), 'npl-bench-first-'))));
  }
  return { bare: median(bare), later: median(later), first: median(first) };
}

/** Runs the course in tmux for long enough to keep its code cache in the bench's folder. */
function keepCodeCache() {
  const socket = `npl-bench-cache-${process.pid}`;
  startCourse(socket);
  execFileSync('sleep', ['5']);
  killServer(socket);
}

/**
 * Starts the course in a tmux server of the bench's. tmux now and then answers `new-session` with
 * "server exited unexpectedly" on a loaded machine: the bench tries once more, and says so.
 */
function startCourse(socket) {
  const start = () =>
    execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '120', '-y', '40', `NODEPORT_LAB_HOME=${home} exec node ${cli}`], {
      stdio: 'pipe',
    });
  try {
    start();
  } catch (error) {
    console.error(`tmux could not start the course (${String(error.stderr ?? error).trim()}); trying once more`);
    killServer(socket);
    start();
  }
}

/** Stops a tmux server of the bench's; one whose course has already ended has gone by itself. */
function killServer(socket) {
  try {
    execFileSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  } catch {
    // Nothing left to stop.
  }
}

/** Peak resident memory (VmHWM) of the course after walking through a few lessons in tmux. */
async function peakRss() {
  const socket = `npl-bench-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  startCourse(socket);
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
    killServer(socket);
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
console.log(`nodeport-lab bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${runs} paired runs (medians)`);
console.log(
  `first frame in a pty       ${frame.later.toFixed(0)} ms   node -e "" ${frame.bare.toFixed(0)} ms   ratio ${(frame.later / frame.bare).toFixed(2)}x   (aim <= 2.2x)`,
);
console.log(`  on the first start       ${frame.first.toFixed(0)} ms   ratio ${(frame.first / frame.bare).toFixed(2)}x (no code cache kept yet)`);
console.log(`peak RSS, a short journey  ${rss.toFixed(1)} MiB   (aim < 70 MiB)`);
console.log(
  `package                    ${pack.size.toFixed(0)} kB packed, ${pack.unpacked.toFixed(0)} kB unpacked, ${pack.files} files, ${pack.dependencies} runtime dependencies   (aim < 400 kB)`,
);
