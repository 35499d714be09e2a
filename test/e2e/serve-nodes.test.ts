// `serve --all-nodes`: each node behind a loopback address of its own, so the learner's own curl
// sees what externalTrafficPolicy: Local does: the node with the pod answers, the other worker
// drops the packet (kube-proxy's KUBE-EXT chain for Local has no endpoint there), and nothing is
// refused. Skipped where 127.0.0.2 cannot be bound (macOS has only 127.0.0.1 by default).

import assert from 'node:assert/strict';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { loopbackAddress, loopbackNodes } from '../../src/core/api/data-plane.js';
import { advanceClock, createCluster } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { repoPath } from '../helpers/fixtures.js';
import { readFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp.js';

function canBind(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, address, () => probe.close(() => resolve(true)));
  });
}

function fetchOnce(url: string, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(`answered ${res.statusCode}`));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.message === 'no answer' ? 'no answer' : (e.code ?? e.message)));
    req.setTimeout(waitMs, () => req.destroy(new Error('no answer')));
  });
}

const files: KubectlIO = {
  readFile: (name: string) => (name === 'local.yml' ? readFileSync(repoPath('lessons/manifests/local-policy-service.yml'), 'utf8') : { code: 'ENOENT' }),
} as unknown as KubectlIO;

describe('serve --all-nodes: externalTrafficPolicy Local from the learner’s machine', async () => {
  const bindable = await canBind('127.0.0.2');
  let server: RunningServer;
  let hosting = -1;
  let other = -1;
  let nodePort = 0;

  before(async () => {
    if (!bindable) return;
    let cluster = createCluster({ seed: 21, now: Date.now() - 60_000 });
    cluster = runKubectl(cluster, ['run', 'my-first-pod', '--image', 'stacksimplify/kubenginx:1.0.0'], files).cluster;
    cluster = runKubectl(cluster, ['apply', '-f', 'local.yml'], files).cluster;
    cluster = advanceClock(cluster, 30_000);
    const nodes = loopbackNodes(cluster);
    const pod = cluster.pods.find((p) => p.metadata.name === 'my-first-pod');
    hosting = nodes.findIndex((n) => n.metadata.name === pod?.spec.nodeName);
    other = nodes.findIndex((n, i) => i !== hosting && !('node-role.kubernetes.io/control-plane' in n.metadata.labels));
    nodePort = cluster.services.find((s) => s.metadata.name === 'local-policy-service')?.spec.ports[0]?.nodePort ?? 0;
    let now = cluster.now;
    server = await startServer({
      seed: 21,
      port: 0,
      home: tempDir('nodeport-lab-nodes-'),
      cluster,
      allNodes: true,
      clock: () => now,
      log: () => undefined,
    });
    now += 1;
  });
  after(async () => {
    await server?.stop();
  });

  it('the node that runs the pod answers; the other worker never does', { skip: bindable ? false : '127.0.0.2 cannot be bound here' }, async () => {
    assert.ok(hosting >= 0 && other >= 0 && nodePort >= 30000);
    assert.equal(await fetchOnce(`http://${loopbackAddress(hosting)}:${nodePort}/`, 3000), 'answered 200');
    assert.equal(await fetchOnce(`http://${loopbackAddress(other)}:${nodePort}/`, 1500), 'no answer');
  });
});
