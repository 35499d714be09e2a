import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONCEPTS, type Concept } from '../../../src/core/quiz/concepts.js';
import { emptyHistory, recordAnswer, type History, type QuestionHistory } from '../../../src/core/quiz/history.js';
import { standing } from '../../../src/core/quiz/mastery.js';
import type { SingleQuestion } from '../../../src/core/quiz/model.js';
import { interleave, planReview, priority, REVIEW_RETRY_GAP, ROUND_SIZE, startReview } from '../../../src/core/quiz/review.js';
import { quizPhase, type QuizState } from '../../../src/core/quiz/session.js';
import { nextSteps, summary } from '../../../src/core/quiz/summary.js';
import { answerRight, answerWrong, current, next } from './drive.js';

/** A one-concept question, `q<n>`, on CONCEPTS[n % 8]. */
const question = (n: number, concepts: Concept[] = [CONCEPTS[n % CONCEPTS.length]!]): SingleQuestion => ({
  id: `q${n}`,
  kind: 'single',
  concepts,
  prompt: `Question ${n}?`,
  options: [
    { text: 'right', correct: true, why: 'because' },
    { text: 'wrong', why: 'because not' },
  ],
});
const pool = Array.from({ length: 24 }, (_, n) => question(n));

/** Answers in order: [id, right]. */
const historyOf = (answers: [string, boolean][]): History => answers.reduce((h, [id, right]) => recordAnswer(h, id, right), emptyHistory);

/** Plays a round: `misses[id]` wrong answers before the right one. Returns the ids in the order asked. */
function play(state: QuizState, misses: Record<string, number> = {}): { asked: string[]; state: QuizState } {
  const left = { ...misses };
  const asked: string[] = [];
  let s = state;
  for (let guard = 0; quizPhase(s) !== 'done'; guard++) {
    if (guard > 200) throw new Error('the round does not end');
    const id = current(s).id;
    asked.push(id);
    if ((left[id] ?? 0) > 0) {
      left[id]! -= 1;
      s = next(answerWrong(s));
    } else {
      s = next(answerRight(s));
    }
  }
  return { asked, state: s };
}

describe('review: which question comes first', () => {
  const entry = (asked: number, right: number, lastRight: boolean, at: number): QuestionHistory => ({ asked, right, lastRight, at });
  const table: [string, QuestionHistory | undefined, number, number][] = [
    ['never answered', undefined, 50, 2],
    ['missed once, at its only answer', entry(1, 0, false, 10), 50, 4],
    ['missed at the latest of two answers', entry(2, 1, false, 10), 50, 3.5],
    ['right just now', entry(1, 1, true, 50), 50, 0],
    ['right once, half the spacing ago', entry(1, 1, true, 35), 50, 1],
    ['right once, long ago: as due as a new one', entry(1, 1, true, 1), 50, 2],
    ['right three times, 15 answers ago: spaced further', entry(3, 3, true, 35), 50, 1 / 3],
  ];
  for (const [what, given, now, expected] of table) {
    it(`${what}: ${expected.toFixed(2)}`, () => assert.ok(Math.abs(priority(given, now) - expected) < 1e-9, String(priority(given, now))));
  }
});

describe('review: interleaving', () => {
  const tagged = (concepts: Concept[][]) => concepts.map((c, n) => question(n, c));
  const table: [string, Concept[][]][] = [
    ['two concepts in blocks', [['node-port'], ['node-port'], ['node-port'], ['service-port'], ['service-port'], ['service-port']]],
    ['overlapping tags', [['node-port', 'service-port'], ['node-port'], ['target-port'], ['service-port'], ['target-port'], ['container-port']]],
  ];
  for (const [what, concepts] of table) {
    it(`no two neighbours share a concept: ${what}`, () => {
      const out = interleave(tagged(concepts));
      assert.equal(out.length, concepts.length);
      for (let i = 1; i < out.length; i++) {
        assert.ok(!out[i]!.concepts.some((c) => out[i - 1]!.concepts.includes(c)), `${out[i - 1]!.id} then ${out[i]!.id}`);
      }
    });
  }

  it('when the questions leave no choice, it still asks them all', () => {
    const out = interleave(tagged([['node-port'], ['node-port'], ['node-port']]));
    assert.deepEqual(out.map((q) => q.id).sort(), ['q0', 'q1', 'q2']);
  });
});

describe('review: planning a round', () => {
  it('takes a round of ten, the rest in reserve, and is the same for the same seed and history', () => {
    const a = planReview(pool, { seed: 3 }).plan;
    assert.equal(a.round.length, ROUND_SIZE);
    assert.equal(a.round.length + a.reserve.length, pool.length);
    assert.deepEqual(planReview(pool, { seed: 3 }).plan, a);
    const rounds = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        planReview(pool, { seed })
          .plan.round.map((q) => q.id)
          .join(),
      ),
    );
    assert.ok(rounds.size > 1, 'the seed changes the round');
  });

  it('shuffles: the round is not in course order', () => {
    const ids = planReview(pool, { seed: 9 }).plan.round.map((q) => Number(q.id.slice(1)));
    assert.notDeepEqual(
      ids,
      [...ids].sort((x, y) => x - y),
    );
  });

  it('puts every missed question in the round, then new ones before those answered right lately', () => {
    const answers: [string, boolean][] = [];
    for (let n = 0; n < 14; n++) answers.push([`q${n}`, true]);
    answers.push(['q20', false], ['q21', false]);
    const { plan } = planReview(pool, { seed: 4, history: historyOf(answers) });
    const ids = new Set(plan.round.map((q) => q.id));
    assert.ok(ids.has('q20') && ids.has('q21'), 'missed ones');
    for (const n of [14, 15, 16, 17, 18, 19, 22, 23]) assert.ok(ids.has(`q${n}`), `new q${n}`);
    assert.equal([...ids].filter((id) => Number(id.slice(1)) < 14).length, 0, 'none of those just answered right');
  });

  it('brings back a question answered right long ago before one answered right just now', () => {
    const answers: [string, boolean][] = pool.map((q) => [q.id, true]);
    // 40 more answers to q1..q23, so q0's right answer is old and the others are fresh.
    for (let k = 0; k < 40; k++) answers.push([`q${1 + (k % 23)}`, true]);
    const { plan } = planReview(pool, { seed: 2, history: historyOf(answers), size: 1 });
    assert.deepEqual(
      plan.round.map((q) => q.id),
      ['q0'],
    );
  });

  it('interleaves the concepts of the round', () => {
    const { plan } = planReview(pool, { seed: 11 });
    for (let i = 1; i < plan.round.length; i++) assert.notDeepEqual(plan.round[i]!.concepts, plan.round[i - 1]!.concepts);
  });
});

describe('review: a round, played', () => {
  // Each row: which questions of the round (by position) are missed, and how often.
  const table: [string, Record<number, number>][] = [
    ['one miss early', { 0: 1 }],
    ['a miss in the middle, missed again', { 4: 2 }],
    ['a miss at the last question: spaced with questions from the reserve', { 9: 1 }],
    ['two misses near the end', { 7: 1, 8: 1 }],
  ];
  for (const [what, plan] of table) {
    it(`a missed question comes back only after ${REVIEW_RETRY_GAP} others: ${what}`, () => {
      const start = startReview(pool, { seed: 5 });
      const round = start.questions.map((q) => q.id);
      const misses = Object.fromEntries(Object.entries(plan).map(([at, n]) => [round[Number(at)]!, n]));
      const { asked, state } = play(start, misses);
      for (const id of Object.keys(misses)) {
        const turns = asked.flatMap((x, i) => (x === id ? [i] : []));
        assert.equal(turns.length, misses[id]! + 1, `${id} asked until right`);
        for (let k = 1; k < turns.length; k++)
          assert.ok(turns[k]! - turns[k - 1]! - 1 >= REVIEW_RETRY_GAP, `${id} came back after ${turns[k]! - turns[k - 1]! - 1}`);
      }
      assert.ok(summary(state).complete);
    });
  }

  it('asks a round without misses exactly once each', () => {
    const { asked } = play(startReview(pool, { seed: 6 }));
    assert.equal(asked.length, ROUND_SIZE);
    assert.equal(new Set(asked).size, ROUND_SIZE);
  });
});

describe('review: the end', () => {
  it('says what to do next, by how the quiz went', () => {
    const missed = play(startReview(pool, { seed: 7 }), {}).state;
    const withMiss = (() => {
      const start = startReview(pool, { seed: 7 });
      return play(start, { [start.questions[0]!.id]: 2 }).state;
    })();
    const table: [string, string[], RegExp[]][] = [
      ['a concept to revisit', nextSteps(summary(withMiss), { review: true }), [/^Read again what you missed, starting with .*another round \(r\)/]],
      ['all right, questions still new', nextSteps(summary(missed), { review: true, unseen: 14 }), [/14 questions of the course are still new/]],
      ['all right, nothing new', nextSteps(summary(missed), { review: true, unseen: 0 }), [/another round in a day or two/]],
      ['a lesson quiz, deep dives off', nextSteps(summary(missed), { deepDivesOff: true }), [/review quiz at the end/, /take the deep dives: press d/]],
    ];
    for (const [what, got, expected] of table) {
      assert.equal(got.length, expected.length, what);
      expected.forEach((pattern, i) => assert.match(got[i]!, pattern, what));
    }
  });

  it('stands per concept on the latest answer to each question, a question never answered counting as not yet', () => {
    const history = historyOf([
      ['q0', true],
      ['q8', false],
      ['q8', true],
      ['q16', false],
      ['q1', true],
    ]);
    const rows = standing(pool, (id) => history.questions[id]?.lastRight);
    const nodePort = rows.find((r) => r.concept === 'node-port')!;
    assert.deepEqual([nodePort.questions, nodePort.right], [3, 2]);
    assert.equal(rows.find((r) => r.concept === 'service-port')!.right, 1);
    assert.equal(rows.find((r) => r.concept === 'target-port')!.mastery, 0);
  });
});
