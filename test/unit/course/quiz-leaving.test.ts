// Leaving a quiz step before its end, and the review quiz's question count.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { ROUND_SIZE } from '../../../src/core/quiz/review.js';
import { currentPlace, currentQuiz, currentStep, initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { emptyProgress, lessonProgress } from '../../../src/core/progress/model.js';
import { quizPhase } from '../../../src/core/quiz/index.js';
import { fixture, repoPath } from '../../helpers/fixtures.js';

const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);

function load(dir: string) {
  const result = loadLessonDir(dir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.course;
}

describe('leaving a quiz before its end', () => {
  const course = load(fixture('quiz-course'));
  const atQuiz = run(initialNav(course, emptyProgress), { type: 'open-lesson' }, { type: 'next-step' });

  it('Esc then Enter after a miss moves on without marking the quiz or the lesson done, and the quiz waits as it was', () => {
    assert.equal(currentStep(atQuiz)?.step.kind, 'quiz');
    const missed = run(atQuiz, { type: 'quiz-give-up' });
    const away = run(missed, { type: 'focus', to: 'page' }, { type: 'next-step' });
    const done = lessonProgress(away.progress, 'quiz-lesson');
    assert.equal(done.complete, false, 'the lesson is not complete');
    assert.ok(!done.done.includes('quiz'), 'the quiz step is not done');
    assert.equal(away.progress.quizzes?.['quiz-lesson/quiz'], undefined, 'no score was recorded');
    assert.match(away.notice ?? '', /not finished/);
    // Back on the lesson list, the lesson opens on its quiz again, with the missed question still to come.
    const again = run(away, { type: 'go-home' }, { type: 'open-lesson', lesson: 0 });
    assert.deepEqual(currentPlace(again), { lesson: 'quiz-lesson', step: 'quiz' });
    const quiz = currentQuiz(again)!.quiz;
    assert.notEqual(quizPhase(quiz), 'done');
    assert.ok(
      quiz.records.some((r) => !r.solved && r.attempts > 0),
      'the missed question is kept',
    );
  });
});

describe('the review quiz', () => {
  const course = load(repoPath('lessons'));
  const review = course.lessons.findIndex((l) => l.id === 'review-quiz');
  const reviewStep = course.lessons[review]!.steps.find((s) => s.kind === 'quiz')!;
  const all = reviewStep.kind === 'quiz' ? reviewStep.questions.length : 0;

  // A round asks ROUND_SIZE of them; none is skipped for want of the learner's own service,
  // whichever way the learner came (the personal question borrows a lesson's seeded cluster).
  it('skips no question whichever way the learner came to it', () => {
    const straight = run(initialNav(course, emptyProgress, null, { seed: 7, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'review-quiz', step: reviewStep.id },
    });
    assert.equal(currentQuiz(straight)!.quiz.questions.length, Math.min(ROUND_SIZE, all), 'opened straight away');
    assert.equal(currentQuiz(straight)!.quiz.skipped.length, 0);
    let walked = run(initialNav(course, emptyProgress, null, { seed: 7, files: new Map() }), { type: 'open-lesson', lesson: 0 });
    for (let i = 0; i < 200 && currentPlace(walked)?.lesson !== 'review-quiz'; i++) walked = run({ ...walked, focus: 'page' }, { type: 'next-step' });
    assert.equal(currentQuiz(walked)!.quiz.questions.length, Math.min(ROUND_SIZE, all), 'after walking every lesson');
    assert.equal(currentQuiz(walked)!.quiz.skipped.length, 0);
  });
});
