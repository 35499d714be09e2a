// The learner's progress on disk: one versioned JSON file, written atomically under a lock, and
// merged with what another window saved meanwhile. This is the only place that reads or writes it.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import type * as Crypto from 'node:crypto';
import { emptyProgress, mergeProgress, parseProgress, READABLE_VERSIONS, type Progress } from './model.js';

export interface Loaded {
  readonly progress: Progress;
  /** Something the learner must be told: a file set aside, or progress that cannot be read. */
  readonly notice: string | null;
  /**
   * The file is there but could be neither read nor moved aside: nothing is written over it in
   * this session, so the learner can still rescue it.
   */
  readonly readOnly?: boolean;
}

/** A progress file holds a few ids per lesson; one this large is not ours. */
export const MAX_PROGRESS_BYTES = 4 * 1024 * 1024;

/** The progress file: $NODEPORT_LAB_HOME/progress.json, else in the user's config directory. */
export function progressFile(home: string): string {
  return join(home, 'progress.json');
}

function setAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.${stamp}.bak`;
  renameSync(file, aside);
  return aside;
}

type Read = { ok: true; text: string | null } | { ok: false; reason: string; code?: string };

/** The file's text (null when there is none), read no further than the cap. */
function readCapped(file: string): Read {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, text: null };
    return { ok: false, reason: describe(error), ...(code ? { code } : {}) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: `${file}: not a regular file` };
    const tooLarge = { ok: false, reason: `it is larger than ${MAX_PROGRESS_BYTES / 1024 / 1024} MiB, far more than progress takes` } as const;
    if (info.size > MAX_PROGRESS_BYTES) return tooLarge;
    const buffer = Buffer.alloc(Math.min(MAX_PROGRESS_BYTES + 1, info.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) return tooLarge;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  } finally {
    closeSync(fd);
  }
}

export function loadProgress(file: string, now: Date = new Date()): Loaded {
  const read = readCapped(file);
  if (read.ok && read.text === null) return { progress: emptyProgress, notice: null };
  let reason: string;
  if (read.ok) {
    reason = 'it is not valid JSON';
    try {
      const data: unknown = JSON.parse(read.text ?? '');
      const progress = parseProgress(data);
      if (progress) return { progress, notice: null };
      const version = (data as { version?: unknown } | null)?.version;
      reason =
        typeof version === 'number' && !READABLE_VERSIONS.includes(version)
          ? `it is version ${version}, and this nodeport-lab reads versions ${READABLE_VERSIONS.join(' and ')}`
          : 'it is not in the expected shape';
    } catch {
      // reason stays "not valid JSON"
    }
  } else {
    reason = read.reason;
  }
  const what = read.ok ? 'Your progress file could not be used' : 'Your progress file could not be read';
  try {
    const aside = setAside(file, now);
    return { progress: emptyProgress, notice: `${what} (${reason}). It was moved to ${aside}; starting fresh.` };
  } catch (error) {
    return {
      progress: emptyProgress,
      notice: `${what} (${reason}) nor moved aside (${describe(error)}). Nothing will be saved in this session, so it stays as it is: move or fix it, then start again.`,
      readOnly: true,
    };
  }
}

export type SaveResult = { ok: true } | { ok: false; message: string };

/** How long another window may hold the lock before it is taken as dead, in ms. */
const STALE_LOCK_MS = 10_000;
/** How long a save waits for another window's save to finish, in ms: a loaded machine can take seconds. */
const LOCK_WAIT_MS = 10_000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `file.lock` (created exclusively); a lock whose holder is gone, or that is old, is broken. */
function lock(file: string): () => void {
  const path = `${file}.lock`;
  const start = Date.now();
  for (;;) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        writeSync(fd, String(process.pid));
      } catch (error) {
        rmSync(path, { force: true }); // a full disk: leave no lock behind
        throw error;
      } finally {
        closeSync(fd);
      }
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let stale: boolean;
    try {
      const holder = Number(readFileSync(path, 'utf8'));
      stale = (Number.isInteger(holder) && holder > 0 && !alive(holder)) || Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS;
    } catch {
      continue; // released meanwhile
    }
    if (stale) rmSync(path, { force: true });
    else if (Date.now() - start > LOCK_WAIT_MS) throw Object.assign(new Error(`${path}: another window holds the lock`), { code: 'ELOCKED' });
    else sleep(5);
  }
}

/** Temporary files of runs that were killed mid-write (only the lock holder writes one). */
function removeStaleTemps(file: string): void {
  const prefix = `${basename(file)}.`;
  for (const name of readdirSync(dirname(file))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(file), name), { force: true });
  }
}

/**
 * Eight random bytes in hex, for a temporary file's name: from the kernel's random device, as
 * node:crypto's would be, without starting OpenSSL in the course for them (about 0.9 MiB resident,
 * bench/README.md); node:crypto where there is no such device (Windows).
 */
export function randomName(): string {
  const bytes = Buffer.alloc(8);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, 8, null) === 8) return bytes.toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch {
    // no random device
  }
  return (createRequire(import.meta.url)('node:crypto') as typeof Crypto).randomBytes(8).toString('hex');
}

/**
 * Saves `progress` merged with what is on disk (another window's steps are kept), under a lock:
 * written to a new temporary file (exclusive, random name, 0600, never through a link), flushed,
 * then renamed over, so a crash never leaves half a file.
 */
export function saveProgress(file: string, progress: Progress): SaveResult {
  let temp = file;
  let unlock: (() => void) | null = null;
  try {
    mkdirSync(dirname(file), { recursive: true });
    unlock = lock(file);
    removeStaleTemps(file);
    const read = readCapped(file);
    const disk = read.ok && read.text !== null ? parseJson(read.text) : null;
    const merged = disk ? mergeProgress(disk, progress) : progress;
    temp = `${file}.${randomName()}.tmp`;
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      writeSync(fd, `${JSON.stringify(merged, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    if (temp !== file) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing was written, or it cannot be removed either
      }
    }
    // The temporary file's name means nothing to the learner; the file it stands for does, and
    // errors without a path (a full disk) name it too.
    const detail = describe(error).replace(temp, file).replace(`${file}.lock`, file);
    return { ok: false, message: `Progress cannot be saved (${detail.includes(sep) ? detail : `${file}: ${detail}`}).` };
  } finally {
    unlock?.();
  }
}

function parseJson(text: string): Progress | null {
  try {
    return parseProgress(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The save a session uses: none at all when the file could not be read nor moved aside. */
export function progressSaver(file: string, loaded: Loaded): (progress: Progress) => SaveResult {
  if (!loaded.readOnly) return (progress) => saveProgress(file, progress);
  return () => ({ ok: false, message: `Progress is not saved in this session: ${file} could not be read, and is left as it is.` });
}

export function resetProgress(file: string): SaveResult {
  try {
    rmSync(file, { force: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `Could not remove ${file} (${describe(error)}).` };
  }
}

/**
 * Marks this window as open on the progress folder (`progress.json.window-PID`, removed on exit)
 * and says how many others are; the marks of windows that are gone are removed.
 */
export function claimWindow(home: string): { readonly others: number; readonly release: () => void } {
  const prefix = `${basename(progressFile(home))}.window-`;
  const mine = join(home, `${prefix}${process.pid}`);
  try {
    let others = 0;
    for (const name of readdirSync(home)) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length));
      if (pid === process.pid) continue;
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) others++;
      else rmSync(join(home, name), { force: true });
    }
    closeSync(openSync(mine, 'w', 0o600));
    return { others, release: () => rmSync(mine, { force: true }) };
  } catch {
    return { others: 0, release: () => undefined };
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'a file is in the way',
  ENOTDIR: 'a file is in the way',
  EISDIR: 'a folder is in the way',
  ELOCKED: 'another window is saving and did not finish',
  ELOOP: 'a symbolic link is in the way',
};

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reason = (e.code && Object.hasOwn(REASONS, e.code) ? REASONS[e.code] : undefined) ?? e.code ?? e.message ?? String(error);
  return e.path ? `${e.path}: ${reason}` : reason;
}
