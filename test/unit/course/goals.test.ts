import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGoal, describeCondition, type Attempt, type Condition } from '../../../src/core/course/goals.js';
import { exposedPod, session } from '../shell/helpers.js';

describe('practice goals', () => {
  it("says each condition in words, or in the author's own", () => {
    assert.equal(describeCondition({ pod: { name: 'web', running: true } }), 'a pod named web, Running');
    assert.equal(
      describeCondition({ service: { name: 'web', type: 'NodePort', port: 80, selects: 'web', endpoints: true } }),
      'a NodePort service named web, port 80, selecting web, with an endpoint',
    );
    assert.equal(describeCondition({ request: { service: 'web', outcome: 'refused' } }), 'you have seen a request refused through web with curl');
    assert.equal(describeCondition({ ran: 'kubectl get svc', says: 'look at the services' }), 'look at the services');
    assert.equal(describeCondition({ ran: 'kubectl  get svc' }), 'you have run kubectl get svc');
    assert.equal(
      describeCondition({ did: { refused: { by: 'api', field: 'spec.ports[0].nodePort', value: '29999' } } }),
      'you have seen the API refuse spec.ports[0].nodePort 29999',
    );
    assert.equal(describeCondition({ did: { verb: 'get', type: 'pods', flags: { output: 'wide' } } }), 'you have run kubectl get pods --output=wide');
    assert.equal(
      describeCondition({ ran: 'kubectl expose pod web --name=x', refused: { by: 'kubectl' } }),
      'you have run kubectl expose pod web --name=x and seen kubectl refuse it',
    );
  });

  it('checks pods and services against the cluster as it is now', () => {
    const { run, state } = session();
    const goal: Condition[] = [
      { pod: { name: 'web', running: true } },
      { service: { name: 'web', type: 'NodePort', selects: 'web', endpoints: true, targetPort: 80 } },
      { service: { name: 'web', type: 'ClusterIP' } },
    ];
    assert.deepEqual(
      checkGoal(goal, state().cluster, []).map((p) => p.met),
      [false, false, false],
    );
    run('kubectl run web --image nginx', 0);
    assert.deepEqual(
      checkGoal(goal, state().cluster, []).map((p) => p.met),
      [false, false, false],
      'not running yet',
    );
    exposedPod(run);
    assert.deepEqual(
      checkGoal(goal, state().cluster, []).map((p) => p.met),
      [true, true, false],
    );
  });

  it('sees a selector that matches nothing as a service without endpoints', () => {
    const { run, state } = session();
    exposedPod(run);
    run('kubectl create service nodeport typo --tcp=80:80');
    const parts = checkGoal([{ service: { name: 'typo', endpoints: false } }, { service: { name: 'typo', selects: 'web' } }], state().cluster, []);
    assert.deepEqual(
      parts.map((p) => p.met),
      [true, false],
    );
  });

  it('checks requests and commands against what the learner ran in the step', () => {
    const { run, state } = session();
    const port = exposedPod(run);
    const attempts: Attempt[] = [];
    for (const line of [`curl http://203.0.113.11:${port}`, 'curl http://203.0.113.11:30000', 'kubectl   get   svc -o wide']) {
      const r = run(line);
      attempts.push({ line, ...(r.request ? { request: r.request } : {}) });
    }
    const goal: Condition[] = [
      { request: { service: 'web', outcome: 'answered' } },
      { request: { outcome: 'refused' } },
      { request: { service: 'web', outcome: 'refused' } },
      { ran: 'kubectl get svc' },
      { ran: 'kubectl describe' },
    ];
    assert.deepEqual(
      checkGoal(goal, state().cluster, attempts).map((p) => p.met),
      [true, true, false, true, false],
    );
  });
});

describe('ran: conditions', () => {
  it('accept the same command in another spelling', () => {
    const goal = [{ ran: 'kubectl get svc' }, { ran: 'kubectl get nodes' }, { ran: 'kubectl describe pod web' }];
    const { state } = session();
    const met = (lines: string[]) =>
      checkGoal(
        goal,
        state().cluster,
        lines.map((line) => ({ line })),
      ).map((p) => p.met);
    assert.deepEqual(met(['k get services', 'nodes', 'kubectl describe po web']), [true, true, true]);
    assert.deepEqual(met(['kubectl get pods', 'kubectl get node x', 'kubectl describe pod webby']), [false, true, false]);
  });
});
