// Every screen of the shipped course, walked step by step: at 80 and 60 columns nothing is wider
// than the window (so nothing is cut), with and without --plain; at 200 columns prose keeps a
// readable measure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { initialNav, navigate, type NavState } from '../../../src/core/course/navigation.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { lineText, lineWidth } from '../../../src/text/line.js';
import { lessonFrame, MEASURE } from '../../../src/ui/screens/lesson.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;

/** Every step of the course, deep dives included. */
function* everyStep(): Generator<NavState> {
  const deep = navigate(initialNav(course, emptyProgress, null, { seed: 1, files: new Map() }), { type: 'toggle-deep' });
  let state = navigate(deep, { type: 'open-lesson', lesson: 0 });
  for (let i = 0; i < 200 && state.screen.kind === 'lesson'; i++) {
    yield state;
    state = navigate({ ...state, focus: 'page' }, { type: 'next-step' });
  }
}

describe('screen widths', () => {
  for (const columns of [80, 60]) {
    for (const plain of [false, true]) {
      it(`${columns} columns${plain ? ', plain' : ''}: no line of any step is wider than the window`, () => {
        const wide: string[] = [];
        for (const state of everyStep()) {
          const frame = lessonFrame(state, { columns, rows: 400 }, { color: false, plain });
          for (const l of frame.lines) if (lineWidth(l) > columns) wide.push(lineText(l));
        }
        assert.deepEqual(wide, []);
      });
    }
  }

  it(`200 columns: the text of a step keeps to ${MEASURE} columns`, () => {
    let checked = 0;
    for (const state of everyStep()) {
      const frame = lessonFrame(state, { columns: 200, rows: 400 }, { color: false, plain: false });
      // The header, the title's rule and the footer span the window; the step's own lines do not.
      const body = frame.lines.slice(3, -1).filter((l) => !l.every((s) => s.style === 'border'));
      for (const l of body) assert.ok(lineWidth(l) <= MEASURE, `too wide at 200: "${lineText(l)}"`);
      checked++;
    }
    assert.ok(checked > 50);
  });
});
