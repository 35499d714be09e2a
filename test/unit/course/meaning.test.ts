// A do step of the shipped course is met by any command kubectl understands the same way, from the
// state a learner who took the earlier steps arrives in; a near miss is told what it misses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGoal, type Condition } from '../../../src/core/course/goals.js';
import { attemptsIn } from '../../../src/core/course/practice.js';
import { takeStep } from '../../helpers/practice-step.js';

const take = (lessonId: string, stepId: string, lines: readonly string[], seed = 5) => takeStep(lessonId, stepId, lines, seed);

describe('a goal judges what a command means', () => {
  it('looks at a pod in detail by any spelling of describe', () => {
    for (const line of ['kubectl describe pod/my-first-pod', 'kubectl describe po/my-first-pod', 'k describe pods my-first-pod']) {
      assert.equal(take('03', 'look-at-the-pod', [line]).all, true, line);
    }
    assert.equal(take('03', 'look-at-the-pod', ['kubectl describe pod myapp-pod']).all, false, 'another pod');
    assert.equal(take('03', 'look-at-the-pod', ['kubectl get pod my-first-pod']).all, false, 'another verb');
  });

  it('describes a service as service/NAME', () => {
    assert.deepEqual(take('04', 'find-the-node-port', ['kubectl describe service/my-first-service']).met, [false, true]);
    assert.equal(take('04', 'find-the-node-port', ['k get services', 'kubectl describe service/my-first-service']).all, true);
  });

  it('lists pods wide with -o wide or -owide, with or without a name', () => {
    const run = 'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0';
    assert.equal(take('03', 'run-the-pod', [run, 'kubectl get pod my-first-pod -o wide']).all, true);
    assert.equal(take('03', 'run-the-pod', [run, 'kubectl get pods -owide']).all, true);
    assert.deepEqual(take('03', 'run-the-pod', [run, 'kubectl get pods']).met, [true, false], 'not wide');
  });

  it('counts the same refusal from the API, by any spelling of the command', () => {
    const r = take('06', 'too-low', ['kubectl create svc nodeport too-low --tcp=80:80 --node-port 29999']);
    assert.equal(r.all, true);
    assert.equal(take('06', 'too-low', ['kubectl create svc nodeport too-low --tcp=80:80 --node-port 30000']).all, false, 'accepted, not refused');
    assert.equal(take('06', 'too-low', ['kubectl create svc nodeport too-low --tcp=80:80 --node-port 32768']).all, false, 'refused for another value');
  });

  it('takes flags in another order', () => {
    assert.deepEqual(take('06', 'missing-port', ['kubectl expose pod my-first-pod --name=no-port --type=NodePort']).met, [false, true]);
    assert.deepEqual(
      take('06', 'missing-port', ['kubectl expose pod my-first-pod --name=no-port --type=NodePort --port=80']).met,
      [false, false],
      'with --port it is accepted: not the refusal asked for',
    );
  });

  it('takes k for kubectl and short type names', () => {
    const goal: Condition[] = [{ ran: 'kubectl get pods' }, { did: { verb: 'get', type: 'pods' } }];
    const { practice } = take('03', 'find-the-nodes', ['k get po']);
    assert.deepEqual(
      checkGoal(goal, practice.shell.cluster, attemptsIn(practice, 'find-the-nodes')).map((p) => p.met),
      [true, true],
    );
    assert.equal(take('03', 'find-the-nodes', ['nodes']).all, true);
  });
});

describe('close but not it', () => {
  it('says what a Service made without --type=NodePort misses', () => {
    const r = take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --port=80 --name=my-first-service']);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'that made a ClusterIP service: --type=NodePort is missing');
  });

  it('names the flag whose value differs, and the refusal that was not the one asked for', () => {
    assert.equal(
      take('04', 'fix-with-target-port', ['kubectl expose pod my-first-pod --type=NodePort --port=81 --target-port=8080 --name=my-first-service3']).miss,
      'that made a NodePort service: --target-port is 8080, not 80',
    );
    assert.equal(
      take('06', 'too-low', ['kubectl create svc nodeport too-low --tcp=80:80 --node-port 30000']).miss,
      'that made a NodePort service: --node-port is 30000, not 29999',
    );
    assert.equal(
      take('06', 'too-low', ['kubectl create svc nodeport too-low --tcp=80:80 --node-port 32768']).miss,
      'the API refused that: --node-port is 32768, not 29999',
    );
  });

  it('says where a request went when it went through another Service', () => {
    const r = take('04', 'open-the-page', [
      'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=other',
      'curl http://{{pod.my-first-pod.nodeIP}}:{{service.other.nodePort}}',
    ]);
    assert.equal(r.miss, 'that request went through other, not my-first-service');
  });

  it('says nothing for a command that is not near, or does what a solution line does', () => {
    assert.equal(take('04', 'expose-the-pod', ['kubectl get pods']).miss, null);
    assert.equal(take('05', 'apply-the-service', ['kubectl apply -f pod-definition.yml']).miss, null, 'the first line of a solution');
    assert.equal(take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service']).miss, null, 'met');
  });

  it('forgets the line at the next command', () => {
    const r = take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --port=80 --name=my-first-service', 'kubectl get svc']);
    assert.equal(r.miss, null);
  });
});

describe('clear and other shell commands', () => {
  it('never make a step forget what it has seen', () => {
    const r = take('04', 'find-the-node-port', ['kubectl get svc', 'clear', 'help', 'kubectl describe svc/my-first-service', 'clear']);
    assert.equal(r.all, true);
    assert.deepEqual(r.practice.entries['find-the-node-port'], [], 'the screen is cleared');
    assert.equal(attemptsIn(r.practice, 'find-the-node-port').length, 5);
  });
});

describe('close but not it, by how it ended', () => {
  it('says a right command that was not refused was accepted, and is quiet on unrelated commands', () => {
    assert.equal(
      take('06', 'too-low', ['kubectl create svc nodeport too-low --tcp=80:80 --node-port=29999 --dry-run=client']).miss,
      'close: that was accepted; the goal is to see it refused',
    );
    assert.equal(take('06', 'too-low', ['kubectl get svc']).miss, null);
    assert.equal(
      take('06', 'missing-port', ['kubectl create svc nodeport no-port --tcp=80']).miss,
      'that made a NodePort service: that was accepted; the goal is to see it refused',
    );
  });
});
