// `nodeport-lab serve` on the default cluster (two workers, 110 pods each, four of them the
// cluster's own) holds a watch of 1,000 pods: 216 of them run, the rest wait for a node, and the
// real kubectl 1.32's `get pods -w` prints a row for every one of them.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { advanceClock, createCluster, createObject, decodeObject, type Cluster } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { tempDir } from '../../helpers/temp.js';

const PODS = 1000;

function thousandPods(): Cluster {
  let cluster = createCluster({ seed: 1 });
  for (let i = 0; i < PODS; i++) {
    const decoded = decodeObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${String(i).padStart(4, '0')}`, labels: { app: 'many' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    assert.ok(decoded.ok);
    const created = createObject(cluster, decoded.object, undefined, 'default');
    assert.ok(created.ok, `pod-${i}`);
    cluster = created.cluster;
  }
  return advanceClock(cluster, 60_000);
}

function getJson(url: string): Promise<{ items: { spec: { nodeName?: string }; status: { phase: string; podIP?: string } }[] }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(JSON.parse(body)));
    })
      .on('error', reject)
      .end();
  });
}

describe('serve: 1,000 pods on the default cluster, most of them Pending', () => {
  let server: RunningServer | undefined;

  before(async () => {
    server = await startServer({ seed: 1, port: 0, home: tempDir('nodeport-lab-pending-'), cluster: thousandPods(), log: () => undefined });
  });

  after(async () => {
    await server?.stop();
  });

  it('lists them all: 216 bound with an IP, 784 with no node and no IP', async () => {
    assert.ok(server);
    const list = await getJson(`${server.url}/api/v1/namespaces/default/pods`);
    assert.equal(list.items.length, PODS);
    const bound = list.items.filter((p) => p.spec.nodeName !== undefined);
    assert.equal(bound.length, 216);
    assert.ok(bound.every((p) => p.status.phase === 'Running' && /^10\.244\.[12]\.\d+$/.test(p.status.podIP ?? '')));
    const waiting = list.items.filter((p) => p.spec.nodeName === undefined);
    assert.ok(waiting.every((p) => p.status.phase === 'Pending' && p.status.podIP === undefined));
  });

  it('kubectl get pods -w prints a row for each of the 1,000', { skip: KUBECTL ? false : 'no kubectl on PATH', timeout: 120_000 }, async () => {
    assert.ok(server);
    const watch = spawn(KUBECTL ?? 'kubectl', ['get', 'pods', '-w'], { env: { ...process.env, KUBECONFIG: server.kubeconfig } });
    let seen = '';
    watch.stdout.setEncoding('utf8');
    watch.stdout.on('data', (c: string) => (seen += c));
    const rows = (): string[] => seen.split('\n').filter((l) => l.startsWith('pod-'));
    for (let i = 0; i < 1200 && rows().length < PODS; i++) await new Promise((r) => setTimeout(r, 50));
    watch.kill();
    const all = rows();
    assert.equal(all.length, PODS);
    assert.match(seen, /^NAME +READY +STATUS +RESTARTS +AGE\n/);
    assert.equal(all.filter((l) => /^pod-\d{4} +1\/1 +Running +0 +\d+s$/.test(l)).length, 216);
    assert.equal(all.filter((l) => /^pod-\d{4} +0\/1 +Pending +0 +\d+s$/.test(l)).length, 784);
  });

  it('kubectl logs of a pod with no node prints nothing; exec is refused by the API server', { skip: KUBECTL ? false : 'no kubectl on PATH' }, async () => {
    assert.ok(server);
    const logs = await realKubectl(['logs', 'pod-0999'], server.kubeconfig);
    assert.deepEqual([logs.code, logs.stdout, logs.stderr], [0, '', '']);
    const exec = await realKubectl(['exec', 'pod-0999', '--', 'ls'], server.kubeconfig);
    assert.equal(exec.code, 1);
    assert.equal(exec.stderr, 'Error from server (BadRequest): pod pod-0999 does not have a host assigned\n');
  });
});
