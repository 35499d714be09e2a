// Lessons 6 to 11 as a newcomer takes them: each practice step is met by every fair way to do what
// it asks (a patch as well as delete-and-expose, flags in any order, `get` of several types at
// once), from the state a learner who took the earlier steps arrives in, and not by a wrong one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stateBefore } from '../../../src/core/course/replay.js';
import { quizFacts } from '../../../src/core/course/quiz-facts.js';
import { grade } from '../../../src/core/quiz/grade.js';
import { courseFolder, shippedCourse, takeStep } from '../../helpers/practice-step.js';

const course = shippedCourse;
const files = courseFolder;
const take = (lessonId: string, stepId: string, lines: readonly string[], seed = 7) => takeStep(lessonId, stepId, lines, seed);

const PATCH_SELECTOR = `kubectl patch svc typo-service -p '{"spec":{"selector":{"app":"myapp"}}}'`;

describe('lesson 6, "Fix it": the typo is mended in typo-service, by any fair way', () => {
  it('a patch of the live selector, keeping node port 30080', () => {
    assert.equal(take('mistakes', 'typo-fix', [PATCH_SELECTOR, 'curl http://{{nodeIP}}:30080']).all, true);
    assert.equal(
      take('mistakes', 'typo-fix', [
        `k patch service/typo-service --type merge -p '{"spec":{"selector":{"app":"myapp"}}}'`,
        'curl {{node.worker-2.externalIP}}:30080',
      ]).all,
      true,
    );
  });

  it('delete it and expose the pod under the same name, flags in any order', () => {
    const lines = ['kubectl delete service typo-service', 'kubectl expose po myapp-pod --name typo-service --type NodePort'];
    assert.equal(take('mistakes', 'typo-fix', [...lines, 'curl -s http://{{nodeIP}}:{{service.typo-service.nodePort}}/']).all, true);
  });

  it('not by relabelling the pod: the other Service loses its endpoint', () => {
    const r = take('mistakes', 'typo-fix', ['kubectl label pod myapp-pod app=my-app --overwrite', 'curl http://{{nodeIP}}:30080']);
    assert.deepEqual(r.met, [true, false, true]);
  });

  it('not by a curl before the fix: still refused', () => {
    assert.deepEqual(take('mistakes', 'typo-fix', ['curl http://{{nodeIP}}:30080']).met, [false, true, false]);
  });
});

describe('a read of several types at once counts for each type it shows', () => {
  it('lesson 6: kubectl get all finds the holder of 31231 as kubectl get svc does', () => {
    assert.deepEqual(take('mistakes', 'port-taken', ['kubectl get all']).met, [true, false]);
    assert.deepEqual(take('mistakes', 'port-taken', ['kubectl get svc,pods']).met, [true, false]);
    assert.deepEqual(take('mistakes', 'port-taken', ['kubectl get pods']).met, [false, false], 'pods alone show no node port');
  });

  it('lesson 9: kubectl get svc,ep is both looks in one line', () => {
    assert.equal(take('break-it', 'look-around', ['kubectl get svc,ep']).all, true);
    assert.equal(take('break-it', 'look-around', ['k get ep,services -o wide']).all, true);
    assert.deepEqual(take('break-it', 'look-around', ['kubectl get all']).met, [true, false], 'all lists no endpoints');
  });
});

describe("lesson 8's quiz: the URL from your laptop, by any worker", () => {
  it("is right with worker-2's external IP as with worker-1's, from the lesson's own cluster", () => {
    const lesson = course.lessons.find((l) => l.id === 'request-path')!;
    const quiz = lesson.steps.find((s) => s.id === 'check-yourself');
    assert.ok(quiz?.kind === 'quiz');
    const question = quiz.questions.find((q) => q.id === 'type-your-url')!;
    const cluster = stateBefore(lesson, 'check-yourself', 7, files).cluster;
    const facts = quizFacts(cluster);
    const external = (node: string) => cluster.nodes.find((n) => n.metadata.name === node)!.status.addresses.find((a) => a.type === 'ExternalIP')!.address;
    for (const node of ['worker-1', 'worker-2']) {
      assert.equal(grade(question, { kind: 'typed', text: `http://${external(node)}:${facts.nodePort}` }, facts).correct, true, node);
    }
    assert.equal(grade(question, { kind: 'typed', text: `http://${facts.nodeInternalIP}:${facts.nodePort}` }, facts).correct, false, 'the INTERNAL-IP');
  });
});

describe('a command that meets a part of the goal is not told it missed', () => {
  it('lesson 9: the time-out the step asks for first gets no "the goal is one that answered" line', () => {
    const closed = take('break-it', 'open-the-firewall', [
      'firewall close {{service.my-first-service.nodePort}}',
      'curl -m 5 http://{{nodeIP}}:{{service.my-first-service.nodePort}}',
    ]);
    assert.deepEqual(closed.met, [true, false, false]);
    assert.equal(closed.miss, null);
  });

  it('lesson 6: a get of the one Service that holds 31231 gets no line about a refusal', () => {
    const r = take('mistakes', 'port-taken', ['kubectl get svc myapp-pod-nodeport-service']);
    assert.deepEqual(r.met, [true, false]);
    assert.equal(r.miss, null);
  });

  it('a command that meets nothing new still hears why it is close', () => {
    const r = take('mistakes', 'port-taken', ['kubectl get svc', 'kubectl create service nodeport second-service --tcp=80:80 --node-port=31232']);
    assert.deepEqual(r.met, [true, false]);
    assert.match(r.miss ?? '', /accepted|31232/);
  });
});
