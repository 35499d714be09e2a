// A practice step's sub-reducer (src/core/navigation/practice.ts): the prompt, hints, the goal.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { currentPlace, currentPractice, goalMet, type NavAction } from '../../../src/core/course/navigation.js';
import { course, run, start, table } from './table.js';

const type = (text: string): NavAction[] => [{ type: 'prompt-edit', action: { type: 'insert', text } }];
const enter: NavAction = { type: 'prompt-submit', elapsedMs: 1000 };
const atPrompt = run(start(course('course')), { type: 'open-lesson', lesson: 2 });
const ran = run(
  atPrompt,
  ...type('kubectl run web --image nginx'),
  enter,
  ...type('sleep 10'),
  enter,
  ...type('kubectl expose pod web --type=NodePort --port=80'),
  enter,
);
const port = currentPractice(ran)?.shell.cluster.services.find((s) => s.metadata.name === 'web')?.spec.ports[0]?.nodePort;
const solved = run(ran, ...type(`curl -s http://203.0.113.11:${port}`), enter);
const names = (s: typeof atPrompt) => currentPractice(s)?.shell.cluster.pods.map((p) => p.metadata.name) ?? [];

describe('navigation: a practice step', () => {
  table([
    { name: 'typing edits the prompt', from: atPrompt, actions: type('kubectl get po'), then: (s) => assert.equal(s.prompt.editor.text, 'kubectl get po') },
    {
      name: "Enter runs the line in the lesson's cluster and empties the prompt",
      from: atPrompt,
      actions: [...type('kubectl run web --image nginx'), enter],
      then: (s) => assert.deepEqual([s.prompt.editor.text, names(s).includes('web')], ['', true]),
    },
    {
      name: 'a command brings the output pane back to its end',
      from: run(atPrompt, { type: 'scroll', delta: 3, max: 9, pane: 'output' }),
      actions: [...type('kubectl get pods'), enter],
      then: (s) => assert.equal(s.scroll['third/run-it#output'], 0),
    },
    {
      name: 'Enter on an empty line before the goal is met stays',
      from: atPrompt,
      actions: [enter],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'third', step: 'run-it' }),
    },
    {
      name: 'Ctrl-C clears a line with text in it',
      from: atPrompt,
      actions: [...type('kubectl'), { type: 'prompt-interrupt' }],
      then: (s) => assert.deepEqual([s.prompt.editor.text, s.quit], ['', false]),
    },
    { name: 'Ctrl-C on an empty line quits', from: atPrompt, actions: [{ type: 'prompt-interrupt' }], then: (s) => assert.equal(s.quit, true) },
    {
      name: 'Tab completes a kubectl word',
      from: atPrompt,
      actions: [...type('kubectl expo'), { type: 'prompt-complete' }],
      then: (s) => assert.equal(s.prompt.editor.text, 'kubectl expose '),
    },
    {
      name: "h shows one hint more, up to the step's hints",
      from: atPrompt,
      actions: [{ type: 'hint' }, { type: 'hint' }, { type: 'hint' }],
      then: (s) => assert.equal(currentPractice(s)?.hints['run-it'], 2),
    },
    {
      name: 'Esc hands the keys to the page and back',
      from: atPrompt,
      actions: [{ type: 'focus', to: 'page' }],
      then: (s) => assert.equal(run(s, { type: 'focus', to: 'prompt' }).focus, 'prompt'),
    },
    {
      name: 'a step that is not practice has no prompt to run',
      from: run(atPrompt, { type: 'focus', to: 'page' }, { type: 'next-step' }),
      actions: [...type('kubectl get pods'), enter],
      then: (s) => assert.deepEqual(currentPlace(s), { lesson: 'third', step: 'after' }),
    },
    {
      name: 'once the goal is met, Enter on an empty line goes on',
      from: solved,
      actions: [enter],
      then: (s, before) => {
        assert.equal(goalMet(ran), false, 'no request yet');
        assert.equal(goalMet(before), true, 'the request through the node port meets the goal');
        assert.deepEqual(currentPlace(s), { lesson: 'third', step: 'after' });
      },
    },
  ]);
});
