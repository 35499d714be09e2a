// The help overlay's sub-reducer (src/core/navigation/help.ts), as a table of actions.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { course, run, start, table } from './table.js';

const home = start(course('course'));
const inLesson = run(home, { type: 'open-lesson' });

describe('navigation: help', () => {
  table([
    { name: '? opens help over the lesson list', from: home, actions: [{ type: 'toggle-help' }], then: (s) => assert.equal(s.help, true) },
    { name: '? twice closes it again', from: home, actions: [{ type: 'toggle-help' }, { type: 'toggle-help' }], then: (s) => assert.equal(s.help, false) },
    {
      name: 'Esc closes help and leaves the screen where it was',
      from: inLesson,
      actions: [{ type: 'toggle-help' }, { type: 'close-help' }],
      then: (s, before) => {
        assert.equal(s.help, false);
        assert.deepEqual(s.screen, before.screen);
      },
    },
    { name: 'closing help that is not open changes nothing', from: inLesson, actions: [{ type: 'close-help' }], then: (s, before) => assert.equal(s, before) },
    {
      name: 'moving to another step closes help',
      from: inLesson,
      actions: [{ type: 'toggle-help' }, { type: 'next-step' }],
      then: (s) => assert.equal(s.help, false),
    },
    {
      name: 'the help scrolls within its list, and opens again at the top',
      from: inLesson,
      actions: [{ type: 'toggle-help' }, { type: 'help-scroll', delta: 5, max: 3 }, { type: 'help-scroll', delta: -1, max: 3 }],
      then: (s) => {
        assert.equal(s.helpScroll, 2, 'no further than the list goes, then one back');
        const again = run(s, { type: 'close-help' }, { type: 'toggle-help' });
        assert.equal(again.helpScroll, 0);
      },
    },
    {
      name: 'going home closes help',
      from: inLesson,
      actions: [{ type: 'toggle-help' }, { type: 'go-home' }],
      then: (s) => assert.deepEqual([s.help, s.screen.kind], [false, 'home']),
    },
  ]);
});
