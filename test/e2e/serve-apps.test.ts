// apps/v1 and discovery.k8s.io/v1 in the lab's API, read by the real kubectl 1.32: deployments,
// replicasets and endpointslices print byte for byte what the sandbox prints for the same command
// on the same cluster, and describe service (which reads the slices in 1.32) too.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock, createCluster } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

describe('serve: apps/v1 and endpointslices from the real kubectl', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const dir = tempDir('nodeport-lab-apps-');
  const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;

  before(async () => {
    // The deployment and its service are made by the sandbox's kubectl; the API serves that cluster.
    let cluster = createCluster({ seed: 21, now: now - 60_000 });
    for (const line of ['create deployment web --image=stacksimplify/kubenginx:1.0.0 --replicas=2', 'expose deployment web --type=NodePort --port=80']) {
      const r = runKubectl(cluster, line.split(' '), io);
      assert.equal(r.exitCode, 0, r.stderr);
      cluster = advanceClock(r.cluster, 30_000);
    }
    server = await startServer({ seed: 21, port: 0, home: dir, clock: () => now, cluster, log: () => {} });
  });

  after(async () => {
    await server?.stop();
  });

  async function expectSame(line: string): Promise<string> {
    const live = server.cluster();
    const cluster = advanceClock(live, now - live.now);
    const real = await realKubectl(line.split(' '), server.kubeconfig, dir);
    const sim = runKubectl(cluster, line.split(' '), io);
    assert.equal(real.stdout, sim.stdout, `stdout of kubectl ${line}`);
    assert.equal(real.stderr, sim.stderr, `stderr of kubectl ${line}`);
    assert.equal(real.code, sim.exitCode);
    now += 1000;
    return real.stdout;
  }

  it('get deployments, replicasets and endpointslices, wide', async () => {
    assert.match(await expectSame('get deploy'), /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +2\/2/);
    await expectSame('get deployments -o wide');
    assert.match(await expectSame('get rs'), /web-[a-z0-9]+ +2 +2 +2/);
    await expectSame('get rs -o wide');
    await expectSame('get endpointslices');
    await expectSame('get deploy,rs');
  });

  it('one deployment by name, and one that is not there', async () => {
    await expectSame('get deploy web');
    await expectSame('get deploy nope');
  });

  it('describe service reads the slices and prints what the sandbox prints', async () => {
    assert.match(await expectSame('describe svc web'), /Endpoints: +10\./);
  });
});
