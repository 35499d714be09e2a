// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// A pod no node can take, as the real kubectl 1.32 prints it from our API objects (served by the
// fake API server): describe (Node: <none>, no Start Time, no container state, the one
// PodScheduled condition, the FailedScheduling event), -o yaml/json and jsonpath; and a pod that
// waited and was then bound, with both of the scheduler's events.

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Cluster, Node } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl, startFakeApi, withoutAges } from './fake-api.js';
import { Session } from './helpers.js';

/** Workers that take three pods each (the kubelet's --max-pods): two system pods and one more. */
function threePodsPerWorker(cluster: Cluster): Cluster {
  const nodes = cluster.nodes.map((n): Node => ({
    ...n,
    status: { ...n.status, capacity: { ...n.status.capacity, pods: '3' }, allocatable: { ...n.status.allocatable, pods: '3' } },
  }));
  return { ...cluster, nodes };
}

describe('a Pending pod, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(6);

  before(async () => {
    session.cluster = threePodsPerWorker(session.cluster);
    session.run('run a --image=nginx --port=80');
    session.run('run b --image=nginx --port=80 --labels=app=b,tier=web');
    session.run('run waits --image=nginx --port=80');
    session.run('run later --image=nginx');
    session.wait(20);
    session.run('delete pod a');
    session.wait(40);
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  it('the simulator has one pod bound after waiting and one still waiting', () => {
    assert.match(session.run('get pods -o wide').stdout, /^waits +1\/1 +Running .* worker-1 /m);
    assert.match(session.run('get pods -o wide').stdout, /^later +0\/1 +Pending +0 +\d+s +<none> +<none> +<none> +<none>$/m);
  });

  for (const line of [
    'describe pod later',
    'describe pod waits',
    'get pod later -o yaml',
    'get pod later -o json',
    'get pod waits -o yaml',
    'get pod later -o jsonpath={.spec.nodeName}|{.status.hostIP}|{.status.phase}|{.status.conditions[*].message}',
    'describe node worker-1',
  ]) {
    it(`kubectl ${line}`, async () => {
      const real = await realKubectl(line.split(' '), kubeconfig);
      assert.equal(real.code, 0, real.stderr);
      const ours = session.run(line);
      assert.equal(ours.exitCode, 0, ours.stderr);
      assert.equal(withoutAges(ours.stdout), withoutAges(real.stdout));
    });
  }
});
