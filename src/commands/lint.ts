// `nodeport-lab lint [DIR]`: every problem in a lesson directory as file:line:col: message.
import { formatProblem } from '../core/course/model.js';
import { loadLessonDir } from './load-lessons.js';
import { visibleControls } from '../core/visible-controls.js';

export function lint(dir: string, out: (line: string) => void, err: (line: string) => void): number {
  const result = loadLessonDir(dir);
  if (result.ok) {
    const steps = result.course.lessons.reduce((n, lesson) => n + lesson.steps.length, 0);
    out(visibleControls(`${dir}: ${result.course.lessons.length} lessons, ${steps} steps, no problems`));
    return 0;
  }
  for (const problem of result.problems) err(formatProblem(problem));
  err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  return 1;
}
