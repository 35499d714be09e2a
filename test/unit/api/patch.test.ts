// PATCH in the lab's API as a pure handler: the three patch types by Content-Type, the API's
// refusals as Status, and what a hostile client sends (a broken body, an unknown type).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, findService, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { patchTypeOf } from '../../../src/core/api/patch.js';
import type { ApiRequest } from '../../../src/core/api/request.js';

function request(method: string, url: string, body: string, contentType = 'application/json'): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType, body };
}

function withService(): Cluster {
  const svc = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
  });
  const created = handle(createCluster({ seed: 2 }), request('POST', '/api/v1/namespaces/default/services', svc));
  assert.equal(created.response.status, 201);
  return created.cluster;
}

const SVC = '/api/v1/namespaces/default/services/web';

describe('PATCH in the lab API', () => {
  it('reads the patch type from the Content-Type, parameters and case aside', () => {
    assert.equal(patchTypeOf('application/strategic-merge-patch+json'), 'strategic');
    assert.equal(patchTypeOf('application/merge-patch+json; charset=utf-8'), 'merge');
    assert.equal(patchTypeOf('Application/JSON-Patch+JSON'), 'json');
    assert.equal(patchTypeOf('application/apply-patch+yaml'), undefined);
  });

  it('a strategic merge patch merges ports by port; a merge patch replaces the list', () => {
    const cluster = withService();
    const strategic = handle(cluster, request('PATCH', SVC, '{"spec":{"ports":[{"port":80,"nodePort":31231}]}}', 'application/strategic-merge-patch+json'));
    assert.equal(strategic.response.status, 200);
    assert.deepEqual(
      findService(strategic.cluster, 'web')?.spec.ports.map((p) => [p.port, p.targetPort, p.nodePort]),
      [[80, 80, 31231]],
    );
    const body = JSON.parse(strategic.response.body) as { spec: { ports: { nodePort: number }[] } };
    assert.equal(body.spec.ports[0]?.nodePort, 31231, 'the answer is the object after the patch');
    const merged = handle(strategic.cluster, request('PATCH', SVC, '{"spec":{"ports":[{"port":8080}]}}', 'application/merge-patch+json'));
    assert.equal(merged.response.status, 200);
    assert.deepEqual(
      findService(merged.cluster, 'web')?.spec.ports.map((p) => p.port),
      [8080],
    );
  });

  it('refusals are the API’s Status: Invalid with its field, NotFound, and a server-side apply without the name on the URL', () => {
    const cluster = withService();
    const invalid = handle(cluster, request('PATCH', SVC, '{"spec":{"ports":[{"port":80,"nodePort":29999}]}}', 'application/strategic-merge-patch+json'));
    assert.equal(invalid.response.status, 422);
    const status = JSON.parse(invalid.response.body) as { reason: string; details: { causes: { field: string }[] } };
    assert.equal(status.reason, 'Invalid');
    assert.equal(status.details.causes[0]?.field, 'spec.ports[0].nodePort');
    assert.equal(invalid.cluster, cluster, 'a refused patch changes nothing');
    const missing = handle(cluster, request('PATCH', '/api/v1/namespaces/default/services/nope', '{}', 'application/merge-patch+json'));
    assert.equal(missing.response.status, 404);
    const apply = handle(cluster, request('PATCH', SVC, 'spec: {}', 'application/apply-patch+yaml'));
    assert.equal(apply.response.status, 400);
    assert.equal(apply.cluster, cluster);
  });

  it('a broken body or a JSON patch that does not fit is refused without a change', () => {
    const cluster = withService();
    const broken = handle(cluster, request('PATCH', SVC, '{"spec":', 'application/merge-patch+json'));
    assert.equal(broken.response.status, 400);
    const unfit = handle(cluster, request('PATCH', SVC, '[{"op":"remove","path":"/spec/nothere"}]', 'application/json-patch+json'));
    assert.equal(unfit.response.status, 422);
    assert.match(JSON.parse(unfit.response.body).message as string, /remove operation does not apply/);
    assert.equal(unfit.cluster, cluster);
  });
});
