// Replays a lesson as a learner would take it: its setup, then each do step's first solution, to
// carry the cluster forward; and checks that every listed solution meets its step's goal from the
// state the earlier steps left (each on its own copy of that state: the simulator's state is never
// changed in place). Pure: a simulated cluster, the course's own manifests.
import { courseFolder } from './course-folder.js';
import type { KubectlIO } from '../kubectl/index.js';
import { answerOf } from '../kubectl/answer.js';
import { newShell, runLine, type ShellState } from '../shell/shell.js';
import { checkGoal, type Attempt } from './goals.js';
import type { Course, DoStep, Lesson } from './model.js';
import { fillTemplates } from './template.js';
import { append } from '../append.js';

/** Time between two lines of a solution: a learner reads the output before typing the next line. */
export const SOLUTION_LINE_MS = 10_000;

export interface SolutionFailure {
  /** Index of the step in its lesson. */
  readonly step: number;
  /** Index of the solution in its step. */
  readonly solution: number;
  readonly message: string;
}

/** The manifests the course shows, by file name: the files its practice prompt can apply. */
export function courseFiles(course: Course): KubectlIO {
  const files = new Map<string, string>();
  for (const lesson of course.lessons) {
    for (const step of lesson.steps) if (step.kind === 'manifest') files.set(step.file, step.source);
  }
  return courseFolder(files);
}

/** A solution's lines run in turn, each filled from the cluster as it is and taking SOLUTION_LINE_MS. */
export function runSolution(start: ShellState, lines: readonly string[], files: KubectlIO): { state: ShellState; attempts: Attempt[] } {
  let state = start;
  const attempts: Attempt[] = [];
  for (const line of lines) {
    const filled = fillTemplates(line, state.cluster);
    const result = runLine(state, filled, files, SOLUTION_LINE_MS);
    state = result.state;
    attempts.push({ line: filled, ...(result.request ? { request: result.request } : {}), answer: answerOf(result.exitCode, result.stderr) });
  }
  return { state, attempts };
}

function checkStep(step: DoStep, index: number, start: ShellState, files: KubectlIO): { after: ShellState; failures: SolutionFailure[] } {
  const failures: SolutionFailure[] = [];
  let after = start;
  (step.solutions ?? []).forEach((solution, s) => {
    const run = runSolution(start, solution, files);
    if (s === 0) after = run.state;
    const unmet = checkGoal(step.goal, run.state.cluster, run.attempts).filter((p) => !p.met);
    if (unmet.length > 0) {
      failures.push({
        step: index,
        solution: s,
        message: `solution ${s + 1} does not meet the goal of step "${step.id}": not ${unmet.map((p) => p.says).join('; not ')}`,
      });
    }
  });
  return { after, failures };
}

function walk(lesson: Lesson, seed: number, files: KubectlIO, until = lesson.steps.length): { state: ShellState; failures: SolutionFailure[] } {
  let state = newShell(seed);
  for (const line of lesson.setup) state = runLine(state, line, files, 1000).state;
  const failures: SolutionFailure[] = [];
  lesson.steps.slice(0, until).forEach((step, index) => {
    if (step.kind !== 'do') return;
    const checked = checkStep(step, index, state, files);
    append(failures, checked.failures);
    state = checked.after;
  });
  return { state: { ...state, history: [] }, failures };
}

/** Every solution of the lesson that does not meet its step's goal. */
export function replayLesson(lesson: Lesson, seed: number, files: KubectlIO): SolutionFailure[] {
  return walk(lesson, seed, files).failures;
}

/** The shell as a learner who took each earlier do step's first solution arrives at this step. */
export function stateBefore(lesson: Lesson, step: string, seed: number, files: KubectlIO): ShellState {
  const index = lesson.steps.findIndex((s) => s.id === step);
  return walk(lesson, seed, files, index < 0 ? lesson.steps.length : index).state;
}
