// The temporary folders the tests make: each is removed when the process that made it ends, however
// its test ended, so a run leaves nothing behind in the system's temporary folder. (A crowded one
// slows every tool that lists it; esbuild's build was many times slower there.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** Removes every folder `tempDir` made in this process; one that cannot be removed is left be. */
export function removeTempDirs(): void {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test made unreadable on purpose, as a user who is not root: it stays.
    }
  }
  made.clear();
}

/** A new folder under the system's temporary folder, named from `prefix`, removed at exit. */
export function tempDir(prefix: string): string {
  if (made.size === 0) process.once('exit', removeTempDirs);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}
