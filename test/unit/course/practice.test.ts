import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentPlace, goalMet, initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { fixtureCourse, learnerPods } from '../../helpers/fixtures.js';

const course = fixtureCourse();
const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);
const type = (text: string): NavAction => ({ type: 'prompt-edit', action: { type: 'insert', text } });
const enter = (elapsedMs = 1000): NavAction => ({ type: 'prompt-submit', elapsedMs });
const command = (line: string, elapsedMs = 1000): NavAction[] => [type(line), enter(elapsedMs)];
const start = () => run(initialNav(course, emptyProgress, null, { seed: 9, files: new Map() }), { type: 'open-lesson', lesson: 2 });

describe('practice in a lesson', () => {
  it("gives each lesson its own cluster, after the lesson's setup", () => {
    const state = start();
    const practice = state.practice.third!;
    assert.deepEqual(
      learnerPods(practice.shell.cluster).map((p) => p.metadata.name),
      ['ready-pod'],
    );
    assert.deepEqual(practice.shell.history, [], "setup is not the learner's history");
    assert.equal(state.focus, 'prompt');
  });

  it('runs what the learner types, records it for the step, and checks the goal', () => {
    let state = start();
    state = run(state, ...command('kubectl run web --image nginx'), ...command('sleep 10'), ...command('kubectl expose pod web --type=NodePort --port=80'));
    assert.equal(goalMet(state), false, 'no request yet');
    const port = state.practice.third!.shell.cluster.services.find((s) => s.metadata.name === 'web')?.spec.ports[0]?.nodePort;
    state = run(state, ...command(`curl -s http://203.0.113.11:${port}`));
    assert.equal(goalMet(state), true);
    const entries = state.practice.third!.entries['run-it']!;
    assert.deepEqual(
      entries.map((e) => e.line),
      ['kubectl run web --image nginx', 'sleep 10', 'kubectl expose pod web --type=NodePort --port=80', `curl -s http://203.0.113.11:${port}`],
    );
    assert.match(entries[3]!.output, /<!DOCTYPE html>|Welcome to nginx/);
    assert.equal(state.prompt.editor.text, '');
  });

  it('keeps what the step has seen through clear and other shell commands, and Enter moves on', () => {
    let state = run(
      start(),
      ...command('kubectl run web --image nginx'),
      ...command('sleep 10'),
      ...command('kubectl expose pod web --type=NodePort --port=80'),
    );
    const port = state.practice.third!.shell.cluster.services.find((s) => s.metadata.name === 'web')?.spec.ports[0]?.nodePort;
    state = run(state, ...command(`curl -s http://203.0.113.11:${port}`));
    state = run(state, ...command('clear'), ...command('help'), ...command('history'), ...command('clear'));
    assert.deepEqual(state.practice.third!.entries['run-it'], [], 'the screen is clear');
    assert.equal(goalMet(state), true, 'the request seen before clear still counts');
    const after = run(state, enter());
    assert.notDeepEqual(currentPlace(after), { lesson: 'third', step: 'run-it' }, 'Enter on the empty prompt moved on');
  });

  it('puts one line under the prompt when a command comes close but misses, and drops it at the next', () => {
    const close = run(start(), ...command('kubectl run web --image nginx'), ...command('sleep 10'), ...command('kubectl expose pod web --port=80'));
    // This lesson lists no solutions: the Service made is compared with the goal's.
    assert.equal(close.practice.third!.nearMiss?.['run-it'], 'that made a ClusterIP service: the goal is type NodePort');
    assert.equal(run(close, ...command('kubectl get svc')).practice.third!.nearMiss?.['run-it'], undefined);
  });

  it('moves on with Enter on an empty prompt only once the goal is met', () => {
    const state = start();
    assert.deepEqual(currentPlace(run(state, enter())), { lesson: 'third', step: 'run-it' });
  });

  it('reveals hints one at a time when the learner types hint, without running it', () => {
    const state = run(start(), ...command('hint'), ...command('hint'), ...command('hint'));
    assert.equal(state.practice.third!.hints['run-it'], 2, 'no more than there are');
    assert.equal(state.practice.third!.entries['run-it'], undefined);
  });

  it('restores the cluster as it was when the learner left a step and comes back', () => {
    let state = run(start(), ...command('kubectl run web --image nginx'));
    state = run(state, { type: 'focus', to: 'page' }, { type: 'next-step' });
    state = run(state, { type: 'previous-step' });
    assert.ok(state.practice.third!.shell.cluster.pods.some((p) => p.metadata.name === 'web'));
    assert.deepEqual(
      state.practice.third!.entries['run-it']!.map((e) => e.line),
      ['kubectl run web --image nginx'],
    );
    assert.equal(state.focus, 'prompt');
  });

  it('Ctrl-C clears a line being typed, and quits on an empty one', () => {
    const typing = run(start(), type('kubectl get'), { type: 'prompt-interrupt' });
    assert.deepEqual([typing.prompt.editor.text, typing.quit], ['', false]);
    assert.equal(run(typing, { type: 'prompt-interrupt' }).quit, true);
  });

  it("completes with Tab from the lesson's own cluster", () => {
    const state = run(start(), type('kubectl describe pod rea'), { type: 'prompt-complete' });
    assert.equal(state.prompt.editor.text, 'kubectl describe pod ready-pod ');
  });
});

describe('trace predictions', () => {
  it('offer the same endings whatever the trace, and name the real one from the outcome', async () => {
    const { actualEnding, endings, followRequest } = await import('../../../src/core/course/trace-step.js');
    let state = start();
    for (const line of [
      'kubectl run web --image nginx',
      'sleep 10',
      'kubectl expose pod web --type=NodePort --port=80',
      'kubectl expose pod web --type=NodePort --port=81 --name=wrong',
      'kubectl create service nodeport empty --tcp=80:80',
    ]) {
      state = run(state, ...command(line));
    }
    const cluster = state.practice.third!.shell.cluster;
    const ending = (url: string) => {
      const followed = followRequest({ from: 'outside', url }, cluster);
      assert.ok(followed.ok, url);
      return followed.ok ? actualEnding(followed.trace) : null;
    };
    assert.equal(ending('http://{{pod.web.nodeIP}}:{{service.web.nodePort}}/'), 'answered');
    assert.equal(ending('http://{{pod.web.nodeIP}}:{{service.wrong.nodePort}}/'), 'container');
    assert.equal(ending('http://{{nodeIP}}:{{service.empty.nodePort}}/'), 'node');
    assert.equal(ending('http://{{pod.web.ip}}:80/'), 'outside');
    assert.deepEqual(
      endings().map((e) => e.id),
      ['outside', 'node', 'pod', 'container', 'answered'],
    );
    const notYet = followRequest({ from: 'outside', url: 'http://{{nodeIP}}:{{service.missing.nodePort}}/' }, cluster);
    assert.equal(notYet.ok, false);
  });
});
