// PgUp and PgDn on a practice step move its output pane, as the pane's rule offers, with the prompt's
// keys on or with the lesson keys (esc), whether the instructions above are short or long.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { initialNav, navigate, type NavState } from '../../src/core/course/navigation.js';
import { emptyProgress } from '../../src/core/progress/model.js';
import { lineText } from '../../src/text/line.js';
import { actionFor, contextOf } from '../../src/ui/keymap.js';
import { lessonFrame } from '../../src/ui/screens/lesson.js';
import { repoPath } from '../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;
const size = { columns: 80, rows: 24 };
const display = { color: false, plain: false };

function press(state: NavState, key: string): NavState {
  const action = actionFor(contextOf(state), key, lessonFrame(state, size, display).metrics);
  return action ? navigate(state, action) : state;
}

function practiceWithOutput(lesson: string, step: string): NavState {
  let state = navigate(initialNav(course, emptyProgress, null, { seed: 4, files: new Map() }), { type: 'open-place', place: { lesson, step } });
  for (const line of ['kubectl get nodes -o wide', 'kubectl get pods -A', 'kubectl get svc', 'kubectl get nodes -o wide']) {
    state = navigate(state, { type: 'prompt-edit', action: { type: 'replace', text: line } });
    state = navigate(state, { type: 'prompt-submit', elapsedMs: 1000 });
  }
  return state;
}

const rule = (state: NavState) =>
  lessonFrame(state, size, display)
    .lines.map(lineText)
    .find((l) => /earlier lines? · pgup|newer lines? below · pgdn/.test(l)) ?? '';

describe('page keys on a practice step', () => {
  for (const [lesson, step] of [
    ['create-the-pod', 'find-the-nodes'],
    ['break-it', 'look-around'],
    ['expose-imperatively', 'find-the-node-port'],
  ] as const) {
    it(`scroll the output at ${lesson}/${step}, at the prompt and with the lesson keys`, () => {
      const typing = practiceWithOutput(lesson, step);
      assert.match(rule(typing), /earlier lines? · pgup/, 'the output overflows its pane');
      assert.match(rule(press(typing, 'pageup')), /newer lines? below · pgdn/, 'at the prompt');
      const keys = navigate(typing, { type: 'focus', to: 'page' });
      assert.equal(contextOf(keys), 'lesson');
      const back = press(keys, 'pageup');
      assert.match(rule(back), /newer lines? below · pgdn/, 'with the lesson keys');
      assert.match(rule(press(back, 'pagedown')), /earlier lines? · pgup/, 'and on again');
    });
  }

  it('on a read step they still move its text', () => {
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 4, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'break-it', step: 'a-broken-cluster' },
    });
    state = navigate(state, { type: 'focus', to: 'page' });
    const action = actionFor(contextOf(state), 'pagedown', { page: 10, maxScroll: 30 });
    assert.deepEqual(action, { type: 'scroll', delta: 10, max: 30 });
  });
});

describe('d in a quiz', () => {
  it("takes deep dives, as the quiz's summary says", () => {
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 4, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'expose-imperatively', step: 'check-yourself' },
    });
    assert.equal(contextOf(state), 'quiz');
    state = press(state, 'd');
    assert.equal(state.progress.deepDives, true);
  });
});
