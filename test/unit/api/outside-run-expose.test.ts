// `kubectl run --expose` from the learner's own kubectl: the pod is posted first, then the Service
// (run.go); the line rebuilt from those requests is the run of the pod, with --expose.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, findService, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { outsideCommand, type Exchange } from '../../../src/core/api/outside-command.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { understand } from '../../../src/core/kubectl/understood.js';

const post = (path: string, body: unknown): ApiRequest => ({
  method: 'POST',
  path,
  query: new Map([['fieldManager', 'kubectl-run']]),
  accept: 'application/json',
  contentType: 'application/json',
  body: JSON.stringify(body),
});

const SERVICE = {
  kind: 'Service',
  apiVersion: 'v1',
  metadata: { name: 'web', creationTimestamp: null },
  spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { run: 'web' } },
  status: { loadBalancer: {} },
};
const POD = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web', creationTimestamp: null, labels: { run: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  status: {},
};

describe('kubectl run --expose, rebuilt from its requests', () => {
  it('names the pod, its image and port, and --expose; the Service is made', () => {
    let cluster: Cluster = createCluster({ seed: 4 });
    const exchanges: Exchange[] = [];
    for (const req of [post('/api/v1/namespaces/default/pods', POD), post('/api/v1/namespaces/default/services', SERVICE)]) {
      const handled = handle(cluster, req);
      cluster = handled.cluster;
      exchanges.push({ command: 'kubectl run', request: req, status: handled.response.status, answer: handled.response.body });
    }
    assert.ok(findService(cluster, 'web'));
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl run web --image=nginx --port=80 --expose');
    const read = understand(command.line);
    assert.ok(read.ok && read.understood.verb === 'run' && read.understood.flags.image === 'nginx');
  });
});
