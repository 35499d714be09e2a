// Deleting a Deployment through the lab's API: the Deployment goes at once, its ReplicaSets a
// moment later, when the garbage collector (pkg/controller/garbagecollector) has seen their owner
// go. kubectl's default cascade is background (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go),
// and `delete all --all` lists each type only after deleting the types before it (the builder's
// visitors run one after another), with --all turning on --ignore-not-found. So on a real cluster
// it still finds the ReplicaSets after deleting their Deployment and prints
// `replicaset.apps "..." deleted`; the lab must give it the same chance.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { COLLECTION_DELAY_MS, advanceClock, createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from '../kubectl/helpers.js';
import { tempDir } from '../../helpers/temp.js';

function request(method: string, path: string, body = ''): ApiRequest {
  return { method, path, query: new Map(), accept: 'application/json', contentType: 'application/json', body };
}

const DEPLOYMENT = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
});

describe("the lab's garbage collector", () => {
  const withDeployment = (): Cluster => {
    const created = handle(createCluster({ seed: 4 }), request('POST', '/apis/apps/v1/namespaces/default/deployments', DEPLOYMENT));
    assert.equal(created.response.status, 201);
    return advanceClock(created.cluster, 10_000);
  };
  const webPods = (c: Cluster) => c.pods.filter((p) => p.metadata.labels.app === 'web');
  const webSets = (c: Cluster) => (c.replicaSets ?? []).filter((rs) => rs.metadata.namespace === 'default');

  it('DELETE of a Deployment leaves its ReplicaSet and pods until the collector comes, then they go', () => {
    const cluster = withDeployment();
    assert.equal(webSets(cluster).length, 1);
    assert.equal(webPods(cluster).length, 2);
    const deleted = handle(cluster, request('DELETE', '/apis/apps/v1/namespaces/default/deployments/web'));
    assert.equal(deleted.response.status, 200);
    assert.equal((deleted.cluster.deployments ?? []).filter((d) => d.metadata.name === 'web').length, 0);
    assert.equal(webSets(deleted.cluster).length, 1, 'the ReplicaSet outlives its Deployment for a moment');
    const listed = handle(deleted.cluster, request('GET', '/apis/apps/v1/namespaces/default/replicasets'));
    assert.equal((JSON.parse(listed.response.body) as { items: unknown[] }).items.length, 1);
    const almost = advanceClock(deleted.cluster, COLLECTION_DELAY_MS - 1);
    assert.equal(webSets(almost).length, 1);
    const later = advanceClock(deleted.cluster, COLLECTION_DELAY_MS + 5_000);
    assert.equal(webSets(later).length, 0);
    assert.equal(webPods(later).length, 0, 'the pods go with their ReplicaSet');
  });

  it('a ReplicaSet kubectl deletes itself before the collector comes is simply gone', () => {
    const deleted = handle(withDeployment(), request('DELETE', '/apis/apps/v1/namespaces/default/deployments/web'));
    const name = webSets(deleted.cluster)[0]?.metadata.name ?? '';
    const rs = handle(deleted.cluster, request('DELETE', `/apis/apps/v1/namespaces/default/replicasets/${name}`));
    assert.equal(rs.response.status, 200);
    assert.equal(webSets(advanceClock(rs.cluster, COLLECTION_DELAY_MS * 2)).length, 0);
  });
});

describe('kubectl delete all --all against the lab, as on a real cluster and in the sandbox', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  let now = Date.now();
  before(async () => {
    // The clock stands still while kubectl runs, as it nearly does on a real cluster between
    // kubectl's DELETE of the Deployment and its list of ReplicaSets. Its pods would never finish
    // terminating then, so kubectl does not wait for them (--wait=false; the lines are the same).
    server = await startServer({ seed: 5, port: 0, home: tempDir('nodeport-lab-gc-'), clock: () => now, log: () => undefined });
    await realKubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'], server.kubeconfig);
    now += 20_000;
  });
  after(async () => {
    await server?.stop();
  });

  it('prints the ReplicaSet it deleted after the Deployment, as the sandbox does', async () => {
    const sandbox = new Session(5);
    sandbox.run('create deployment web --image=nginx --replicas=2');
    sandbox.wait(20);
    const real = await realKubectl(['delete', 'all', '--all', '--wait=false'], server.kubeconfig);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /^deployment\.apps "web" deleted\nreplicaset\.apps "web-[a-z0-9]+" deleted\n$/m);
    const sim = sandbox.run('delete all --all --wait=false');
    assert.equal(sim.stdout.replace(/web-[a-z0-9]+(-[a-z0-9]+)?/g, 'web-X'), real.stdout.replace(/web-[a-z0-9]+(-[a-z0-9]+)?/g, 'web-X'));
  });
});
