// The quiz screen's sub-reducer (src/core/navigation/quiz.ts), as a table of actions.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { currentPlace, currentQuiz, type NavAction } from '../../../src/core/course/navigation.js';
import { quizPhase } from '../../../src/core/quiz/index.js';
import { course, run, start, table } from './table.js';

const home = start(course('quiz-course'));
const atQuiz = run(home, { type: 'open-lesson' }, { type: 'next-step' });
const giveUp: NavAction = { type: 'quiz-give-up' };
const submit: NavAction = { type: 'quiz-submit' };
type State = typeof atQuiz;

/** Answers the question on screen rightly with the keys a learner would press, and goes on. */
function answerRight(state: State): State {
  const go = (s: State, action: NavAction) => run(s, action);
  const turn = currentQuiz(state)!.quiz.current!;
  const q = turn.presented.question;
  const display = turn.presented.display;
  let s = state;
  const cursorTo = (row: number) => go(s, { type: 'quiz-sheet', action: { type: 'move', delta: row - s.sheet!.cursor } });
  if (q.kind === 'typed') s = go(s, { type: 'prompt-edit', action: { type: 'insert', text: '32767' } });
  if (q.kind === 'single') s = cursorTo(display.findIndex((option) => q.options[option]?.correct === true));
  if (q.kind === 'bug') {
    // No line is chosen at first: the first ↓ chooses line 1.
    s = go(s, { type: 'quiz-sheet', action: { type: 'move', delta: 1 } });
    s = cursorTo(q.line - 1);
  }
  if (q.kind === 'order') {
    for (let item = 0; item < q.items.length; item++) {
      s = cursorTo(s.sheet!.arrangement.indexOf(item));
      s = go(s, { type: 'quiz-sheet', action: { type: 'toggle' } });
      s = cursorTo(item);
      s = go(s, { type: 'quiz-sheet', action: { type: 'toggle' } });
    }
  }
  if (q.kind === 'match') {
    for (let row = 0; row < q.pairs.length; row++) {
      s = cursorTo(row);
      for (let turns = 0; s.sheet!.matches[row] !== row && turns <= q.pairs.length; turns++)
        s = go(s, { type: 'quiz-sheet', action: { type: 'cycle', delta: 1 } });
    }
  }
  s = go(s, submit);
  assert.equal(currentQuiz(s)?.quiz.current?.grade?.correct, true, `${q.id} answered rightly`);
  return go(s, submit);
}
const finished = (() => {
  let s = atQuiz;
  for (let i = 0; i < 20 && quizPhase(currentQuiz(s)!.quiz) !== 'done'; i++) s = answerRight(s);
  return s;
})();
const phase = (s: typeof atQuiz) => (currentQuiz(s) ? quizPhase(currentQuiz(s)!.quiz) : null);
const questionId = (s: typeof atQuiz) => currentQuiz(s)?.quiz.current?.presented.question.id;

describe('navigation: the quiz screen', () => {
  table([
    {
      name: 'arriving at a quiz step starts its quiz with an answer sheet',
      from: atQuiz,
      actions: [],
      then: (s) => assert.deepEqual([phase(s), s.sheet !== null], ['question', true]),
    },
    { name: "the quiz is kept under its step's key", from: atQuiz, actions: [], then: (s) => assert.deepEqual(Object.keys(s.quizzes), ['quiz-lesson/quiz']) },
    {
      name: 'a step that is not a quiz has no quiz and no sheet',
      from: run(home, { type: 'open-lesson' }),
      actions: [],
      then: (s) => assert.deepEqual([currentQuiz(s), s.sheet], [null, null]),
    },
    {
      name: 'giving up shows the answer and records the question as missed',
      from: atQuiz,
      actions: [giveUp],
      then: (s, before) => {
        assert.equal(phase(s), 'feedback');
        assert.deepEqual(s.progress.history?.questions[questionId(before)!], { asked: 1, right: 0, lastRight: false, at: 1 });
      },
    },
    { name: 'giving up twice counts once', from: atQuiz, actions: [giveUp, giveUp], then: (s) => assert.equal(s.progress.history?.answers, 1) },
    {
      name: 'Enter after the answer goes on to another question with a fresh sheet',
      from: run(atQuiz, giveUp),
      actions: [submit],
      then: (s, before) => assert.deepEqual([phase(s), questionId(s) !== questionId(before)], ['question', true]),
    },
    {
      name: 'the sheet moves under the cursor while a question is open',
      from: atQuiz,
      actions: [{ type: 'quiz-sheet', action: { type: 'move', delta: 1 } }],
      then: (s, before) => assert.notDeepEqual(s.sheet, before.sheet),
    },
    {
      name: 'the sheet does not move once the answer is shown',
      from: run(atQuiz, giveUp),
      actions: [{ type: 'quiz-sheet', action: { type: 'move', delta: 1 } }],
      then: (s, before) => assert.equal(s, before),
    },
    {
      name: 'the quiz ends and its score is recorded under its key',
      from: finished,
      actions: [],
      then: (s) => assert.deepEqual([phase(s), s.progress.quizzes?.['quiz-lesson/quiz'] !== undefined], ['done', true]),
    },
    {
      name: 'Enter on a finished quiz goes on past the quiz',
      from: finished,
      actions: [submit],
      then: (s) => assert.notDeepEqual(currentPlace(s), { lesson: 'quiz-lesson', step: 'quiz' }),
    },
    { name: 'r on a finished quiz starts it again', from: finished, actions: [{ type: 'quiz-restart' }], then: (s) => assert.equal(phase(s), 'question') },
    { name: 'r during the quiz changes nothing', from: atQuiz, actions: [{ type: 'quiz-restart' }], then: (s, before) => assert.equal(s, before) },
    {
      name: 'quiz keys on a step that is not a quiz change nothing',
      from: run(home, { type: 'open-lesson' }),
      actions: [submit, giveUp, { type: 'quiz-restart' }],
      then: (s, before) => assert.equal(s, before),
    },
  ]);
});
