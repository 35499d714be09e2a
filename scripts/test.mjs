// Runs every test file under test/ with Node's own test runner (TypeScript through tsx).
// Pass file or folder names to run a part: node scripts/test.mjs test/unit
// The end-to-end tests drive the built CLI: when any is run and dist/ is missing or older than the
// sources, the CLI is built first, so they never test a stale build.
// NPL_SOAK=1 runs the long versions of the soak tests (npm run test:soak).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
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

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap(collect);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
if (files.some((file) => file.split(sep).join('/').includes('test/e2e/')) && staleBuild()) {
  console.error('dist/ is missing or older than the sources: building it first.');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: '0' },
});
process.exit(result.status ?? 1);
