// "Lesson finished: ..." is said on the first step of the next lesson only, whichever key moved on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { currentStep, initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;

/** The key a learner would press to go on from the step on screen. */
function goOn(state: NavState): NavAction {
  const step = currentStep(state)!.step;
  if (step.kind === 'trace') return { type: 'trace-move', delta: 1, stops: 1 };
  return { type: 'next-step' };
}

describe('the lesson-finished notice', () => {
  it('is shown on the first step of the next lesson and gone from the second', () => {
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 2, files: new Map() }), { type: 'open-lesson', lesson: 0 });
    let seen = 0;
    let arrivals = 0;
    let cameFromQuiz = false;
    let previous = state.screen.kind === 'lesson' ? { lesson: state.screen.lesson, step: state.screen.step } : { lesson: -1, step: -1 };
    for (let i = 0; i < 200 && state.screen.kind === 'lesson'; i++) {
      const { screen } = state;
      // The core path passes over deep dives: a lesson may begin past its first step.
      const arrived = screen.lesson !== previous.lesson;
      const jumped = !arrived && screen.step > previous.step + 1;
      if (arrived) arrivals++;
      if (state.notice !== null) {
        // A new lesson says the last one is finished (or that its quiz was left open); a quiz
        // left open says so on the step after it; passing over a deep dive says so where it
        // lands. Nowhere else.
        const passedOver = state.notice.startsWith('Passed over');
        assert.ok(arrived || cameFromQuiz || (passedOver && jumped), `"${state.notice}" on lesson ${screen.lesson + 1}, step ${screen.step + 1}`);
        if (arrived) seen++;
      }
      previous = { lesson: screen.lesson, step: screen.step };
      cameFromQuiz = currentStep(state)!.step.kind === 'quiz';
      // Keys typed at a practice prompt or scrolling do not bring an old notice back either.
      state = navigate(state, { type: 'scroll', delta: 1, max: 5 });
      state = navigate({ ...state, focus: 'page' }, goOn(state));
    }
    assert.ok(arrivals > 3);
    assert.equal(seen, arrivals);
  });
});

describe('a notice belongs to the moment it was given', () => {
  /** A deed in the step on screen that stays on it: a command, a hop of a trace, an answer. */
  function deedIn(state: NavState): NavAction[] | null {
    const step = currentStep(state)!.step;
    if (step.kind === 'do')
      return [
        { type: 'prompt-edit', action: { type: 'replace', text: 'kubectl get pods' } },
        { type: 'prompt-submit', elapsedMs: 1000 },
      ];
    // A prediction is a guess once an ending is chosen (↓ chooses one).
    if (step.kind === 'trace')
      return step.predict ? [{ type: 'trace-predict-move', delta: 1 }, { type: 'trace-predict' }] : [{ type: 'trace-move', delta: 1, stops: 99 }];
    // A single-choice question answers once an option is chosen (its number chooses it).
    if (step.kind === 'quiz') return [{ type: 'quiz-sheet', action: { type: 'pick', choice: 1 } }, { type: 'quiz-submit' }];
    if (step.kind === 'manifest') return [{ type: 'move-field', delta: 1 }];
    return null;
  }

  it('"Passed over a deep dive" goes with the first command, hop or answer in the step it landed on', () => {
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 2, files: new Map() }), { type: 'open-lesson', lesson: 0 });
    let cleared = 0;
    for (let i = 0; i < 200 && state.screen.kind === 'lesson'; i++) {
      const deed = deedIn(state);
      if (state.notice?.startsWith('Passed over') && deed) {
        const where = state.screen;
        let after = state;
        for (const action of deed) after = navigate(after, action);
        assert.deepEqual(after.screen, where, 'the deed stays on the step');
        assert.equal(after.notice, null, `still "${state.notice}" after ${deed.map((d) => d.type).join(', ')}`);
        cleared++;
      }
      state = navigate({ ...state, focus: 'page' }, goOn(state));
    }
    assert.ok(cleared >= 3, `only ${cleared} steps after a deep dive were tried`);
  });

  it('a notice given by the deed itself is kept', () => {
    const state = navigate(initialNav(course, emptyProgress, 'old news', { seed: 2, files: new Map() }), { type: 'notice', text: 'new' });
    assert.equal(state.notice, 'new');
  });
});
