// A learner who quits after a practice step and comes back the next day is offered to continue
// where they were; the lesson's cluster is then made again with what their finished steps made,
// so the step they come back to can be met without going back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGoal } from '../../../src/core/course/goals.js';
import { currentPlace, initialNav, navigate, type NavState } from '../../../src/core/course/navigation.js';
import { attemptsIn } from '../../../src/core/course/practice.js';
import { emptyProgress, type Progress } from '../../../src/core/progress/model.js';
import { courseFolder, doStep, shippedCourse } from '../../helpers/practice-step.js';

const setup = { seed: 4, files: new Map<string, string>() };

function resumeAt(progress: Progress): NavState {
  const state = initialNav(shippedCourse, progress, null, setup);
  assert.ok(state.resume, 'the resume offer');
  return navigate({ ...state, files: courseFolder }, { type: 'answer-resume', accept: true });
}

function typeLine(state: NavState, line: string): NavState {
  let next = navigate(state, { type: 'prompt-edit', action: { type: 'replace', text: line } });
  next = navigate(next, { type: 'prompt-submit', elapsedMs: 10_000 });
  return next;
}

describe('continuing a lesson after a restart', () => {
  const applied: Progress = {
    ...emptyProgress,
    lessons: { 'expose-declaratively': { done: ['service-manifest', 'apply-the-service'], complete: false } },
    last: { lesson: 'expose-declaratively', step: 'open-the-page' },
  };

  it('the Service an earlier finished step applied is there, and the step can be met', () => {
    let state = resumeAt(applied);
    assert.deepEqual(currentPlace(state), { lesson: 'expose-declaratively', step: 'open-the-page' });
    assert.match(state.notice ?? '', /made again as your earlier step leaves it/);
    const cluster = state.practice['expose-declaratively']!.shell.cluster;
    assert.ok(cluster.services.some((s) => s.metadata.name === 'myapp-pod-nodeport-service' && s.spec.ports[0]?.nodePort === 31231));
    const worker = cluster.nodes.find((n) => n.metadata.name === 'worker-1')!;
    const ip = worker.status.addresses.find((a) => a.type === 'ExternalIP')!.address;
    state = typeLine(state, `curl http://${ip}:31231`);
    const { step } = doStep('expose-declaratively', 'open-the-page');
    const practice = state.practice['expose-declaratively']!;
    assert.ok(checkGoal(step.goal, practice.shell.cluster, attemptsIn(practice, step.id)).every((p) => p.met));
  });

  it('a step not finished is not done for the learner', () => {
    const started: Progress = { ...applied, lessons: { 'expose-declaratively': { done: ['service-manifest'], complete: false } } };
    const state = resumeAt(started);
    const cluster = state.practice['expose-declaratively']!.shell.cluster;
    assert.ok(!cluster.services.some((s) => s.metadata.name === 'myapp-pod-nodeport-service'));
    assert.equal(state.notice ?? null, null);
  });

  it('a lesson opened at its first step starts from its setup only', () => {
    const state = resumeAt({ ...applied, last: { lesson: 'expose-declaratively', step: 'service-manifest' } });
    const cluster = state.practice['expose-declaratively']!.shell.cluster;
    assert.ok(!cluster.services.some((s) => s.metadata.name === 'myapp-pod-nodeport-service'));
  });
});
