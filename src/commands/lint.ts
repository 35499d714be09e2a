// `nodeport-lab lint [DIR]`: every problem in a lesson directory as file:line:col: message.
// Beyond the format, it replays each lesson's solutions in the simulated cluster.
import { loadCourse, type LoadResult } from '../core/course/loader.js';
import { formatProblem } from '../core/course/model.js';
import { readLessonDir } from '../core/course/read-dir.js';
import { visibleControls } from '../core/visible-controls.js';

function lintDir(dir: string): LoadResult {
  const read = readLessonDir(dir);
  if (!read.ok) return { ok: false, problems: [{ file: dir, line: 1, col: 1, message: read.message }] };
  return loadCourse(read.sources, { replay: true });
}

export function lint(dir: string, out: (line: string) => void, err: (line: string) => void): number {
  const result = lintDir(dir);
  if (result.ok) {
    const steps = result.course.lessons.reduce((n, lesson) => n + lesson.steps.length, 0);
    out(visibleControls(`${dir}: ${result.course.lessons.length} lessons, ${steps} steps, no problems`));
    return 0;
  }
  for (const problem of result.problems) err(formatProblem(problem));
  err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  return 1;
}
