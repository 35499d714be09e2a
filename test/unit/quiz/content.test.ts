import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { correctResponse } from '../../../src/core/quiz/answer-key.js';
import { CONCEPTS } from '../../../src/core/quiz/concepts.js';
import { questionStrings, requiredFacts } from '../../../src/core/quiz/facts.js';
import { grade, readyQuestion } from '../../../src/core/quiz/grade.js';
import { checkQuestions, formatQuizProblem } from '../../../src/core/quiz/lint.js';
import { QUESTION_KINDS, type Facts, type Question } from '../../../src/core/quiz/model.js';
import { quizPhase, startQuiz } from '../../../src/core/quiz/session.js';
import { summary } from '../../../src/core/quiz/summary.js';
import { answerRight, answerWrong, current, next } from './drive.js';
import { learnerFacts } from './samples.js';

import { repoPath } from '../../helpers/fixtures.js';

// The questions the shipped lessons ask, as the loader reads them: the content tested is the content shipped.
const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons are broken');
// A review quiz asks questions of earlier lessons again: each question counts once.
const asked: Question[] = loaded.course.lessons.flatMap((lesson) => lesson.steps.flatMap((step) => (step.kind === 'quiz' ? [...step.questions] : [])));
const questions: Question[] = [...new Map(asked.map((q) => [q.id, q])).values()];
const data: unknown = JSON.parse(JSON.stringify(questions));

/** Facts of another learner's cluster, so answers cannot be memorised across clusters. */
const otherFacts: Facts = {
  ...learnerFacts,
  serviceName: 'shop',
  clusterIP: '10.100.3.3',
  servicePort: 8080,
  nodePort: 32100,
  podIP: '10.244.3.3',
  nodeIP: '203.0.113.40',
};

const playAll = (facts: Facts, seed: number) => {
  let s = startQuiz(questions, { seed, facts, shuffleQuestions: true });
  while (quizPhase(s) !== 'done') s = next(answerRight(s));
  return s;
};

describe('the course questions', () => {
  it('pass lint', () => {
    assert.deepEqual(checkQuestions(data).map(formatQuizProblem), []);
  });

  it('cover every concept and every kind at least three times, with at least 32 questions', () => {
    assert.ok(questions.length >= 32, `${questions.length} questions`);
    for (const concept of CONCEPTS) {
      const n = questions.filter((q) => q.concepts.includes(concept)).length;
      assert.ok(n >= 3, `${concept}: ${n}`);
    }
    for (const kind of QUESTION_KINDS) {
      const n = questions.filter((q) => q.kind === kind).length;
      assert.ok(n >= 3, `${kind}: ${n}`);
    }
  });

  it("use the lecture's objects and at least four questions about the learner's own Service", () => {
    const text = JSON.stringify(questions);
    for (const name of ['my-first-pod', 'my-first-service', 'myapp-pod', 'myapp-pod-nodeport-service', '31231', '--port=81']) {
      assert.ok(text.includes(name), name);
    }
    const personal = questions.filter((q) => requiredFacts(q).some((f) => ['nodePort', 'nodeIP', 'serviceName'].includes(f)));
    assert.ok(personal.length >= 4, `${personal.length} questions use the learner's facts`);
  });

  it('are answered right by their own definitions, for full marks, with any facts or none', () => {
    for (const [facts, seed] of [
      [learnerFacts, 1],
      [otherFacts, 2],
      [{}, 3],
    ] as const) {
      const s = summary(playAll(facts, seed));
      assert.equal(s.complete, true);
      assert.equal(s.firstTry, s.total);
      assert.equal(s.score, 1);
      assert.equal(s.percent, 100);
      assert.deepEqual(s.revisit, []);
      assert.equal(s.total + s.skipped.length, questions.length);
    }
  });

  it('leave no placeholder unfilled once their facts are known', () => {
    for (const q of questions) {
      const filled = readyQuestion(q, learnerFacts);
      for (const { path, text } of questionStrings(filled)) assert.doesNotMatch(text, /\{\{|\}\}/, `${q.id} ${path.join('.')}`);
    }
  });

  it("depend on the learner's facts where they use them: one cluster's answer is wrong for another", () => {
    const personal = questions.filter((q) => requiredFacts(q).includes('nodePort') && q.kind === 'typed');
    assert.ok(personal.length >= 2);
    for (const q of personal) {
      const mine = correctResponse(q, learnerFacts);
      assert.equal(grade(q, mine, learnerFacts).correct, true, q.id);
      assert.equal(grade(q, mine, otherFacts).correct, false, q.id);
    }
  });

  it('show the author’s own reason for every wrong option, wrong value and tempting line', () => {
    for (const q of questions) {
      const filled = readyQuestion(q, learnerFacts);
      const seen = (response: Parameters<typeof grade>[1], why: string, what: string) => {
        const g = grade(q, response, learnerFacts);
        assert.equal(g.correct, false, `${q.id}: ${what} should be wrong`);
        assert.ok(g.feedback.includes(why) || g.feedback.some((line) => line.endsWith(why)), `${q.id}: ${what} should say "${why}"`);
      };
      if (filled.kind === 'single') {
        filled.options.forEach((o, i) => {
          if (!o.correct) seen({ kind: 'single', choice: i }, o.why, `option ${i}`);
        });
      }
      if (filled.kind === 'multiple') {
        const right = filled.options.flatMap((o, i) => (o.correct ? [i] : []));
        filled.options.forEach((o, i) => {
          if (!o.correct) seen({ kind: 'multiple', choices: [...right, i] }, o.why, `option ${i}`);
        });
      }
      if (filled.kind === 'typed' && filled.answer.rule !== 'url') {
        for (const w of filled.answer.wrong ?? []) seen({ kind: 'typed', text: String(w.value) }, w.why, `"${w.value}"`);
      }
      if (filled.kind === 'typed' && filled.answer.rule === 'url') {
        const { host, port } = filled.answer;
        for (const w of filled.answer.wrong ?? []) {
          seen({ kind: 'typed', text: `http://${w.host ?? host}:${w.port ?? port}` }, w.why, `${w.host ?? ''}:${w.port ?? ''}`);
        }
      }
      if (filled.kind === 'bug') {
        for (const w of filled.wrong ?? []) seen({ kind: 'bug', line: w.line }, w.why, `line ${w.line}`);
      }
    }
  });

  it('bring a missed question back later, then credit it less, and say what to revisit', () => {
    let s = startQuiz(questions, { seed: 11, facts: learnerFacts });
    const missed = current(s);
    const lessons: Partial<Record<string, string[]>> = { [missed.concepts[0]!]: ['three-ports', 'recap'] };
    s = next(answerWrong(s));
    const between: string[] = [];
    while (current(s).id !== missed.id) {
      between.push(current(s).id);
      s = next(answerRight(s));
    }
    assert.equal(between.length, 2, 'it comes back after two other questions');
    assert.equal(s.current?.presented.attempt, 2);
    while (quizPhase(s) !== 'done') s = next(answerRight(s));

    const result = summary(s, { conceptLessons: lessons, threshold: 0.99 });
    assert.equal(result.complete, true);
    assert.equal(result.firstTry, result.total - 1);
    assert.deepEqual(result.missed, [missed.id]);
    assert.equal(result.score, (result.total - 0.5) / result.total);
    for (const concept of missed.concepts) {
      const c = result.concepts.find((r) => r.concept === concept)!;
      assert.equal(c.mastery, (c.questions - 0.5) / c.questions, concept);
      assert.equal(c.firstTry, c.questions - 1);
    }
    assert.deepEqual(new Set(result.revisit.map((r) => r.concept)), new Set(missed.concepts));
    for (const r of result.revisit) assert.deepEqual(r.lessons, lessons[r.concept] ?? []);
    assert.deepEqual(result.revisit.find((r) => r.concept === missed.concepts[0])?.lessons, ['three-ports', 'recap']);
  });
});
