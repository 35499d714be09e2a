// `kubectl describe` against the lab prints what the sandbox's describe prints. kubectl computes
// the ages in describe from its own clock, so here the lab's cluster follows the real wall clock,
// and a comparison that straddles a second boundary is taken again.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

const kubectl = (args: readonly string[], kubeconfig: string) => realKubectl(args, kubeconfig);

const noFiles = { readFile: () => ({ code: 'ENOENT' }) } as unknown as KubectlIO;

describe('serve: kubectl describe against the lab', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;

  before(async () => {
    server = await startServer({ seed: 11, port: 0, home: tempDir('nodeport-lab-describe-'), log: () => undefined });
    await kubectl(['run', 'web', '--image', 'stacksimplify/kubenginx:1.0.0'], server.kubeconfig);
    // Wait, in real time, until the pod runs.
    for (let i = 0; i < 150; i++) {
      const { stdout } = await kubectl(['get', 'pod', 'web', '-o', 'jsonpath={.status.phase}'], server.kubeconfig);
      if (stdout === 'Running') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  after(async () => {
    await server?.stop();
  });

  async function same(line: string): Promise<void> {
    let real = '';
    let sim = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = Date.now();
      real = (await kubectl(line.split(' '), server.kubeconfig)).stdout;
      const live = server.cluster();
      sim = runKubectl(advanceClock(live, started - live.now), line.split(' '), noFiles).stdout;
      if (real === sim) break;
    }
    assert.equal(real, sim);
  }

  it('describe pod', () => same('describe pod web'));
  it('describe node worker-1', () => same('describe node worker-1'));
});
