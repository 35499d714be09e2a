import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentPlace, initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { emptyProgress, type Progress } from '../../../src/core/progress/model.js';
import { fixtureCourse } from '../../helpers/fixtures.js';

const course = fixtureCourse();
const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);
const next: NavAction = { type: 'next-step' };
const back: NavAction = { type: 'previous-step' };

describe('navigation', () => {
  it('starts on the lesson list without a resume offer when there is no progress', () => {
    const state = initialNav(course, emptyProgress);
    assert.deepEqual(state.screen, { kind: 'home', cursor: 0 });
    assert.equal(state.resume, null);
  });

  it('opens a lesson, walks its steps, records finished steps and the last place', () => {
    const state = run(initialNav(course, emptyProgress), { type: 'open-lesson' }, next, next);
    assert.deepEqual(currentPlace(state), { lesson: 'first', step: 'yaml' });
    assert.deepEqual(state.progress.lessons.first, { done: ['hello', 'picture'], complete: false });
    assert.deepEqual(state.progress.last, { lesson: 'first', step: 'yaml' });
  });

  it('moves into the next lesson after the last step, marking the lesson complete', () => {
    const state = run(initialNav(course, emptyProgress), { type: 'open-lesson' }, next, next, next);
    assert.deepEqual(currentPlace(state), { lesson: 'second', step: 'sides' });
    assert.equal(state.progress.lessons.first?.complete, true);
    assert.match(state.notice ?? '', /Lesson finished: First lesson/);
  });

  it('goes back across a lesson boundary, and back at the very start stays put', () => {
    const start = run(initialNav(course, emptyProgress), { type: 'open-lesson' });
    assert.equal(run(start, back), start, 'back on the first step changes nothing: the same state');
    assert.deepEqual(currentPlace(run(start, back)), currentPlace(start));
    const second = run(start, next, next, next, back);
    assert.deepEqual(currentPlace(second), { lesson: 'first', step: 'yaml' });
  });

  it("keeps each step's scroll and highlighted field, so going back shows what was there", () => {
    const atYaml = run(initialNav(course, emptyProgress), { type: 'open-lesson' }, next, next);
    const moved = run(atYaml, { type: 'move-field', delta: 1 }, { type: 'move-field', delta: 5 }, { type: 'scroll', delta: 3, max: 10 });
    assert.equal(moved.field['first/yaml'], 1, 'clamped to the last field');
    const returned = run(moved, next, back);
    assert.equal(returned.field['first/yaml'], 1);
    assert.equal(returned.scroll['first/yaml'], 3);
    assert.equal(run(returned, { type: 'scroll', delta: 50, max: 10 }).scroll['first/yaml'], 10);
    assert.equal(run(returned, { type: 'scroll', delta: -50, max: 10 }).scroll['first/yaml'], 0);
  });

  it('finishing the last lesson returns to the list with a closing notice', () => {
    const state = run(initialNav(course, emptyProgress), { type: 'open-lesson', lesson: 2 }, { type: 'focus', to: 'page' }, next, next, next);
    assert.equal(state.screen.kind, 'home');
    assert.equal(state.progress.lessons.third?.complete, true);
    assert.match(state.notice ?? '', /finished the course/);
  });

  it('offers to resume a saved place, and accepting opens exactly there', () => {
    const saved: Progress = { ...emptyProgress, lessons: { second: { done: [], complete: false } }, last: { lesson: 'second', step: 'last' } };
    const state = initialNav(course, saved);
    assert.deepEqual(state.resume, { lesson: 'second', step: 'last' });
    assert.deepEqual(state.screen, { kind: 'home', cursor: 1 });
    assert.deepEqual(currentPlace(run(state, { type: 'answer-resume', accept: true })), { lesson: 'second', step: 'last' });
    const declined = run(state, { type: 'answer-resume', accept: false });
    assert.equal(declined.resume, null);
    assert.equal(declined.screen.kind, 'home');
  });

  it('ignores a saved place that no longer exists in the course', () => {
    const saved: Progress = { ...emptyProgress, last: { lesson: 'gone', step: 'x' } };
    assert.equal(initialNav(course, saved).resume, null);
  });

  it('opens a lesson from the list at its first unfinished step', () => {
    const saved: Progress = { ...emptyProgress, lessons: { first: { done: ['hello'], complete: false } } };
    const state = run(initialNav(course, saved), { type: 'open-lesson' });
    assert.deepEqual(currentPlace(state), { lesson: 'first', step: 'picture' });
  });

  it('keeps the cursor inside the list and toggles help', () => {
    const state = run(initialNav(course, emptyProgress), { type: 'move-cursor', delta: -3 });
    assert.deepEqual(state.screen, { kind: 'home', cursor: 0 });
    assert.deepEqual(run(state, { type: 'move-cursor', delta: 9 }).screen, { kind: 'home', cursor: 2 });
    assert.equal(run(state, { type: 'toggle-help' }).help, true);
    assert.equal(run(state, { type: 'toggle-help' }, { type: 'toggle-help' }).help, false);
  });
});
