// The lab API in namespaces: namespaces created, listed, patched and deleted; objects in any
// namespace; cluster-wide lists; the kube-apiserver's answers for a missing namespace (a create is
// 404 namespaces "x" not found, a list is empty: plugin/pkg/admission/namespace/lifecycle and the
// registry's list) and for an immortal one (403 "this namespace may not be deleted").

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceClock, createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';

function request(method: string, url: string, body = '', extra: Partial<ApiRequest> = {}): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType: 'application/json', body, ...extra };
}

function call(cluster: Cluster, req: ApiRequest): { cluster: Cluster; status: number; body: Record<string, unknown> } {
  const { cluster: next, response } = handle(cluster, req);
  return { cluster: next, status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

const pod = (name: string, namespace?: string): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  });
const NS = (name: string): string =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'nodeport-lab' } } });
const names = (body: Record<string, unknown>): string[] =>
  (body.items as { metadata: { namespace?: string; name: string } }[]).map((i) => `${i.metadata.namespace ?? ''}/${i.metadata.name}`);

describe('the lab API in namespaces', () => {
  it('a create in a missing namespace is 404 NotFound for the namespace, as kube-apiserver says it', () => {
    const r = call(createCluster({ seed: 3 }), request('POST', '/api/v1/namespaces/foo/pods', pod('web')));
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'namespaces "foo" not found',
      reason: 'NotFound',
      details: { name: 'foo', kind: 'namespaces' },
      code: 404,
    });
  });

  it('creates a labelled namespace, objects in it, lists them per namespace and cluster-wide, deletes the namespace', () => {
    let cluster = createCluster({ seed: 3 });
    const made = call(cluster, request('POST', '/api/v1/namespaces', NS('nodeport-lab-5')));
    assert.equal(made.status, 201);
    assert.deepEqual((made.body.metadata as { labels: unknown }).labels, {
      'app.kubernetes.io/managed-by': 'nodeport-lab',
      'kubernetes.io/metadata.name': 'nodeport-lab-5',
    });
    cluster = made.cluster;
    const listed = call(cluster, request('GET', '/api/v1/namespaces?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dnodeport-lab'));
    assert.deepEqual(names(listed.body), ['/nodeport-lab-5']);
    cluster = call(cluster, request('POST', '/api/v1/namespaces/nodeport-lab-5/pods', pod('web'))).cluster;
    cluster = call(cluster, request('POST', '/api/v1/namespaces/default/pods', pod('web'))).cluster;
    const mismatch = call(cluster, request('POST', '/api/v1/namespaces/default/pods', pod('other', 'nodeport-lab-5')));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.message, 'the namespace of the provided object does not match the namespace sent on the request');
    assert.deepEqual(names(call(cluster, request('GET', '/api/v1/namespaces/nodeport-lab-5/pods')).body), ['nodeport-lab-5/web']);
    assert.deepEqual(
      names(call(cluster, request('GET', '/api/v1/pods')).body).filter((n) => !n.startsWith('kube-')),
      ['default/web', 'nodeport-lab-5/web'],
    );
    assert.equal(call(cluster, request('GET', '/api/v1/namespaces/nowhere/pods')).status, 200, 'a list in a missing namespace is empty, not an error');
    assert.equal(call(cluster, request('GET', '/api/v1/namespaces/nodeport-lab-5/pods/web')).status, 200);
    const patched = call(
      cluster,
      request('PATCH', '/api/v1/namespaces/nodeport-lab-5', JSON.stringify({ metadata: { labels: { lesson: '5', 'app.kubernetes.io/managed-by': null } } }), {
        contentType: 'application/merge-patch+json',
      }),
    );
    assert.deepEqual((patched.body.metadata as { labels: unknown }).labels, { lesson: '5', 'kubernetes.io/metadata.name': 'nodeport-lab-5' });
    cluster = patched.cluster;
    const deleted = call(cluster, request('DELETE', '/api/v1/namespaces/nodeport-lab-5'));
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body.status, { phase: 'Terminating' });
    // The namespace controller empties it; it is gone on its next pass (estimate/2 + 1 seconds).
    assert.equal(call(deleted.cluster, request('GET', '/api/v1/namespaces/nodeport-lab-5')).status, 200);
    cluster = advanceClock(deleted.cluster, 16_000);
    assert.deepEqual(
      names(call(cluster, request('GET', '/api/v1/pods')).body).filter((n) => !n.startsWith('kube-')),
      ['default/web'],
    );
    assert.equal(call(cluster, request('GET', '/api/v1/namespaces/nodeport-lab-5')).status, 404);
  });

  it('refuses to delete a built-in namespace with 403 Forbidden', () => {
    const r = call(createCluster({ seed: 3 }), request('DELETE', '/api/v1/namespaces/kube-system'));
    assert.equal(r.status, 403);
    assert.equal(r.body.message, 'namespaces "kube-system" is forbidden: this namespace may not be deleted');
    assert.equal(r.body.reason, 'Forbidden');
  });
});
