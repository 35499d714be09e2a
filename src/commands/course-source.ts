// Where the course comes from: the shipped JSON beside the bundle, or a lesson folder's YAML. The
// YAML parser is imported only when a folder is read, so the shipped course starts without it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCompiled } from '../core/course/compiled.js';
import type { LoadResult } from '../core/course/loader.js';

/**
 * The lessons that ship with the app: `lessons/` at the package's root, which is the bundle's
 * parent (dist/) or, running from the sources, this file's grandparent (src/commands/).
 */
export function bundledLessonDir(): string {
  const beside = fileURLToPath(new URL('../lessons', import.meta.url));
  const fromSources = fileURLToPath(new URL('../../lessons', import.meta.url));
  return !existsSync(beside) && existsSync(fromSources) ? fromSources : beside;
}

/** Reads and validates a lesson folder (the YAML parser loaded on first use). */
export async function readLessonFolder(dir: string): Promise<LoadResult> {
  const { loadLessonDir } = await import('./load-lessons.js');
  return loadLessonDir(dir);
}

/**
 * The course to take: from `dir` when given, else the shipped course, read from the JSON the
 * build validated (dist/course.json) and, when running from sources, from its YAML.
 */
export async function loadCourseFrom(dir: string | undefined): Promise<LoadResult> {
  if (dir !== undefined) return readLessonFolder(dir);
  try {
    const course = parseCompiled(readFileSync(new URL('./course.json', import.meta.url), 'utf8'));
    if (course) return { ok: true, course };
  } catch {
    // not built: read the YAML
  }
  return readLessonFolder(bundledLessonDir());
}
