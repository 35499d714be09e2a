// Enter on a "tick every right option" question before anything is ticked is a slip (enter taken
// for space), not an answer: it is not graded, and the learner is told how to tick.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentQuiz, initialNav, navigate, type NavState } from '../../../src/core/course/navigation.js';
import { loadCourse } from '../../../src/core/course/loader.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { shippedCourse } from '../../helpers/practice-step.js';

function atMultiple(): NavState {
  let state = navigate(initialNav(shippedCourse, emptyProgress), { type: 'open-place', place: { lesson: 'expose-imperatively', step: 'check-yourself' } });
  for (let i = 0; i < 10; i++) {
    const turn = currentQuiz(state)?.quiz.current;
    if (turn && !turn.grade && turn.presented.question.kind === 'multiple') return state;
    state = turn?.grade ? navigate(state, { type: 'quiz-submit' }) : navigate(state, { type: 'quiz-give-up' });
  }
  throw new Error('no multiple question in the quiz');
}

describe('enter before any option is ticked', () => {
  it('is not graded, and says how to tick', () => {
    const state = atMultiple();
    const after = navigate(state, { type: 'quiz-submit' });
    assert.ok(!currentQuiz(after)?.quiz.current?.grade, 'not graded');
    assert.match(after.notice ?? '', /space ticks the option under the cursor/);
    const ticked = navigate(after, { type: 'quiz-sheet', action: { type: 'toggle' } });
    assert.equal(ticked.notice, null, 'the notice goes once the learner ticks');
    const answered = navigate(ticked, { type: 'quiz-submit' });
    assert.ok(currentQuiz(answered)?.quiz.current?.grade, 'with an option ticked, enter answers');
  });
});

describe('enter on a single-choice question before an option is chosen', () => {
  it('the enter after a feedback moves on, and a second one does not answer the next question', () => {
    let state = navigate(initialNav(shippedCourse, emptyProgress), { type: 'open-place', place: { lesson: 'expose-imperatively', step: 'check-yourself' } });
    let checked = 0;
    for (let i = 0; i < 20 && currentQuiz(state)?.quiz.current; i++) {
      const turn = currentQuiz(state)!.quiz.current!;
      if (turn.grade) {
        const next = navigate(state, { type: 'quiz-submit' });
        const upcoming = currentQuiz(next)?.quiz.current;
        if (upcoming && upcoming.presented.question.kind === 'single') {
          const twice = navigate(next, { type: 'quiz-submit' });
          assert.equal(currentQuiz(twice)?.quiz.current?.grade, null, 'the second enter grades nothing');
          assert.match(twice.notice ?? '', /Nothing chosen yet/);
          const picked = navigate(twice, { type: 'quiz-sheet', action: { type: 'pick', choice: 2 } });
          assert.equal(picked.sheet?.cursor, 1, 'a number chooses that option');
          assert.ok(currentQuiz(navigate(picked, { type: 'quiz-submit' }))?.quiz.current?.grade, 'once chosen, enter answers');
          checked += 1;
        }
        state = next;
      } else state = navigate(state, { type: 'quiz-give-up' });
    }
    assert.ok(checked > 0, 'the quiz has a single-choice question after another');
  });
});

const BUG_LESSON = `format: 1
id: q
title: Q
summary: S
steps:
  - id: quiz
    kind: quiz
    title: Check yourself
    text: One question.
    questions:
      - id: selector
        kind: bug
        concepts: [selectors-endpoints]
        prompt: Which line breaks it?
        code: |
          kind: Service
          spec:
            selector:
              app: myap
        line: 4
        why: The selector must match the pod's label app=myapp.
`;

describe('enter on a bug question before a line is chosen', () => {
  it('answers nothing; the first ↓ chooses line 1 and the first ↑ the last line', () => {
    const loaded = loadCourse({ lessons: [{ file: 'q.yml', text: BUG_LESSON }], manifests: new Map() });
    assert.ok(loaded.ok);
    const state = navigate(initialNav(loaded.course, emptyProgress, null, { seed: 2, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'q', step: 'quiz' },
    });
    assert.equal(currentQuiz(state)?.quiz.current?.presented.question.kind, 'bug');
    const slip = navigate(state, { type: 'quiz-submit' });
    assert.equal(currentQuiz(slip)?.quiz.current?.grade, null, 'enter grades nothing');
    assert.match(slip.notice ?? '', /No line chosen yet/);
    const down = navigate(slip, { type: 'quiz-sheet', action: { type: 'move', delta: 1 } });
    assert.equal(down.sheet?.cursor, 0, 'the first ↓ chooses line 1');
    const up = navigate(slip, { type: 'quiz-sheet', action: { type: 'move', delta: -1 } });
    assert.equal(up.sheet?.cursor, 3, 'the first ↑ chooses the last line');
    const answered = navigate(down, { type: 'quiz-submit' });
    assert.equal(currentQuiz(answered)?.quiz.current?.grade?.correct, false, 'once a line is chosen, enter answers (line 1 is not it)');
  });
});

describe('enter on an order question before any item is moved', () => {
  function atOrder(): NavState {
    let state = navigate(initialNav(shippedCourse, emptyProgress), { type: 'open-place', place: { lesson: 'service-types', step: 'more-questions' } });
    for (let i = 0; i < 20; i++) {
      const turn = currentQuiz(state)?.quiz.current;
      if (turn && !turn.grade && turn.presented.question.kind === 'order') return state;
      state = turn?.grade ? navigate(state, { type: 'quiz-submit' }) : navigate(state, { type: 'quiz-give-up' });
    }
    throw new Error('no order question in the quiz');
  }

  it('the first enter is told the order is unmoved and grades nothing; the next keeps the order as shown', () => {
    const state = atOrder();
    const slip = navigate(state, { type: 'quiz-submit' });
    assert.equal(currentQuiz(slip)?.quiz.current?.grade, null, 'the first enter grades nothing');
    assert.match(slip.notice ?? '', /^Nothing moved yet: .*Enter again keeps this order\.$/);
    const kept = navigate(slip, { type: 'quiz-submit' });
    assert.ok(currentQuiz(kept)?.quiz.current?.grade, 'the second enter answers with the order shown');
  });

  it('once an item is picked up or the cursor moves, enter answers at once', () => {
    for (const action of [{ type: 'toggle' }, { type: 'move', delta: 1 }] as const) {
      const touched = navigate(atOrder(), { type: 'quiz-sheet', action });
      assert.ok(currentQuiz(navigate(touched, { type: 'quiz-submit' }))?.quiz.current?.grade, action.type);
    }
  });
});

describe('a sentence around a number, where the question asks for a number', () => {
  function atTypedNumber(): NavState {
    let state = navigate(initialNav(shippedCourse, emptyProgress), { type: 'open-place', place: { lesson: 'three-ports', step: 'check-yourself' } });
    for (let i = 0; i < 20; i++) {
      const turn = currentQuiz(state)?.quiz.current;
      const q = turn?.presented.question;
      if (turn && !turn.grade && q?.kind === 'typed' && q.answer.rule === 'number') return state;
      state = turn?.grade ? navigate(state, { type: 'quiz-submit' }) : navigate(state, { type: 'quiz-give-up' });
    }
    throw new Error('no typed number question in the quiz');
  }
  const typeIn = (state: NavState, text: string) =>
    navigate(navigate(state, { type: 'prompt-edit', action: { type: 'clear' } }), { type: 'prompt-edit', action: { type: 'insert', text } });

  it('is told to type the number alone and is not graded; the number alone is', () => {
    const state = atTypedNumber();
    const slip = navigate(typeIn(state, 'it should stay 80 i think'), { type: 'quiz-submit' });
    assert.equal(currentQuiz(slip)?.quiz.current?.grade, null, 'not graded');
    assert.match(slip.notice ?? '', /^Type the number alone/);
    const graded = navigate(typeIn(slip, '80'), { type: 'quiz-submit' });
    assert.ok(currentQuiz(graded)?.quiz.current?.grade, 'the number alone is graded');
  });

  it('a number in another form, or a word for one, is still graded with its own reason', () => {
    for (const text of ['80:31231', 'eighty', '80/TCP']) {
      const answered = navigate(typeIn(atTypedNumber(), text), { type: 'quiz-submit' });
      assert.equal(currentQuiz(answered)?.quiz.current?.grade?.correct, false, text);
    }
  });
});
