// src/core/shell/complete.ts: the new verbs, types and deployment names complete.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, createDeployment } from '../../../src/core/cluster/index.js';
import { complete } from '../../../src/core/shell/complete.js';

const cluster = (() => {
  const c = createDeployment(createCluster({ seed: 1 }), {
    name: 'web',
    replicas: 1,
    selector: { app: 'web' },
    template: { labels: { app: 'web' }, containers: [{ name: 'nginx', image: 'nginx', ports: [], env: [], imagePullPolicy: 'Always' }] },
  });
  assert.ok(c.ok);
  return c.cluster;
})();

describe('completion of the workload verbs', () => {
  it('kubectl sc<Tab> completes scale; rollout status <Tab> offers deployment/web', () => {
    assert.equal(complete('kubectl sc', cluster, []).line, 'kubectl scale ');
    assert.equal(complete('kubectl rollout status ', cluster, []).line, 'kubectl rollout status deployment/web ');
  });
  it('get dep<Tab> offers deploy and deployments; get deploy <Tab> the deployment', () => {
    assert.deepEqual(complete('kubectl get dep', cluster, []).candidates, ['deploy', 'deployments']);
    assert.equal(complete('kubectl get deploy ', cluster, []).line, 'kubectl get deploy web ');
  });
});
