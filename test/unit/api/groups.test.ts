// apps/v1 and discovery.k8s.io/v1 in the lab's API, as a pure handler: discovery names the groups
// and their resources (scale and status subresources for kubectl scale and rollout), lists carry the
// group's apiVersion, Tables come from the sandbox's printers, and only "default" holds objects.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { runKubectl, type KubectlIO } from '../../../src/core/kubectl/index.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;

function get(cluster: Cluster, url: string, accept = 'application/json'): { status: number; body: Record<string, unknown> } {
  const parsed = new URL(url, 'http://127.0.0.1');
  const { response } = handle(cluster, {
    method: 'GET',
    path: parsed.pathname,
    query: new Map(parsed.searchParams),
    accept,
    contentType: '',
    body: '',
  } satisfies ApiRequest);
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

function withDeployment(): Cluster {
  const made = runKubectl(createCluster({ seed: 8 }), ['create', 'deployment', 'web', '--image=nginx', '--replicas=2'], io);
  assert.equal(made.exitCode, 0, made.stderr);
  return made.cluster;
}

describe('API groups beyond core/v1', () => {
  it('/apis names apps/v1 and discovery.k8s.io/v1; each lists its resources', () => {
    const groups = get(createCluster({ seed: 1 }), '/apis').body.groups as { name: string; preferredVersion: { groupVersion: string } }[];
    assert.deepEqual(
      groups.map((g) => g.preferredVersion.groupVersion),
      ['apps/v1', 'discovery.k8s.io/v1'],
    );
    const apps = get(createCluster({ seed: 1 }), '/apis/apps/v1').body.resources as { name: string; shortNames?: string[]; kind: string }[];
    assert.deepEqual(
      apps.map((r) => r.name),
      ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status'],
    );
    assert.deepEqual(apps[0]?.shortNames, ['ds']);
    assert.deepEqual(apps[2]?.shortNames, ['deploy']);
    assert.equal(apps[3]?.kind, 'Scale');
    assert.equal(get(createCluster({ seed: 1 }), '/apis/apps').body.kind, 'APIGroup');
  });

  it('lists deployments and their replicaset as the group’s lists and as Tables', () => {
    const cluster = withDeployment();
    const list = get(cluster, '/apis/apps/v1/namespaces/default/deployments');
    assert.equal(list.body.kind, 'DeploymentList');
    assert.equal(list.body.apiVersion, 'apps/v1');
    assert.equal((list.body.items as unknown[]).length, 1);
    const table = get(cluster, '/apis/apps/v1/namespaces/default/replicasets', TABLE);
    assert.equal(table.body.kind, 'Table');
    assert.match(String(((table.body.rows as { cells: unknown[] }[])[0]?.cells ?? [])[0]), /^web-/);
    const slices = get(cluster, '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dkubernetes');
    assert.equal(slices.status, 200);
  });

  it('one by name; a missing one is NotFound in the group’s words; another namespace holds nothing', () => {
    const cluster = withDeployment();
    assert.equal(get(cluster, '/apis/apps/v1/namespaces/default/deployments/web').body.kind, 'Deployment');
    const missing = get(cluster, '/apis/apps/v1/namespaces/default/deployments/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'deployments.apps "nope" not found');
    assert.deepEqual(get(cluster, '/apis/apps/v1/namespaces/other/deployments').body.items, []);
    assert.equal(get(cluster, '/apis/apps/v2/deployments').status, 404);
  });
});
