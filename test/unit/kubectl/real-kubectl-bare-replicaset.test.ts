// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// A ReplicaSet applied from a manifest, no Deployment above it, one of its pods adopted from a
// bare pod its selector matches (controller_ref_manager.go ClaimPods): the real kubectl 1.32
// client gets, describes and prints it, and the adopted pod, as we do.

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { findReplicaSet } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl, startFakeApi, withoutAges } from './fake-api.js';
import { Session } from './helpers.js';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: nginx
        ports:
        - containerPort: 80
`;

describe('real kubectl 1.32 and a bare ReplicaSet', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(1, { 'rs.yaml': RS });

  before(async () => {
    session.run('run bare --image=nginx --labels=tier=frontend');
    session.run('apply -f rs.yaml');
    session.wait(30);
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

  it('the bare pod is one of its three', () => {
    const rs = findReplicaSet(session.cluster, 'frontend');
    assert.ok(rs);
    assert.equal(session.cluster.pods.find((p) => p.metadata.name === 'bare')?.owner?.uid, rs.metadata.uid);
  });
  // The fake API serves no server-side tables, so the columns of `get rs` are not compared here.
  it('get rs -o json and -o name', async () => {
    await same('get rs frontend -o json');
    await same('get rs -o name');
  });
  it('describe rs: no Controlled By, the pods it made in its events', async () => {
    await same('describe rs frontend');
  });
  it('get rs -o yaml: the last-applied annotation, no ownerReferences, the defaulted template', async () => {
    await same('get rs frontend -o yaml');
  });
  it('describe pod bare: Controlled By ReplicaSet/frontend', async () => {
    await same('describe pod bare');
  });
});
