// The lab's API takes what `kubectl label` sends (a merge patch of metadata.labels, null removing a
// key; an empty patch when nothing changes) and honours a server dry run of a delete, whose
// DeleteOptions kubectl sends in the body ({"dryRun":["All"]}; apimachinery's DeleteOptions.DryRun).
// The real kubectl 1.32 against the served lab must print what the sandbox prints.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { advanceClock, createCluster, findPod, type Cluster } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from '../kubectl/helpers.js';
import { tempDir } from '../../helpers/temp.js';

function request(method: string, url: string, body = '', contentType = 'application/json'): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType, body };
}

const POD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { run: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
});
const PATH = '/api/v1/namespaces/default/pods/web';

describe('the lab API: labels and dry runs', () => {
  const withPod = (): Cluster => handle(createCluster({ seed: 3 }), request('POST', '/api/v1/namespaces/default/pods', POD)).cluster;

  it("a merge patch of labels sets and removes them; invalid keys are the API's Invalid", () => {
    let cluster = withPod();
    cluster = handle(cluster, request('PATCH', PATH, '{"metadata":{"labels":{"app":"x"}}}', 'application/merge-patch+json')).cluster;
    assert.deepEqual(findPod(cluster, 'web')?.metadata.labels, { run: 'web', app: 'x' });
    cluster = handle(cluster, request('PATCH', PATH, '{"metadata":{"labels":{"run":null}}}', 'application/merge-patch+json')).cluster;
    assert.deepEqual(findPod(cluster, 'web')?.metadata.labels, { app: 'x' });
    const bad = handle(cluster, request('PATCH', PATH, '{"metadata":{"labels":{"bad key":"v"}}}', 'application/merge-patch+json'));
    assert.equal(bad.response.status, 422);
    const empty = handle(cluster, request('PATCH', PATH, '{}', 'application/merge-patch+json'));
    assert.equal(empty.response.status, 200);
    assert.equal(empty.cluster, cluster);
  });

  it('dry runs change nothing: a labels patch with ?dryRun=All, a delete with dryRun in its body', () => {
    const cluster = withPod();
    assert.equal(handle(cluster, request('PATCH', `${PATH}?dryRun=All`, '{"metadata":{"labels":{"app":"x"}}}')).cluster, cluster);
    const deleted = handle(cluster, request('DELETE', PATH, '{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}'));
    assert.equal(deleted.response.status, 200);
    assert.ok(findPod(deleted.cluster, 'web'));
    // A real DELETE marks the pod Terminating; it goes once its container has stopped.
    const gone = handle(cluster, request('DELETE', PATH)).cluster;
    assert.ok(findPod(gone, 'web')?.terminating);
    assert.equal(findPod(advanceClock(gone, 1000), 'web'), undefined);
  });
});

describe('kubectl label and delete --dry-run=server against the lab, as in the sandbox', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ seed: 5, port: 0, home: tempDir('nodeport-lab-label-'), log: () => undefined });
    await realKubectl(['run', 'lw', '--image=nginx'], server.kubeconfig);
  });
  after(async () => {
    await server?.stop();
  });

  const steps = [
    'label pod lw app=x',
    'label pod lw app=y',
    'label pod lw app=y --overwrite',
    'label pod lw zzz-',
    'label pod lw app-',
    'label pod lw tier=web --dry-run=server',
    'delete pod lw --dry-run=server',
    'get pod lw -o name',
  ];
  it(steps.join(', then '), async () => {
    const sandbox = new Session(5);
    sandbox.run('run lw --image=nginx');
    for (const line of steps) {
      const real = await realKubectl(line.split(' '), server.kubeconfig);
      const sim = sandbox.run(line);
      assert.equal(sim.stdout, real.stdout, line);
      assert.equal(sim.stderr, real.stderr, line);
    }
  });
});
