// What the lessons say about kubectl, held against what kubectl does (the simulator, which follows
// kubectl's run.go: the `run` label only when --labels is not given).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runLine, newShell } from '../../../src/core/shell/shell.js';
import { courseFolder, shippedCourse } from '../../helpers/practice-step.js';

/** The labels kubectl run gives a pod, as kubectl get pods --show-labels prints them. */
function labelsAfter(run: string): string {
  let shell = newShell(1);
  shell = runLine(shell, run, courseFolder, 0).state;
  return runLine(shell, 'kubectl get pod web --show-labels --no-headers', courseFolder, 0).stdout.trim().split(/\s+/).at(-1) ?? '';
}

describe("the lessons' word on kubectl run's label", () => {
  it('a run label without --labels, none with it, and no lesson says kubectl run always adds it', () => {
    assert.equal(labelsAfter('kubectl run web --image nginx'), 'run=web');
    assert.equal(labelsAfter('kubectl run web --image nginx --labels=app=web'), 'app=web');
    for (const lesson of shippedCourse.lessons) {
      for (const step of lesson.steps) {
        const text = 'text' in step && typeof step.text === 'string' ? step.text : '';
        for (const sentence of text.split(/(?<=\.)\s/)) {
          if (!/kubectl run`? .*\brun`? label/.test(sentence)) continue;
          assert.doesNotMatch(sentence, /\balways\b/, `${lesson.id}/${step.id}: ${sentence}`);
          assert.match(sentence, /--labels/, `${lesson.id}/${step.id} names the exception: ${sentence}`);
        }
      }
    }
  });
});

describe("the lessons' word on the node port range", () => {
  // 30000-32767 is the API server's default: --service-node-port-range sets another
  // (kubernetes/kubernetes pkg/kubeapiserver/options/options.go: DefaultServiceNodePortRange).
  it('no lesson calls 30000-32767 a fixed range, and the first to give it says it is the default', () => {
    let first: string | undefined;
    for (const lesson of shippedCourse.lessons) {
      for (const step of lesson.steps) {
        const text = 'text' in step && typeof step.text === 'string' ? step.text : '';
        for (const sentence of text.split(/(?<=\.)\s/)) {
          if (!/30000(-| to )32767/.test(sentence)) continue;
          assert.doesNotMatch(sentence, /\bfixed\b/, `${lesson.id}/${step.id}: ${sentence}`);
          first ??= sentence;
        }
      }
    }
    assert.match(first ?? '', /\bby default\b/, first);
  });
});
