// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// While a ReplicaSet's extra pods are Terminating, the real kubectl 1.32 client describes and
// prints our ReplicaSet, Deployment and pods as we do: status counts only the active pods
// (replica_set.go calculateStatus over controller.FilterActivePods), while describe's Pods Status
// counts every pod the ReplicaSet controls, by phase (describe.go getPodStatusForController).

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { replicaSetsOf } from '../../../src/core/cluster/index.js';
import { learnerPods } from '../../helpers/fixtures.js';
import { KUBECTL, realKubectl, startFakeApi, withoutAges } from './fake-api.js';
import { Session } from './helpers.js';

describe('real kubectl 1.32 during a scale-down', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(1);

  before(async () => {
    session.run('create deployment web --image=nginx --replicas=3 --port=80');
    session.wait(30);
    session.run('scale deploy web --replicas=5');
    session.wait(10);
    session.run('scale deploy web --replicas=3');
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  const same = async (line: string): Promise<void> => {
    const real = await realKubectl(line.split(' '), kubeconfig);
    const sim = session.run(line);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(withoutAges(sim.stdout), withoutAges(real.stdout));
  };

  it('two pods are Terminating meanwhile', () => {
    assert.equal(learnerPods(session.cluster).filter((p) => p.terminating).length, 2);
  });
  it('describe rs: 3 current / 3 desired, 5 Running, its SuccessfulDelete events', async () => {
    const [rs] = replicaSetsOf(session.cluster).filter((r) => r.owner?.name === 'web');
    assert.ok(rs);
    await same(`describe rs ${rs.metadata.name}`);
  });
  it('describe deployment: 3 total, the new ReplicaSet 3/3 replicas created', async () => {
    await same('describe deployment web');
  });
  it('get rs -o yaml and get deploy -o json: the status as the controllers write it', async () => {
    const [rs] = replicaSetsOf(session.cluster).filter((r) => r.owner?.name === 'web');
    assert.ok(rs);
    await same(`get rs ${rs.metadata.name} -o yaml`);
    await same('get deploy web -o json');
  });
  it('get pod -o yaml of a Terminating pod: deletionTimestamp and deletionGracePeriodSeconds', async () => {
    const pod = learnerPods(session.cluster).find((p) => p.terminating);
    assert.ok(pod);
    await same(`get pod ${pod.metadata.name} -o yaml`);
  });
});
