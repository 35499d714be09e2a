// The lesson screen's sub-reducer (src/core/navigation/lesson.ts): moving along the path, scroll and fields.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { currentPlace } from '../../../src/core/course/navigation.js';
import { course, run, start, table } from './table.js';

const home = start(course('course'));
const first = run(home, { type: 'open-lesson' });
const atYaml = run(first, { type: 'next-step' }, { type: 'next-step' });
const lastLesson = run(home, { type: 'open-lesson', lesson: 2 }, { type: 'focus', to: 'page' });

describe('navigation: the lesson screen', () => {
  table([
    {
      name: '→ goes to the next step and records the one left as done',
      from: first,
      actions: [{ type: 'next-step' }],
      then: (s) => assert.deepEqual([currentPlace(s), s.progress.lessons.first?.done], [{ lesson: 'first', step: 'picture' }, ['hello']]),
    },
    {
      name: '← goes back a step without undoing what was done',
      from: atYaml,
      actions: [{ type: 'previous-step' }],
      then: (s) => assert.deepEqual([currentPlace(s), s.progress.lessons.first?.done], [{ lesson: 'first', step: 'picture' }, ['hello', 'picture']]),
    },
    { name: '← on the very first step changes nothing', from: first, actions: [{ type: 'previous-step' }], then: (s, before) => assert.equal(s, before) },
    {
      name: "→ on a lesson's last step finishes it and enters the next lesson with a notice",
      from: atYaml,
      actions: [{ type: 'next-step' }],
      then: (s) => {
        assert.deepEqual(currentPlace(s), { lesson: 'second', step: 'sides' });
        assert.equal(s.progress.lessons.first?.complete, true);
        assert.match(s.notice ?? '', /Lesson finished: First lesson/);
      },
    },
    {
      name: "← on a lesson's first step goes to the last step of the lesson before",
      from: run(atYaml, { type: 'next-step' }),
      actions: [{ type: 'previous-step' }],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'first', step: 'yaml' }),
    },
    {
      name: "→ past the course's last step returns to the list",
      from: lastLesson,
      actions: [{ type: 'next-step' }, { type: 'next-step' }, { type: 'next-step' }],
      then: (s) => assert.deepEqual([s.screen, s.notice], [{ kind: 'home', cursor: 2 }, 'You finished the course. Well done!']),
    },
    {
      name: '→ and ← on the lesson list change nothing',
      from: home,
      actions: [{ type: 'next-step' }, { type: 'previous-step' }],
      then: (s, before) => assert.equal(s, before),
    },
    {
      name: 'Esc goes home with the cursor on the lesson left',
      from: lastLesson,
      actions: [{ type: 'go-home' }],
      then: (s) => assert.deepEqual([s.screen, s.notice], [{ kind: 'home', cursor: 2 }, null]),
    },
    {
      name: 'a place opens straight away',
      from: home,
      actions: [{ type: 'open-place', place: { lesson: 'second', step: 'last' } }],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'second', step: 'last' }),
    },
    {
      name: 'a place that does not exist is not opened',
      from: home,
      actions: [{ type: 'open-place', place: { lesson: 'second', step: 'nowhere' } }],
      then: (s, before) => assert.equal(s, before),
    },
    {
      name: 'scrolling is kept per step and clamped to its page',
      from: atYaml,
      actions: [
        { type: 'scroll', delta: 3, max: 10 },
        { type: 'scroll', delta: 30, max: 10 },
      ],
      then: (s) => assert.equal(s.scroll['first/yaml'], 10),
    },
    {
      name: 'scrolling stops at the top',
      from: atYaml,
      actions: [{ type: 'scroll', delta: -4, max: 10 }],
      then: (s) => assert.equal(s.scroll['first/yaml'], 0),
    },
    {
      name: 'the output pane scrolls on its own key',
      from: atYaml,
      actions: [{ type: 'scroll', delta: 2, max: 10, pane: 'output' }],
      then: (s) => assert.deepEqual([s.scroll['first/yaml#output'], s.scroll['first/yaml']], [2, undefined]),
    },
    {
      name: "a manifest step's field moves and stops at the last field",
      from: atYaml,
      actions: [
        { type: 'move-field', delta: 1 },
        { type: 'move-field', delta: 5 },
      ],
      then: (s) => assert.equal(s.field['first/yaml'], 1),
    },
    {
      name: 'the field is kept when the learner comes back',
      from: run(atYaml, { type: 'move-field', delta: 1 }),
      actions: [{ type: 'next-step' }, { type: 'previous-step' }],
      then: (s) => assert.equal(s.field['first/yaml'], 1),
    },
    {
      name: 'a step without fields has no field to move',
      from: first,
      actions: [{ type: 'move-field', delta: 1 }],
      then: (s, before) => assert.equal(s, before),
    },
  ]);
});
