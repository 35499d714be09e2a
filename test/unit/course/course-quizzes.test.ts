import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { correctResponse, giveUp, quizPhase, quizReducer, startQuiz, summary, type QuizState } from '../../../src/core/quiz/index.js';
import { courseText } from '../../../src/text/course-text.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons are broken');
const quizzes = loaded.course.lessons.flatMap((lesson) => lesson.steps.flatMap((step) => (step.kind === 'quiz' ? [{ lesson, step }] : [])));

describe("the course's quizzes", () => {
  it('has at least 30 questions across every concept', () => {
    const questions = quizzes.flatMap(({ step }) => step.questions);
    assert.ok(questions.length >= 30, `${questions.length} questions`);
    const concepts = new Set(questions.flatMap((q) => q.concepts));
    for (const concept of [
      'node-port',
      'service-port',
      'target-port',
      'container-port',
      'node-port-range',
      'service-types',
      'imperative-declarative',
      'selectors-endpoints',
    ]) {
      assert.ok(concepts.has(concept as never), concept);
    }
  });

  for (const { lesson, step } of quizzes) {
    it(`${lesson.id}/${step.id}: every question answered from its own definition gives full marks`, () => {
      let quiz: QuizState = startQuiz(step.questions, { seed: 11 });
      for (let guard = 0; quizPhase(quiz) !== 'done' && guard < 500; guard++) {
        const turn = quiz.current!;
        quiz = quizReducer(quiz, { type: 'answer', response: correctResponse(turn.presented.question) });
        assert.equal(quiz.current?.grade?.correct, true, turn.presented.question.id);
        quiz = quizReducer(quiz, { type: 'next' });
      }
      const result = summary(quiz);
      assert.equal(result.percent, 100);
      assert.equal(result.firstTry, result.total);
    });
  }

  it('brings back a question answered wrongly until it is answered right', () => {
    const { step } = quizzes[0]!;
    let quiz = startQuiz(step.questions, { seed: 3 });
    const first = quiz.current!.presented.question.id;
    const wrong = giveUp(quiz.current!.presented.question);
    assert.equal(wrong.correct, false);
    quiz = quizReducer(quizReducer(quiz, { type: 'give-up' }), { type: 'next' });
    const seen: string[] = [];
    while (quizPhase(quiz) !== 'done') {
      const turn = quiz.current!;
      seen.push(turn.presented.question.id);
      quiz = quizReducer(quizReducer(quiz, { type: 'answer', response: correctResponse(turn.presented.question) }), { type: 'next' });
    }
    assert.ok(seen.includes(first), 'the missed question came back');
    assert.ok(seen.indexOf(first) >= Math.min(2, step.questions.length - 1), 'after other questions');
    assert.ok(summary(quiz).percent < 100);
  });

  it('prints the questions with an answer key at the end', () => {
    const text = courseText(loaded.course, 80);
    const key = text.indexOf('Answer key');
    assert.ok(key > 0);
    assert.ok(text.lastIndexOf('Q1.') > key, 'answers follow the key heading');
    assert.match(text.slice(key), /The right answer is "nodePort: 31231"/);
    assert.doesNotMatch(text.slice(0, key), /The right answer is/);
  });
});

describe('review quizzes', () => {
  it('gather every question of the other quizzes, in course order', () => {
    const review = quizzes.find(({ step }) => step.review)!;
    const others = quizzes.filter(({ step }) => !step.review).flatMap(({ step }) => step.questions.map((q) => q.id));
    assert.deepEqual(
      review.step.questions.map((q) => q.id),
      others,
    );
    assert.ok(quizzes.filter(({ step }) => !step.review).length >= 5, 'quizzes in the lessons themselves');
  });
});

describe("questions about the learner's own objects", () => {
  it("use the node port the learner's cluster assigned, not the lecture's", async () => {
    const { initialNav, navigate, currentQuiz } = await import('../../../src/core/course/navigation.js');
    const { emptyProgress } = await import('../../../src/core/progress/model.js');
    const course = loaded.course;
    const imperative = course.lessons.findIndex((l) => l.id === 'expose-imperatively');
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), { type: 'open-lesson', lesson: imperative });
    for (const line of ['sleep 10', 'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=mine']) {
      state = navigate(navigate(state, { type: 'prompt-edit', action: { type: 'insert', text: line } }), { type: 'prompt-submit', elapsedMs: 1000 });
    }
    const service = state.practice['expose-imperatively']!.shell.cluster.services.find((s) => s.metadata.name === 'mine')!;
    const nodePort = String(service.spec.ports[0]!.nodePort);
    const review = course.lessons.findIndex((l) => l.id === 'review-quiz');
    // Deep dives on, so the review draws on every quiz; a round asks ten, the rest wait in reserve.
    state = navigate(navigate(state, { type: 'toggle-deep' }), { type: 'open-lesson', lesson: review });
    const { quiz } = currentQuiz(state)!;
    const asked = [...quiz.questions, ...(quiz.reserve ?? [])];
    const personal = asked.filter((q) => JSON.stringify(q).includes(nodePort));
    assert.ok(personal.length >= 3, `${personal.length} questions mention ${nodePort}`);
    assert.ok(
      personal.some((q) => q.prompt.includes('mine')),
      "and the learner's service by name",
    );
  });
});
