// Reads and validates a lesson directory: the one way every command gets a course.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCompiled } from '../core/course/compiled.js';
import { loadCourse, type LoadResult } from '../core/course/loader.js';
import { readLessonDir } from '../core/course/read-dir.js';

export function loadLessonDir(dir: string): LoadResult {
  const read = readLessonDir(dir);
  if (!read.ok) return { ok: false, problems: [{ file: dir, line: 1, col: 1, message: read.message }] };
  return loadCourse(read.sources);
}

/**
 * The lessons that ship with the app: `lessons/` at the package's root, which is the bundle's
 * parent (dist/cli.js) or, running from the sources, this file's grandparent (src/commands/).
 */
export function bundledLessonDir(): string {
  const beside = fileURLToPath(new URL('../lessons', import.meta.url));
  const fromSources = fileURLToPath(new URL('../../lessons', import.meta.url));
  return !existsSync(beside) && existsSync(fromSources) ? fromSources : beside;
}

/**
 * The course to take: from `dir` when given, else the shipped course, read from the JSON the
 * build validated (dist/course.json) and, when running from sources, from its YAML.
 */
export function loadCourseFrom(dir: string | undefined): LoadResult {
  if (dir !== undefined) return loadLessonDir(dir);
  try {
    const course = parseCompiled(readFileSync(new URL('./course.json', import.meta.url), 'utf8'));
    if (course) return { ok: true, course };
  } catch {
    // not built: read the YAML
  }
  return loadLessonDir(bundledLessonDir());
}
