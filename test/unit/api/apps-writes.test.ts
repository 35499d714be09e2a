// apps/v1 writes in the lab's API as a pure handler: a Deployment created from JSON and refused
// again with the group in its Status, the scale subresource read, patched, replaced and refused
// below zero, a ReplicaSet deleted and made again, the deployment deleted with what it owned, and
// a watch of deployments that sees a scale as one MODIFIED row.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLLECTION_DELAY_MS, advanceClock, createCluster, findDeployment, replicaSetsOf, type Cluster } from '../../../src/core/cluster/index.js';
import { handle, watchEntries } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';

function request(method: string, url: string, body = '', contentType = 'application/json', accept = 'application/json'): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept, contentType, body };
}

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const manifest = (replicas: number): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'kubenginx', image: 'stacksimplify/kubenginx:1.0.0' }] } },
    },
  });

function withDeployment(replicas = 2): Cluster {
  const created = handle(createCluster({ seed: 5 }), request('POST', DEPLOYMENTS, manifest(replicas)));
  assert.equal(created.response.status, 201, created.response.body);
  return created.cluster;
}

const body = (r: { response: { body: string } }): Record<string, unknown> => JSON.parse(r.response.body) as Record<string, unknown>;

describe('apps/v1 writes in the lab API', () => {
  it('creates a deployment with its ReplicaSet and pods; a second create is AlreadyExists with the group', () => {
    const cluster = withDeployment();
    assert.equal(findDeployment(cluster, 'web')?.spec.replicas, 2);
    // The cluster's own CoreDNS ReplicaSet lives in kube-system.
    assert.equal(replicaSetsOf(cluster).filter((rs) => rs.metadata.namespace === 'default').length, 1);
    assert.equal(cluster.pods.filter((p) => p.metadata.labels.app === 'web').length, 2);
    const again = handle(cluster, request('POST', DEPLOYMENTS, manifest(2)));
    assert.equal(again.response.status, 409);
    assert.deepEqual(body(again), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "web" already exists',
      reason: 'AlreadyExists',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
      code: 409,
    });
    const bad = handle(cluster, request('POST', DEPLOYMENTS, '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},"spec":{"replicaz":1}}'));
    assert.equal(bad.response.status, 400);
    assert.match(String(body(bad).message), /unknown field "spec.replicaz"/);
  });

  it("kubectl apply's patch of a deployment in another namespace changes that one, not default's", () => {
    let cluster = handle(
      createCluster({ seed: 5 }),
      request('POST', '/api/v1/namespaces', '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}'),
    ).cluster;
    const TEAM = '/apis/apps/v1/namespaces/team/deployments';
    cluster = handle(cluster, request('POST', TEAM, manifest(1))).cluster;
    assert.equal(findDeployment(cluster, 'web', 'team')?.spec.replicas, 1);
    const lastApplied = manifest(3);
    const patched = handle(
      cluster,
      request(
        'PATCH',
        `${TEAM}/web`,
        JSON.stringify({ metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } }, spec: { replicas: 3 } }),
        'application/strategic-merge-patch+json',
      ),
    );
    assert.equal(patched.response.status, 200, patched.response.body);
    assert.equal(findDeployment(patched.cluster, 'web', 'team')?.spec.replicas, 3);
    assert.equal(findDeployment(patched.cluster, 'web', 'default'), undefined);
  });

  it('serves deployments/scale: get, merge patch, put, and a count below zero refused', () => {
    let cluster = withDeployment();
    const scale = `${DEPLOYMENTS}/web/scale`;
    const got = handle(cluster, request('GET', scale));
    assert.deepEqual(
      [body(got).kind, body(got).apiVersion, body(got).spec, (body(got).status as { selector: string }).selector],
      ['Scale', 'autoscaling/v1', { replicas: 2 }, 'app=web'],
    );
    const patched = handle(cluster, request('PATCH', scale, '{"spec":{"replicas":3}}', 'application/merge-patch+json'));
    assert.equal(patched.response.status, 200);
    cluster = patched.cluster;
    assert.equal(findDeployment(cluster, 'web')?.spec.replicas, 3);
    const put = handle(cluster, request('PUT', scale, '{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web"},"spec":{"replicas":1}}'));
    assert.equal(findDeployment(put.cluster, 'web')?.spec.replicas, 1);
    const negative = handle(put.cluster, request('PATCH', scale, '{"spec":{"replicas":-1}}', 'application/merge-patch+json'));
    assert.equal(negative.response.status, 422);
    assert.equal(body(negative).message, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    assert.equal(negative.cluster, put.cluster);
    const missing = handle(cluster, request('GET', `${DEPLOYMENTS}/nope/scale`));
    assert.equal(missing.response.status, 404);
    assert.equal(body(missing).message, 'deployments.apps "nope" not found');
  });

  it('deletes a ReplicaSet (the deployment makes another) and the deployment with what it owned', () => {
    const cluster = withDeployment();
    const rs = replicaSetsOf(cluster).find((r) => r.metadata.namespace === 'default')?.metadata.name ?? '';
    const gone = handle(cluster, request('DELETE', `/apis/apps/v1/namespaces/default/replicasets/${rs}`));
    assert.equal(gone.response.status, 200);
    assert.equal(replicaSetsOf(gone.cluster).filter((r) => r.metadata.namespace === 'default').length, 1, 'the deployment made a new one');
    const deleted = handle(gone.cluster, request('DELETE', `${DEPLOYMENTS}/web`));
    assert.equal(deleted.response.status, 200);
    assert.equal(findDeployment(deleted.cluster, 'web'), undefined);
    // What it owned is the garbage collector's, a moment later (garbage-collection.test.ts).
    assert.equal(replicaSetsOf(deleted.cluster).filter((r) => r.metadata.namespace === 'default').length, 1);
    const collected = advanceClock(deleted.cluster, COLLECTION_DELAY_MS);
    assert.equal(replicaSetsOf(collected).filter((r) => r.metadata.namespace === 'default').length, 0);
    // Its pods terminate gracefully (pod-termination.ts) and are gone once they have stopped.
    assert.ok(collected.pods.filter((p) => p.metadata.labels.app === 'web').every((p) => p.terminating));
    assert.equal(advanceClock(collected, 1000).pods.filter((p) => p.metadata.labels.app === 'web').length, 0);
    assert.equal(handle(deleted.cluster, request('DELETE', `${DEPLOYMENTS}/web`)).response.status, 404);
  });

  it('a watch of deployments lists them by namespace and name and sees a scale as a change of one entry', () => {
    const cluster = withDeployment();
    const watch = request('GET', `${DEPLOYMENTS}?watch=true`, '', 'application/json', 'application/json;as=Table;v=v1;g=meta.k8s.io');
    const before = watchEntries(cluster, watch);
    assert.ok(before.ok);
    assert.deepEqual(
      before.entries.map((e) => e.name),
      ['default/web'],
    );
    const scaled = handle(cluster, request('PATCH', `${DEPLOYMENTS}/web/scale`, '{"spec":{"replicas":4}}', 'application/merge-patch+json'));
    const after = watchEntries(scaled.cluster, watch);
    assert.ok(after.ok);
    assert.notEqual(after.entries[0]?.key, before.entries[0]?.key);
    const row = after.entries[0]?.event as { kind: string; rows: { cells: unknown[] }[] };
    assert.equal(row.kind, 'Table');
    assert.deepEqual(row.rows[0]?.cells.slice(0, 2), ['web', '0/4']);
    const rsWatch = watchEntries(scaled.cluster, request('GET', '/apis/apps/v1/namespaces/default/replicasets?watch=true'));
    assert.ok(rsWatch.ok);
    assert.equal(rsWatch.entries.length, 1);
  });
});
