// A sub-reducer's tests as a table: a state, the actions taken from it, and what must hold after.
import { it } from 'node:test';
import { initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import type { Course } from '../../../src/core/course/model.js';
import { emptyProgress, type Progress } from '../../../src/core/progress/model.js';
import { fixture } from '../../helpers/fixtures.js';

export interface Row {
  readonly name: string;
  readonly from: NavState;
  readonly actions: readonly NavAction[];
  /** Throws (node:assert) when the state after the actions is wrong; `before` is `from`. */
  readonly then: (after: NavState, before: NavState) => void;
}

export const run = (state: NavState, ...actions: readonly NavAction[]): NavState => actions.reduce(navigate, state);

export function table(rows: readonly Row[]): void {
  for (const row of rows) it(row.name, () => row.then(run(row.from, ...row.actions), row.from));
}

export function course(name: 'course' | 'quiz-course'): Course {
  const result = loadLessonDir(fixture(name));
  if (!result.ok) throw new Error(`fixture ${name} is broken: ${JSON.stringify(result.problems)}`);
  return result.course;
}

export const start = (of: Course, progress: Progress = emptyProgress): NavState =>
  initialNav(of, progress, null, {
    seed: 7,
    files: new Map([
      ['svc.yml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  type: NodePort\n  selector:\n    run: web\n  ports:\n    - port: 80\n'],
    ]),
  });
