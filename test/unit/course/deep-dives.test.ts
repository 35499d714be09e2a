import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCourse, type SourceFile } from '../../../src/core/course/loader.js';
import { formatProblem, type Course } from '../../../src/core/course/model.js';
import { currentPlace, currentQuiz, initialNav, navigate, reviewPool, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { lessonPace } from '../../../src/core/course/pace.js';
import { emptyProgress } from '../../../src/core/progress/model.js';

const read = (id: string, deep = false) => `  - id: ${id}\n    kind: read\n${deep ? '    deep: true\n' : ''}    title: Step ${id}\n    text: Text of ${id}.\n`;
const quiz = (id: string, questions: string[], deep = false) =>
  `  - id: ${id}\n    kind: quiz\n${deep ? '    deep: true\n' : ''}    title: Quiz ${id}\n    text: Questions.\n    questions:\n` +
  questions
    .map(
      (q) =>
        `      - id: ${q}\n        kind: single\n        concepts: [node-port]\n        prompt: Which port is typed in the URL?\n        options:\n` +
        `          - text: nodePort\n            correct: true\n            why: It is opened on every node.\n` +
        `          - text: port\n            why: It lives on the cluster IP.\n`,
    )
    .join('');
const lesson = (id: string, steps: string, deep = false) =>
  `format: 1\nid: ${id}\ntitle: Lesson ${id}\nsummary: About ${id}.\n${deep ? 'deep: true\n' : ''}steps:\n${steps}`;

const files: SourceFile[] = [
  { file: '1-a.yml', text: lesson('a', read('a1') + read('a2', true) + read('a3')) },
  { file: '2-b.yml', text: '' },
  { file: '3-c.yml', text: lesson('c', read('c1') + quiz('c-quiz', ['core-one', 'core-two']) + quiz('c-more', ['more-one'], true)) },
  { file: '4-r.yml', text: lesson('r', `  - id: review\n    kind: quiz\n    title: Review\n    text: All of it.\n    review: true\n`) },
];
// Lesson b is a deep dive as a whole.
files[1] = { file: '2-b.yml', text: lesson('b', read('b1') + quiz('b-quiz', ['deep-question']), true) };

function course(sources: SourceFile[] = files): Course {
  const result = loadCourse({ lessons: sources, manifests: new Map() });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.course;
}

const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);
const next: NavAction = { type: 'next-step' };
const back: NavAction = { type: 'previous-step' };
const deep: NavAction = { type: 'toggle-deep' };
const open = (lesson: number): NavAction => ({ type: 'open-lesson', lesson });
const where = (state: NavState) => {
  const place = currentPlace(state);
  return place ? `${place.lesson}/${place.step}` : 'home';
};

describe('deep dives in the loader', () => {
  it('marks deep steps, and every step of a deep lesson', () => {
    const c = course();
    assert.deepEqual(
      c.lessons.map((l) => l.steps.map((s) => Boolean(s.deep))),
      [[false, true, false], [true, true], [false, false, true], [false]],
    );
    assert.equal(c.lessons[1]!.deep, true);
    const review = c.lessons[3]!.steps[0]!;
    assert.ok(review.kind === 'quiz' && review.review);
    if (review.kind === 'quiz') assert.deepEqual(review.deepQuestions, ['deep-question', 'more-one']);
  });

  it('refuses a deep that is not true or false, and a question id used twice in the course, with their places', () => {
    const bad = [
      { file: 'x.yml', text: lesson('x', read('x1').replace('    kind: read\n', '    kind: read\n    deep: yes please\n') + quiz('x-quiz', ['same'])) },
      { file: 'y.yml', text: lesson('y', quiz('y-quiz', ['same'])) },
    ];
    const result = loadCourse({ lessons: bad, manifests: new Map() });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.map(formatProblem), [
      'x.yml:8:11: "deep" must be true or false',
      'y.yml:11:13: question id "same" is already used in x.yml (question ids are unique across the course)',
    ]);
  });
});

describe('the core path passes over deep dives', () => {
  const table: [string, NavAction[], string[], RegExp | null][] = [
    ['deep dives off: → skips a deep step and a deep lesson', [open(0), next, next, next], ['a/a1', 'a/a3', 'c/c1', 'c/c-quiz'], null],
    ['deep dives on: → takes every step and lesson', [deep, open(0), next, next, next, next], ['a/a1', 'a/a2', 'a/a3', 'b/b1', 'b/b-quiz'], null],
    ['← skips them too, across lessons', [open(2), back, back], ['c/c1', 'a/a3', 'a/a1'], null],
    // The quiz is passed unanswered, so the lesson is not finished: the notice says its quiz waits.
    [
      'a deep lesson opened from the list is taken whole, then → goes on to the next core lesson',
      [open(1), next, next],
      ['b/b1', 'b/b-quiz', 'c/c1'],
      /The quiz of "Lesson b" is not finished/,
    ],
  ];
  for (const [what, actions, places, notice] of table) {
    it(what, () => {
      let state = initialNav(course(), emptyProgress);
      const seen: string[] = [];
      for (const action of actions) {
        state = navigate(state, action);
        if (action.type !== 'toggle-deep') seen.push(where(state));
      }
      assert.deepEqual(seen, places);
      if (notice) assert.match(state.notice ?? '', notice);
    });
  }

  it('says what it passed over, and the lesson ends at its last core step', () => {
    const state = initialNav(course(), emptyProgress);
    const a3 = run(state, open(0), next);
    assert.match(a3.notice ?? '', /Passed over a deep dive \(d on the lesson list takes them\)/);
    const c1 = run(a3, next);
    assert.match(c1.notice ?? '', /Lesson finished: Lesson a\. Passed over a deep-dive lesson/);
    assert.deepEqual(c1.progress.lessons.a, { done: ['a1', 'a3'], complete: true });
  });

  it('opens a lesson at its first unfinished core step, and keeps the choice in progress', () => {
    const state = run(initialNav(course(), emptyProgress), open(0), { type: 'go-home' }, open(0));
    assert.equal(where(state), 'a/a1');
    const after = run(state, next, { type: 'go-home' }, open(0));
    assert.equal(where(after), 'a/a3');
    const on = run(after, deep);
    assert.equal(on.progress.deepDives, true);
    assert.match(on.notice ?? '', /Deep dives on/);
    assert.equal(run(on, deep).progress.deepDives, false);
  });
});

describe('quiz answers are kept as they are given', () => {
  it('records each answer in the history at once, so leaving mid-quiz keeps it', () => {
    let state = run(initialNav(course(), emptyProgress), open(2), next);
    assert.equal(where(state), 'c/c-quiz');
    state = navigate(state, { type: 'quiz-give-up' });
    state = run(state, { type: 'go-home' });
    assert.deepEqual(state.progress.history?.questions['core-one'], { asked: 1, right: 0, lastRight: false, at: 1 });
    assert.equal(state.progress.history?.answers, 1);
  });

  it('a review on the core path leaves out the questions of deep dives not taken, but keeps those answered', () => {
    const c = course();
    const reviewStep = c.lessons[3]!.steps[0]!;
    if (reviewStep.kind !== 'quiz') throw new Error('not a quiz');
    let state = initialNav(c, emptyProgress);
    assert.deepEqual(
      reviewPool(state, reviewStep).map((q) => q.id),
      ['core-one', 'core-two'],
    );
    // The learner takes lesson b's quiz from the list, answering its question.
    state = run(state, open(1), next);
    const question = currentQuiz(state)!.quiz.current!.presented.question;
    assert.equal(question.id, 'deep-question');
    // A single-choice question answers once an option is chosen.
    if (question.kind === 'single') state = navigate(state, { type: 'quiz-sheet', action: { type: 'pick', choice: 1 } });
    state = navigate(state, { type: 'quiz-submit' });
    assert.deepEqual(
      reviewPool(state, reviewStep).map((q) => q.id),
      ['deep-question', 'core-one', 'core-two'],
    );
    assert.deepEqual(
      reviewPool(run(state, deep), reviewStep).map((q) => q.id),
      ['deep-question', 'core-one', 'core-two', 'more-one'],
    );
  });
});

describe('pace', () => {
  it('counts the core path and the deep dives apart', () => {
    const [a, b, c] = course().lessons;
    assert.deepEqual([lessonPace(a!).core.steps, lessonPace(a!).deep.steps], [2, 1]);
    assert.deepEqual([lessonPace(b!).core.steps, lessonPace(b!).deep.steps], [0, 2]);
    // c: one read (5 words), a quiz of two questions (20 s each, plus their words), a deep quiz of one.
    const pace = lessonPace(c!);
    assert.equal(pace.core.steps, 2);
    assert.ok(pace.core.minutes > 2 / 3 && pace.core.minutes < 2 / 3 + 0.5, String(pace.core.minutes));
    assert.ok(pace.deep.minutes > 1 / 3 && pace.deep.minutes < 1 / 3 + 0.25, String(pace.deep.minutes));
  });
});
