// The trace screen's sub-reducer (src/core/navigation/trace.ts), as a table of actions.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { currentPlace, currentTrace, type NavAction } from '../../../src/core/course/navigation.js';
import { ENDINGS } from '../../../src/core/course/trace-step.js';
import { course, run, start, table } from './table.js';

const home = start(course('course'));
const atTrace = run(home, { type: 'open-lesson', lesson: 2 }, { type: 'focus', to: 'page' }, { type: 'next-step' }, { type: 'next-step' });
const move = (delta: number, auto?: boolean): NavAction => ({ type: 'trace-move', delta, stops: 4, ...(auto ? { auto } : {}) });
const view = (s: typeof atTrace) => currentTrace(s)?.view;

describe('navigation: the trace screen', () => {
  table([
    {
      name: 'a trace starts at its first hop, not yet started',
      from: atTrace,
      actions: [],
      then: (s) => assert.deepEqual([currentPlace(s)?.step, view(s), currentTrace(s)?.started], ['follow', { at: 0, predicted: null, cursor: 0 }, false]),
    },
    { name: '→ moves to the next hop', from: atTrace, actions: [move(1)], then: (s) => assert.deepEqual([view(s)?.at, currentTrace(s)?.started], [1, true]) },
    { name: '← on the first hop goes to the step before', from: atTrace, actions: [move(-1)], then: (s) => assert.equal(currentPlace(s)?.step, 'after') },
    { name: '→ on the last hop goes on past the trace', from: run(atTrace, move(3)), actions: [move(1)], then: (s) => assert.equal(s.screen.kind, 'home') },
    {
      name: 'the hop is kept when the learner comes back',
      from: run(atTrace, move(2)),
      actions: [{ type: 'previous-step' }, { type: 'next-step' }],
      then: (s) => assert.equal(view(s)?.at, 2),
    },
    { name: 'a plays the trace', from: atTrace, actions: [{ type: 'trace-play', on: true }], then: (s) => assert.equal(s.playing, true) },
    {
      name: 'playing stops on the last hop',
      from: run(atTrace, { type: 'trace-play', on: true }),
      actions: [move(1, true), move(1, true), move(1, true)],
      then: (s) => assert.deepEqual([view(s)?.at, s.playing], [3, false]),
    },
    {
      name: 'the play timer never leaves the trace',
      from: run(atTrace, move(3), { type: 'trace-play', on: true }),
      actions: [move(1, true)],
      then: (s) => assert.deepEqual([currentPlace(s)?.step, s.playing], ['follow', false]),
    },
    { name: 'a timer tick when not playing changes nothing', from: atTrace, actions: [move(1, true)], then: (s, before) => assert.equal(s, before) },
    {
      name: 'play is refused off a trace step',
      from: run(home, { type: 'open-lesson' }),
      actions: [{ type: 'trace-play', on: true }],
      then: (s) => assert.equal(s.playing, false),
    },
    {
      name: 'leaving the step stops the play',
      from: run(atTrace, { type: 'trace-play', on: true }),
      actions: [{ type: 'previous-step' }],
      then: (s) => assert.equal(s.playing, false),
    },
    {
      name: 'the prediction cursor moves and stops at the last ending',
      from: atTrace,
      actions: [
        { type: 'trace-predict-move', delta: 2 },
        { type: 'trace-predict-move', delta: 20 },
      ],
      then: (s) => assert.equal(view(s)?.cursor, ENDINGS.length - 1),
    },
    {
      name: 'the prediction cursor stops at the first ending',
      from: atTrace,
      actions: [{ type: 'trace-predict-move', delta: -2 }],
      then: (s) => assert.equal(view(s)?.cursor, 0),
    },
    {
      name: 'Enter before an ending is chosen is no guess, and says how to choose',
      from: atTrace,
      actions: [{ type: 'trace-predict' }],
      then: (s) => {
        assert.equal(view(s)?.predicted ?? null, null);
        assert.match(s.notice ?? '', /Nothing chosen yet: ↑\/↓ chooses where the request fails/);
      },
    },
    {
      name: 'Enter takes the ending under the cursor as the guess',
      from: atTrace,
      actions: [{ type: 'trace-predict-move', delta: 1 }, { type: 'trace-predict' }],
      then: (s) => assert.equal(view(s)?.predicted, ENDINGS[1]!.id),
    },
    {
      name: 'trace keys on a step that is not a trace change nothing',
      from: run(home, { type: 'open-lesson' }),
      actions: [move(1), { type: 'trace-predict' }, { type: 'trace-predict-move', delta: 1 }],
      then: (s, before) => assert.equal(s, before),
    },
  ]);
});
