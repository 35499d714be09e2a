// A practice step runs ls for the learner's window: the width the terminal has reaches the shell
// with the command (prompt-submit's columns), so the names are laid out in as many columns as fit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialNav, navigate, type NavState } from '../../../src/core/course/navigation.js';
import { currentPractice } from '../../../src/core/navigation/place.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { courseFolder, shippedCourse } from '../../helpers/practice-step.js';

function lsAt(columns: number | undefined): string {
  let state: NavState = navigate(initialNav(shippedCourse, emptyProgress, null, { seed: 2, files: new Map() }), {
    type: 'open-place',
    place: { lesson: 'mistakes', step: 'typo-fix' },
  });
  state = { ...state, files: courseFolder };
  state = navigate(state, { type: 'prompt-edit', action: { type: 'insert', text: 'ls' } });
  state = navigate(state, { type: 'prompt-submit', elapsedMs: 0, ...(columns ? { columns } : {}) });
  const entries = Object.values(currentPractice(state)?.entries ?? {}).flat();
  const last = entries.at(-1);
  assert.equal(last?.line, 'ls');
  return last.output;
}

describe('ls in a practice step, at the width of the window', () => {
  it('fills a wide window and keeps every row shorter than a narrow one', () => {
    const wide = lsAt(200);
    const names = wide.trim().split(/\s+/);
    assert.ok(names.length >= 3, `several manifests are shown by then:\n${wide}`);
    assert.equal(wide.split('\n').filter(Boolean).length, 1, `one row at 200 columns:\n${wide}`);
    const longest = Math.max(...names.map((n) => n.length));
    const narrow = lsAt(longest + 3);
    assert.equal(narrow, `${names.join('\n')}\n`, 'one name a row when two do not fit');
    assert.equal(lsAt(undefined), lsAt(80), 'without a width, 80 columns');
  });
});
