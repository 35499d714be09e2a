// The lesson list of the shipped course at 80 and 60 columns: the steps stay one column on every
// row, a quiz result that has no room beside its lesson is said under the list, and one step is
// "1 step".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialNav, navigate, type NavState } from '../../src/core/course/navigation.js';
import { emptyProgress, type Progress } from '../../src/core/progress/model.js';
import { lineText } from '../../src/text/line.js';
import { homeFrame } from '../../src/ui/screens/home.js';
import { shippedCourse } from '../helpers/practice-step.js';

const progress: Progress = {
  ...emptyProgress,
  lessons: {
    'why-a-service': { done: ['test-what-you-deploy', 'pod-ips', 'what-a-service-is'], complete: true },
    'service-types': { done: ['three-types', 'cluster-ip', 'node-port', 'load-balancer', 'check-yourself'], complete: true },
  },
  quizzes: { 'service-types/check-yourself': { score: 0.5, firstTry: 1, total: 3, concepts: {} } },
};

function screen(state: NavState, columns: number, rows: number): string[] {
  return homeFrame(state, { columns, rows }, { color: false, plain: false }).lines.map(lineText);
}

const rowsOfLessons = (lines: readonly string[]) => lines.filter((l) => /^[› ] .{3}\s*\d+ {2}\S/.test(l));

describe('the lesson list keeps its steps column', () => {
  it('at 80 columns every lesson row says its steps, a lesson with a quiz result too', () => {
    const lines = screen(initialNav(shippedCourse, progress), 80, 24);
    const rows = rowsOfLessons(lines);
    assert.equal(rows.length, shippedCourse.lessons.length);
    for (const row of rows) assert.match(row, / · \d+\/\d+ steps?$/, row);
    for (const row of lines) assert.ok(row.length <= 80, row);
  });

  it('says a quiz result the row had no room for under the list, for the chosen lesson', () => {
    let state = initialNav(shippedCourse, progress);
    state = navigate(navigate(state, { type: 'move-cursor', delta: -20 }), { type: 'move-cursor', delta: 1 });
    const lines = screen(state, 80, 24);
    assert.match(lines.join('\n'), /Quiz best: 50%\./);
    const other = screen(navigate(state, { type: 'move-cursor', delta: 1 }), 80, 24);
    assert.doesNotMatch(other.join('\n'), /Quiz best/);
  });

  it('at 120 columns the quiz result sits in its row', () => {
    let state = initialNav(shippedCourse, progress);
    state = navigate(navigate(state, { type: 'move-cursor', delta: -20 }), { type: 'move-cursor', delta: 1 });
    const lines = screen(state, 120, 30);
    assert.match(lines.join('\n'), /The three Service types +5 min \+2 deep · 7\/7 steps · quiz best 50%/);
    assert.doesNotMatch(lines.join('\n'), /Quiz best/);
  });

  it('at 60 and 100 columns every row has the same form: minutes long or short, steps or none', () => {
    for (const columns of [60, 70, 100]) {
      const rows = rowsOfLessons(screen(initialNav(shippedCourse, progress), columns, 30));
      const long = rows.map((r) => /\d+ min|deep dive, /.test(r));
      const steps = rows.map((r) => / · \d+\/\d+/.test(r));
      assert.ok(
        long.every((x) => x === long[0]),
        `${columns}: ${rows.join('\n')}`,
      );
      assert.ok(
        steps.every((x) => x === steps[0]),
        `${columns}: ${rows.join('\n')}`,
      );
      for (const row of rows) assert.ok(row.length <= columns, row);
    }
  });

  it('a lesson of one step has "1 step"', () => {
    const rows = rowsOfLessons(screen(initialNav(shippedCourse, emptyProgress), 100, 30));
    const review = rows.find((r) => r.includes('Review quiz'));
    assert.match(review ?? '', /· 0\/1 step$/);
  });
});
