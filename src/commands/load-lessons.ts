// Reads and validates a lesson directory: the one way every command gets a course from YAML.
import { loadCourse, type LoadResult } from '../core/course/loader.js';
import { readLessonDir } from '../core/course/read-dir.js';

export { bundledLessonDir } from './course-source.js';

export function loadLessonDir(dir: string): LoadResult {
  const read = readLessonDir(dir);
  if (!read.ok) return { ok: false, problems: [{ file: dir, line: 1, col: 1, message: read.message }] };
  return loadCourse(read.sources);
}
