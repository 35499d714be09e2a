// Where the course comes from: the shipped JSON beside the bundle, or a lesson folder's YAML. The
// YAML parser is imported only when a folder is read, so the shipped course starts without it.
import { existsSync, readFileSync } from './node-fs.js';
import { fileURLToPath } from 'node:url';
import { parseCompiled } from '../core/course/compiled.js';
import type { LoadResult } from '../core/course/loader.js';
import type { Course } from '../core/course/model.js';

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
  const course = shippedCourse();
  return course ? { ok: true, course } : readLessonFolder(bundledLessonDir());
}

/** The course the build stored beside the bundle (dist/course.json); null when there is none (running from the sources). */
export function shippedCourse(): Course | null {
  try {
    return parseCompiled(readFileSync(SHIPPED, 'utf8'));
  } catch {
    return null;
  }
}

/** Whether the build stored the course beside the bundle, without reading it. */
export const hasShippedCourse = (): boolean => existsSync(SHIPPED);

const SHIPPED = new URL('./course.json', import.meta.url);
