// Build step: validates the shipped lessons and writes them as dist/course.json, so the course
// starts without parsing YAML. A lesson with a problem fails the build with file:line:col.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadLessonDir } from '../src/commands/load-lessons.js';
import { formatProblem } from '../src/core/course/model.js';
import { COMPILED_FORMAT } from '../src/core/course/compiled.js';

// Run from the package root, so lesson paths in messages are relative (lessons/01-....yml).
const result = loadLessonDir('lessons');
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exit(1);
}
mkdirSync('dist', { recursive: true });
writeFileSync('dist/course.json', JSON.stringify({ format: COMPILED_FORMAT, course: result.course }));
