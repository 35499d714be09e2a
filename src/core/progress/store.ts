// The learner's progress on disk: one versioned JSON file, written atomically.
// This is the only place that reads or writes progress.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { emptyProgress, parseProgress, READABLE_VERSIONS, type Progress } from './model.js';

export interface Loaded {
  readonly progress: Progress;
  /** Something the learner must be told: a file set aside, or progress that cannot be read. */
  readonly notice: string | null;
}

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

export function loadProgress(file: string, now: Date = new Date()): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress, notice: null };
    return { progress: emptyProgress, notice: `Could not read your progress (${describe(error)}); starting fresh.` };
  }
  let data: unknown;
  let reason = 'it is not valid JSON';
  try {
    data = JSON.parse(text);
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
  try {
    const aside = setAside(file, now);
    return { progress: emptyProgress, notice: `Your progress file could not be used (${reason}). It was moved to ${aside}; starting fresh.` };
  } catch (error) {
    return { progress: emptyProgress, notice: `Your progress file could not be used (${reason}) nor moved aside (${describe(error)}); starting fresh.` };
  }
}

export type SaveResult = { ok: true } | { ok: false; message: string };

/** Writes to a temporary file beside the target, then renames it over, so a crash never leaves half a file. */
export function saveProgress(file: string, progress: Progress): SaveResult {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written, or it cannot be removed either
    }
    // The temporary file's name means nothing to the learner; the file it stands for does, and
    // errors without a path (a full disk) name it too.
    const detail = describe(error).replace(temp, file);
    return { ok: false, message: `Progress cannot be saved (${detail.includes(sep) ? detail : `${file}: ${detail}`}).` };
  }
}

export function resetProgress(file: string): SaveResult {
  try {
    rmSync(file, { force: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `Could not remove ${file} (${describe(error)}).` };
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
};

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reason = (e.code && REASONS[e.code]) ?? e.code ?? e.message ?? String(error);
  return e.path ? `${e.path}: ${reason}` : reason;
}
