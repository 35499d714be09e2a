// PUT of a pod and of a namespace through the lab's API (what `kubectl replace -f` sends): the
// pod's metadata is replaced whole and its image may change, any other spec change is the 422 of
// ValidatePodUpdate (pkg/apis/core/validation/validation.go); a namespace keeps its spec and takes
// the body's labels (pkg/registry/core/namespace/strategy.go PrepareForUpdate).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, findPod, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';

function request(method: string, url: string, body = ''): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType: 'application/json', body };
}

const PODS = '/api/v1/namespaces/default/pods';
const pod = (labels: Record<string, string>, image: string, restartPolicy?: string): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p1', labels },
    spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'c', image }] },
  });
const status = (r: { response: { body: string } }): Record<string, unknown> => JSON.parse(r.response.body) as Record<string, unknown>;

function withPod(): Cluster {
  const created = handle(createCluster({ seed: 4 }), request('POST', PODS, pod({ app: 'p1' }, 'nginx')));
  assert.equal(created.response.status, 201, created.response.body);
  return created.cluster;
}

describe('PUT of a pod', () => {
  it('takes the live pod back with new labels and a new image; a dry run keeps the pod as it was', () => {
    const cluster = withPod();
    const live = JSON.parse(handle(cluster, request('GET', `${PODS}/p1`)).response.body) as {
      metadata: { labels: Record<string, string> };
      spec: { containers: { image: string }[] };
    };
    live.metadata.labels = { app: 'p2' };
    live.spec.containers[0]!.image = 'nginx:1.27';
    const body = JSON.stringify(live);
    const dry = handle(cluster, request('PUT', `${PODS}/p1?dryRun=All`, body));
    assert.equal(dry.response.status, 200, dry.response.body);
    assert.deepEqual(findPod(dry.cluster, 'p1')?.metadata.labels, { app: 'p1' });
    const put = handle(cluster, request('PUT', `${PODS}/p1`, body));
    assert.equal(put.response.status, 200, put.response.body);
    assert.deepEqual(findPod(put.cluster, 'p1')?.metadata.labels, { app: 'p2' });
    assert.equal(findPod(put.cluster, 'p1')?.spec.containers[0]?.image, 'nginx:1.27');
  });

  it('refuses the manifest it was created from: the node, service account and token volume would go (ValidatePodUpdate)', () => {
    const cluster = withPod();
    const refused = handle(cluster, request('PUT', `${PODS}/p1`, pod({ app: 'p2' }, 'nginx:1.27')));
    assert.equal(refused.response.status, 422);
    const message = String(status(refused).message);
    assert.match(message, /^Pod "p1" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    assert.match(message, /\n- \tServiceAccountName: +"default",\n\+ \tServiceAccountName: +"",\n/);
    assert.match(message, /\n\+ \tNodeName: +"",\n/);
    assert.equal(findPod(refused.cluster, 'p1')?.spec.containers[0]?.image, 'nginx');
  });

  it('refuses a new restart policy: 422 with the diff; a missing pod is 404; another name is 400', () => {
    const cluster = withPod();
    const refused = handle(cluster, request('PUT', `${PODS}/p1`, pod({ app: 'p1' }, 'nginx', 'Never')));
    assert.equal(refused.response.status, 422);
    const message = String(status(refused).message);
    assert.match(message, /^Pod "p1" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    assert.match(message, /\+ \tRestartPolicy: +"Never",/);
    assert.equal(handle(cluster, request('PUT', `${PODS}/nope`, pod({}, 'nginx').replace('"p1"', '"nope"'))).response.status, 404);
    assert.equal(handle(cluster, request('PUT', `${PODS}/other`, pod({}, 'nginx'))).response.status, 400);
  });
});

describe('PUT of a namespace', () => {
  it("sets the body's labels, the name label kept", () => {
    const made = handle(
      createCluster({ seed: 4 }),
      request('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })),
    );
    assert.equal(made.response.status, 201, made.response.body);
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { tier: 'x' } } });
    const put = handle(made.cluster, request('PUT', '/api/v1/namespaces/team', body));
    assert.equal(put.response.status, 200, put.response.body);
    const labels = (status(put).metadata as { labels: Record<string, string> }).labels;
    assert.deepEqual(labels, { 'kubernetes.io/metadata.name': 'team', tier: 'x' });
  });
});
