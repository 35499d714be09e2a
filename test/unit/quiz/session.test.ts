import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Question } from '../../../src/core/quiz/model.js';
import { bestResult, parseQuizResult, type QuizResult } from '../../../src/core/quiz/result.js';
import { currentQuestion, quizPhase, quizProgress, startQuiz, type QuizState } from '../../../src/core/quiz/session.js';
import { summary } from '../../../src/core/quiz/summary.js';
import { act, answerRight, answerWrong, current, next } from './drive.js';
import { bug, learnerFacts, match, multiple, order, single, typedNumber, typedRange, typedUrl } from './samples.js';

const five: Question[] = [single, multiple, typedNumber, order, bug];

/** Plays a quiz with a plan per question id (how many misses before the right answer); returns the ids asked, in turn. */
function play(state: QuizState, misses: Record<string, number>): { state: QuizState; asked: string[] } {
  const asked: string[] = [];
  const left = { ...misses };
  let s = state;
  for (let guard = 0; quizPhase(s) !== 'done'; guard++) {
    if (guard > 100) throw new Error('the quiz does not end');
    const q = current(s);
    asked.push(q.id);
    if ((left[q.id] ?? 0) > 0) {
      left[q.id]! -= 1;
      s = answerWrong(s);
    } else {
      s = answerRight(s);
    }
    s = next(s);
  }
  return { state: s, asked };
}

describe('quiz session', () => {
  it('asks each question once, in the written order, when every answer is right', () => {
    const { state, asked } = play(startQuiz(five, { seed: 1 }), {});
    assert.deepEqual(
      asked,
      five.map((q) => q.id),
    );
    assert.equal(state.turns, five.length);
  });

  it('gives feedback right after an answer, and moves on only on next', () => {
    let s = startQuiz(five, { seed: 1 });
    assert.equal(quizPhase(s), 'question');
    s = answerWrong(s);
    assert.equal(quizPhase(s), 'feedback');
    assert.equal(s.current?.grade?.correct, false);
    assert.ok((s.current?.grade?.feedback.length ?? 0) > 0);
    assert.equal(current(s).id, single.id, 'still on the answered question');
    s = next(s);
    assert.equal(current(s).id, multiple.id);
  });

  it('ignores actions that do not fit the moment', () => {
    const start = startQuiz(five, { seed: 1 });
    assert.equal(next(start), start, 'next before answering');
    assert.equal(act(start, { type: 'answer', response: { kind: 'bug', line: 1 } }), start, 'an answer of another kind');
    const answered = answerRight(start);
    assert.equal(answerWrong(answered), answered, 'a second answer during feedback');
    assert.equal(act(answered, { type: 'give-up' }), answered);
  });

  it('brings a missed question back after two other questions', () => {
    const { asked } = play(startQuiz(five, { seed: 1 }), { [single.id]: 1 });
    assert.deepEqual(asked, [single.id, multiple.id, typedNumber.id, single.id, order.id, bug.id]);
  });

  it('brings it back at the end when fewer than two questions are left, and keeps bringing it back until right', () => {
    const { asked } = play(startQuiz(five, { seed: 1 }), { [order.id]: 1, [bug.id]: 2 });
    assert.deepEqual(asked, [single.id, multiple.id, typedNumber.id, order.id, bug.id, order.id, bug.id, bug.id]);
  });

  it('honours another retry gap', () => {
    const { asked } = play(startQuiz(five, { seed: 1, retryGap: 3 }), { [single.id]: 1 });
    assert.equal(asked.indexOf(single.id, 1), 4);
  });

  it('giving up counts as a miss: the answer is shown and the question comes back', () => {
    let s = act(startQuiz(five, { seed: 1 }), { type: 'give-up' });
    assert.equal(s.current?.grade?.correct, false);
    assert.match(s.current?.grade?.feedback.join('\n') ?? '', /The right answer is "nodePort: 31231"/);
    s = next(s);
    assert.deepEqual(s.upcoming.slice(0, 3), [2, 0, 3]);
    assert.equal(s.records[0]!.attempts, 1);
  });

  it('marks a returning question with its attempt number, and reshuffles its options', () => {
    const many: Question = {
      ...single,
      id: 'many-options',
      options: Array.from({ length: 8 }, (_, i) => ({ text: `option ${i}`, why: `why ${i}`, ...(i === 3 ? { correct: true as const } : {}) })),
    };
    const orders = new Set<string>();
    let s = startQuiz([many], { seed: 7 });
    for (let attempt = 1; attempt <= 4; attempt++) {
      assert.equal(currentQuestion(s)?.attempt, attempt);
      orders.add(currentQuestion(s)!.display.join(','));
      s = next(answerWrong(s));
    }
    assert.ok(orders.size > 1, 'the options are not shown in the same order every time');
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const displays = (seed: number) => {
      const shown: string[] = [];
      let s = startQuiz(five, { seed, shuffleQuestions: true });
      while (quizPhase(s) !== 'done') {
        shown.push(`${current(s).id}:${currentQuestion(s)!.display.join(',')}`);
        s = next(answerRight(s));
      }
      return shown.join(' ');
    };
    assert.equal(displays(42), displays(42));
    const seeds = [1, 2, 3, 4, 5, 6].map(displays);
    assert.ok(new Set(seeds).size > 1);
  });

  it('never starts an order or match question already solved', () => {
    for (let seed = 0; seed < 200; seed++) {
      const s = startQuiz([order, match], { seed });
      const first = currentQuestion(s)!.display;
      assert.notDeepEqual(first, [0, 1, 2, 3], `order, seed ${seed}`);
      assert.deepEqual([...first].sort(), [0, 1, 2, 3]);
      const second = currentQuestion(next(answerRight(s)))!.display;
      assert.notDeepEqual(second, [0, 1, 2], `match, seed ${seed}`);
    }
  });

  it('keeps option order as written when asked to', () => {
    assert.deepEqual(currentQuestion(startQuiz([single], { seed: 3, shuffleOptions: false }))!.display, [0, 1, 2]);
  });

  it("fills the learner's facts in, and skips questions whose facts are missing", () => {
    const withFacts = startQuiz([typedUrl, single], { seed: 1, facts: learnerFacts });
    assert.equal(current(withFacts).prompt, `Service ${learnerFacts.serviceName}: type the URL.`);
    const right = act(withFacts, { type: 'answer', response: { kind: 'typed', text: `${learnerFacts.nodeIP}:${learnerFacts.nodePort}` } });
    assert.equal(right.current?.grade?.correct, true);

    const without = startQuiz([typedUrl, single], { seed: 1 });
    assert.equal(current(without).id, single.id);
    assert.deepEqual(summary(without).skipped, [{ id: typedUrl.id, missing: ['serviceName', 'nodeIP', 'nodePort'] }]);
    assert.equal(summary(without).total, 1);
  });

  it('ends at once when no question can be asked', () => {
    const s = startQuiz([typedUrl], { seed: 1 });
    assert.equal(quizPhase(s), 'done');
    assert.equal(summary(s).score, 0);
  });
});

describe('mastery and summary', () => {
  const tagged = (id: string, concepts: Question['concepts']): Question => ({ ...typedRange, id, concepts });
  const quiz = [tagged('a', ['node-port', 'node-port-range']), tagged('b', ['node-port']), tagged('c', ['service-types']), tagged('d', ['service-types'])];

  it('counts a first-try answer more than one after a retry, per concept', () => {
    const { state } = play(startQuiz(quiz, { seed: 1 }), { c: 1, d: 2 });
    const s = summary(state, { conceptLessons: { 'service-types': ['service-types'] } });
    assert.equal(s.complete, true);
    assert.equal(s.firstTry, 2);
    assert.equal(s.solved, 4);
    const mastery = Object.fromEntries(s.concepts.map((c) => [c.concept, c.mastery]));
    assert.deepEqual(mastery, { 'node-port': 1, 'node-port-range': 1, 'service-types': (0.5 + 0.25) / 2 });
    assert.equal(s.score, (1 + 1 + 0.5 + 0.25) / 4);
    assert.equal(s.percent, Math.round(s.score * 100));
    assert.deepEqual(s.missed, ['c', 'd']);
    assert.deepEqual(
      s.revisit.map((r) => [r.concept, r.lessons]),
      [['service-types', ['service-types']]],
    );
    assert.equal(s.concepts.find((c) => c.concept === 'service-types')?.firstTry, 0);
  });

  it('puts the weakest concept first, and takes the threshold it is given', () => {
    const { state } = play(startQuiz(quiz, { seed: 1 }), { a: 1, c: 2, d: 2 });
    const s = summary(state);
    // node-port: (0.5 + 1) / 2 = 0.75, exactly the default threshold, so it is not to revisit.
    assert.equal(s.concepts.find((c) => c.concept === 'node-port')?.mastery, 0.75);
    assert.deepEqual(
      s.revisit.map((r) => r.concept),
      ['service-types', 'node-port-range'],
    );
    assert.deepEqual(
      s.revisit.map((r) => r.lessons),
      [[], []],
    );
    assert.deepEqual(
      summary(state, { threshold: 0.5 }).revisit.map((r) => r.concept),
      ['service-types'],
    );
  });

  it('mid-quiz, questions not yet right count as nothing', () => {
    const s = summary(next(answerRight(startQuiz(quiz, { seed: 1 }))));
    assert.equal(s.complete, false);
    assert.equal(s.score, 1 / 4);
    assert.deepEqual(quizProgress(next(answerRight(startQuiz(quiz, { seed: 1 })))), { solved: 1, total: 4 });
  });
});

describe('best result', () => {
  const result = (score: number, firstTry: number): QuizResult => ({ score, firstTry, total: 4, concepts: { 'node-port': score } });

  it('keeps the higher score, then the more first tries, and the earlier one on a tie', () => {
    const low = result(0.5, 1);
    const high = result(0.75, 1);
    assert.equal(bestResult(null, low), low);
    assert.equal(bestResult(undefined, low), low);
    assert.equal(bestResult(low, high), high);
    assert.equal(bestResult(high, low), high);
    const moreFirst = result(0.5, 2);
    assert.equal(bestResult(low, moreFirst), moreFirst);
    const same = result(0.5, 1);
    assert.equal(bestResult(low, same), low);
  });

  it('reads a stored result back and refuses anything else', () => {
    const { state } = play(startQuiz(five, { seed: 1 }), { [single.id]: 1 });
    const stored = JSON.parse(JSON.stringify(summary(state).result)) as unknown;
    assert.deepEqual(parseQuizResult(stored), summary(state).result);
    assert.equal(parseQuizResult({ score: 2, firstTry: 0, total: 1, concepts: {} }), null);
    assert.equal(parseQuizResult({ score: 1, firstTry: 3, total: 1, concepts: {} }), null);
    assert.equal(parseQuizResult({ score: 1, firstTry: 1, total: 1, concepts: { 'no-such-concept': 1 } }), null);
    assert.equal(parseQuizResult([]), null);
  });
});
