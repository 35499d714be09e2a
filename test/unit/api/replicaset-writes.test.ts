// A bare ReplicaSet through the lab's API as a pure handler: POST makes it and the controller its
// pods, the API server's Invalid (pkg/apis/apps/validation/validation.go ValidateReplicaSetSpec)
// comes back as a Status with causes, kubectl apply's PATCH and a server-side apply change its
// count, PUT replaces it (and refuses a new selector), and a server dry run keeps nothing.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, findReplicaSet, podsOfReplicaSet, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';

function request(method: string, url: string, body = '', contentType = 'application/json'): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType, body };
}

const RS = '/apis/apps/v1/namespaces/default/replicasets';
const manifest = (replicas: number, selector: Record<string, string> = { tier: 'frontend' }): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'frontend', labels: { app: 'guestbook' } },
  spec: {
    replicas,
    selector: { matchLabels: selector },
    template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php-redis', image: 'nginx' }] } },
  },
});

const body = (r: { response: { body: string } }): Record<string, unknown> => JSON.parse(r.response.body) as Record<string, unknown>;
const podCount = (cluster: Cluster): number => {
  const rs = findReplicaSet(cluster, 'frontend');
  return rs ? podsOfReplicaSet(cluster, rs).filter((p) => !p.terminating).length : 0;
};

function withReplicaSet(replicas = 2): Cluster {
  const created = handle(createCluster({ seed: 5 }), request('POST', RS, JSON.stringify(manifest(replicas))));
  assert.equal(created.response.status, 201, created.response.body);
  return created.cluster;
}

describe('a bare ReplicaSet in the lab API', () => {
  it('POST makes it and its pods; the answer is the stored object; again is AlreadyExists', () => {
    const cluster = withReplicaSet(2);
    assert.equal(podCount(cluster), 2);
    const again = handle(cluster, request('POST', RS, JSON.stringify(manifest(2))));
    assert.equal(again.response.status, 409);
    assert.equal(body(again).message, 'replicasets.apps "frontend" already exists');
    assert.deepEqual(body(again).details, { name: 'frontend', group: 'apps', kind: 'replicasets' });
  });

  it("refuses what ValidateReplicaSetSpec refuses, with the API server's causes", () => {
    const m = manifest(-1, { tier: 'backend' });
    const r = handle(createCluster({ seed: 5 }), request('POST', RS, JSON.stringify(m)));
    assert.equal(r.response.status, 422);
    const status = body(r);
    assert.equal(
      status.message,
      'ReplicaSet.apps "frontend" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: map[string]string{"tier":"frontend"}: `selector` does not match template `labels`]',
    );
    // errors.NewInvalid takes a GroupKind: the details name the group apart, as kubectl reads them
    // for "The ReplicaSet "frontend" is invalid".
    const details = status.details as Record<string, unknown>;
    assert.equal(details.group, 'apps');
    assert.equal(details.kind, 'ReplicaSet');
    assert.deepEqual(
      (details.causes as { field: string }[]).map((c) => c.field),
      ['spec.replicas', 'spec.template.metadata.labels'],
    );
    assert.equal(findReplicaSet(r.cluster, 'frontend'), undefined);
  });

  it("kubectl apply's PATCH and a server-side apply change the count; a server dry run keeps nothing", () => {
    let cluster = withReplicaSet(2);
    const lastApplied = JSON.stringify(manifest(4));
    const patched = handle(
      cluster,
      request(
        'PATCH',
        `${RS}/frontend`,
        JSON.stringify({ metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } }, spec: { replicas: 4 } }),
        'application/strategic-merge-patch+json',
      ),
    );
    assert.equal(patched.response.status, 200, patched.response.body);
    cluster = patched.cluster;
    assert.equal(podCount(cluster), 4);
    const ssa = handle(cluster, request('PATCH', `${RS}/frontend?fieldManager=kubectl`, JSON.stringify(manifest(1)), 'application/apply-patch+yaml'));
    assert.equal(ssa.response.status, 200, ssa.response.body);
    assert.equal(podCount(ssa.cluster), 1);
    const dry = handle(ssa.cluster, request('PUT', `${RS}/frontend?dryRun=All`, JSON.stringify(manifest(5))));
    assert.equal(dry.response.status, 200, dry.response.body);
    assert.equal((body(dry).spec as { replicas: number }).replicas, 5);
    assert.equal(findReplicaSet(dry.cluster, 'frontend')?.spec.replicas, 1);
  });

  it('PUT replaces it; a changed selector is immutable; a missing one is NotFound', () => {
    const cluster = withReplicaSet(2);
    const put = handle(cluster, request('PUT', `${RS}/frontend`, JSON.stringify(manifest(3))));
    assert.equal(put.response.status, 200, put.response.body);
    assert.equal(podCount(put.cluster), 3);
    const moved = handle(put.cluster, request('PUT', `${RS}/frontend`, JSON.stringify(manifest(3, { tier: 'frontend', app: 'x' }))));
    assert.equal(moved.response.status, 422);
    assert.match(String(body(moved).message), /spec\.selector: Invalid value: v1\.LabelSelector\{.*\}: field is immutable/);
    const gone = handle(createCluster({ seed: 5 }), request('PUT', `${RS}/frontend`, JSON.stringify(manifest(3))));
    assert.equal(gone.response.status, 404);
    assert.equal(body(gone).message, 'replicasets.apps "frontend" not found');
  });
});

describe('the controllers after a write through the API', () => {
  it('an orphan a PATCH gives the selector’s labels is adopted at once, as after the sandbox’s kubectl label (controller_ref_manager.go ClaimPods)', () => {
    const cluster = withReplicaSet(2);
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', labels: { tier: 'other' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    };
    const made = handle(cluster, request('POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod)));
    assert.equal(made.response.status, 201, made.response.body);
    const patched = handle(
      made.cluster,
      request('PATCH', '/api/v1/namespaces/default/pods/stray', '{"metadata":{"labels":{"tier":"frontend"}}}', 'application/merge-patch+json'),
    );
    assert.equal(patched.response.status, 200, patched.response.body);
    const stray = patched.cluster.pods.find((p) => p.metadata.name === 'stray');
    assert.equal(stray?.owner?.name, 'frontend', 'the ReplicaSet owns the pod the patch made match');
    assert.equal(podCount(patched.cluster), 2, 'and lets one of its own go, to keep 2');
  });
});
