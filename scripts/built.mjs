// Whether dist/ is as new as what it is built from, and a build when it is not: the tests and the
// lesson lint run the built CLI and must never run a stale one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The newest modification time of the files under a path.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

/** Whether dist/ is missing or older than what it is built from. */
export function staleBuild() {
  const built = join(root, 'dist', 'cli.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return ['src', 'lessons', 'scripts/build.mjs', 'scripts/compile-course.ts', 'package.json'].some((path) => newest(join(root, path)) > builtAt);
}

/**
 * Builds dist/ when it is stale, printing the build's output; returns whether dist/ is now current.
 * @returns {boolean}
 */
export function buildIfStale() {
  if (!staleBuild()) return true;
  console.error('dist/ is missing or older than the sources: building it first.');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  return build.status === 0;
}
