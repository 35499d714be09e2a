// The lesson list's sub-reducer (src/core/navigation/home.ts), as a table of actions.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { currentPlace } from '../../../src/core/course/navigation.js';
import { emptyProgress, type Progress } from '../../../src/core/progress/model.js';
import { course, run, start, table } from './table.js';

const lessons = course('course');
const home = start(lessons);
const saved: Progress = { ...emptyProgress, lessons: { first: { done: ['hello'], complete: false } }, last: { lesson: 'second', step: 'last' } };
const halfway: Progress = { ...emptyProgress, lessons: { first: { done: ['hello'], complete: false } } };
const firstDone: Progress = { ...emptyProgress, lessons: { first: { done: ['hello', 'picture', 'yaml'], complete: true } } };

describe('navigation: the lesson list', () => {
  table([
    {
      name: '↓ moves the cursor down one lesson',
      from: home,
      actions: [{ type: 'move-cursor', delta: 1 }],
      then: (s) => assert.deepEqual(s.screen, { kind: 'home', cursor: 1 }),
    },
    {
      name: 'the cursor stops at the last lesson',
      from: home,
      actions: [{ type: 'move-cursor', delta: 9 }],
      then: (s) => assert.deepEqual(s.screen, { kind: 'home', cursor: 2 }),
    },
    {
      name: 'the cursor stops at the first lesson',
      from: home,
      actions: [{ type: 'move-cursor', delta: -3 }],
      then: (s) => assert.deepEqual(s.screen, { kind: 'home', cursor: 0 }),
    },
    {
      name: 'the cursor does not move inside a lesson',
      from: run(home, { type: 'open-lesson' }),
      actions: [{ type: 'move-cursor', delta: 1 }],
      then: (s, before) => assert.equal(s, before),
    },
    {
      name: 'Enter opens the lesson under the cursor at its start',
      from: home,
      actions: [{ type: 'move-cursor', delta: 1 }, { type: 'open-lesson' }],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'second', step: 'sides' }),
    },
    {
      name: 'a lesson half done opens at its first unfinished step',
      from: start(lessons, halfway),
      actions: [{ type: 'open-lesson', lesson: 0 }],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'first', step: 'picture' }),
    },
    {
      name: 'a finished lesson opens at its start',
      from: start(lessons, firstDone),
      actions: [{ type: 'open-lesson', lesson: 0 }],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'first', step: 'hello' }),
    },
    {
      name: 'a lesson that does not exist is not opened',
      from: home,
      actions: [{ type: 'open-lesson', lesson: 9 }],
      then: (s, before) => assert.equal(s, before),
    },
    {
      name: 'the list starts on the first unfinished lesson',
      from: start(lessons, firstDone),
      actions: [],
      then: (s) => assert.deepEqual(s.screen, { kind: 'home', cursor: 1 }),
    },
    {
      name: 'a saved place is offered, and yes opens exactly there',
      from: start(lessons, saved),
      actions: [{ type: 'answer-resume', accept: true }],
      then: (s) => assert.deepEqual([currentPlace(s), s.resume], [{ lesson: 'second', step: 'last' }, null]),
    },
    {
      name: 'no to the offer stays on the list and drops the offer',
      from: start(lessons, saved),
      actions: [{ type: 'answer-resume', accept: false }],
      then: (s) => assert.deepEqual([s.screen.kind, s.resume], ['home', null]),
    },
    {
      name: 'd takes deep dives, a second d passes over them again, each with a notice',
      from: home,
      actions: [{ type: 'toggle-deep' }],
      then: (s) => {
        assert.equal(s.progress.deepDives, true);
        assert.match(s.notice ?? '', /Deep dives on/);
        const off = run(s, { type: 'toggle-deep' });
        assert.equal(off.progress.deepDives, false);
        assert.match(off.notice ?? '', /Deep dives off/);
      },
    },
  ]);
});
