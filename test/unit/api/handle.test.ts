// The lab's API handler as a pure function: paths, lists, Tables, selectors, Status errors, and
// what a hostile client sends (apimachinery's endpoint handlers and errors.go name the shapes).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceClock, createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { serviceManifest } from '../../../src/core/api/service-proto.js';
import { readFields, unwrap, WireError } from '../../../src/core/api/protobuf.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function request(method: string, url: string, body = '', extra: Partial<ApiRequest> = {}): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType: 'application/json', body, ...extra };
}

function call(cluster: Cluster, req: ApiRequest): { cluster: Cluster; status: number; body: Record<string, unknown> } {
  const { cluster: next, response } = handle(cluster, req);
  return {
    cluster: next,
    status: response.status,
    body: response.contentType === 'application/json' ? (JSON.parse(response.body) as Record<string, unknown>) : { text: response.body },
  };
}

const POD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { run: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
});

describe('the lab API', () => {
  const fresh = () => createCluster({ seed: 3 });

  it('discovery lists pods and services with their short names', () => {
    const { body } = call(fresh(), request('GET', '/api/v1'));
    const resources = body.resources as { name: string; shortNames?: string[] }[];
    assert.deepEqual(resources.find((r) => r.name === 'services')?.shortNames, ['svc']);
    assert.ok(resources.some((r) => r.name === 'pods/log'));
  });

  it('create, get, list as a Table with wide columns at priority 1, delete', () => {
    let cluster = fresh();
    const created = call(cluster, request('POST', '/api/v1/namespaces/default/pods', POD));
    assert.equal(created.status, 201);
    cluster = created.cluster;
    const table = call(cluster, request('GET', '/api/v1/namespaces/default/pods', '', { accept: TABLE })).body;
    assert.equal(table.kind, 'Table');
    const columns = table.columnDefinitions as { name: string; priority: number }[];
    assert.deepEqual(
      columns.filter((c) => c.priority === 0).map((c) => c.name),
      ['Name', 'Ready', 'Status', 'Restarts', 'Age'],
    );
    assert.equal(columns.find((c) => c.name === 'Ip')?.priority, 1);
    const rows = table.rows as { cells: string[] }[];
    assert.equal(rows[0]?.cells[0], 'web');
    const again = call(cluster, request('POST', '/api/v1/namespaces/default/pods', POD));
    assert.equal(again.status, 409);
    assert.equal(again.body.reason, 'AlreadyExists');
    assert.equal(again.body.message, 'pods "web" already exists');
    const deleted = call(cluster, request('DELETE', '/api/v1/namespaces/default/pods/web'));
    assert.equal(deleted.status, 200);
    // The pod stays, Terminating, until its container has stopped.
    assert.equal(call(deleted.cluster, request('GET', '/api/v1/namespaces/default/pods/web')).status, 200);
    assert.equal(call(advanceClock(deleted.cluster, 1000), request('GET', '/api/v1/namespaces/default/pods/web')).status, 404);
  });

  it('a list is a PodList whose items carry no kind of their own; selectors filter it', () => {
    const { cluster } = call(fresh(), request('POST', '/api/v1/namespaces/default/pods', POD));
    const list = call(cluster, request('GET', '/api/v1/namespaces/default/pods?labelSelector=run%3Dweb')).body;
    assert.equal(list.kind, 'PodList');
    const items = list.items as Record<string, unknown>[];
    assert.equal(items.length, 1);
    assert.equal(items[0]?.kind, undefined);
    assert.equal((call(cluster, request('GET', '/api/v1/namespaces/default/pods?labelSelector=run%3Dother')).body.items as unknown[]).length, 0);
    assert.equal((call(cluster, request('GET', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb')).body.items as unknown[]).length, 1);
    assert.equal((call(cluster, request('GET', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name!%3Dweb')).body.items as unknown[]).length, 0);
  });

  it('an invalid Service is a 422 Status whose causes carry the field, as errors.NewInvalid builds it', () => {
    const svc = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'low' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] },
    });
    const { status, body } = call(fresh(), request('POST', '/api/v1/namespaces/default/services', svc));
    assert.equal(status, 422);
    assert.equal(body.reason, 'Invalid');
    assert.equal(
      body.message,
      'Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    const details = body.details as { kind: string; causes: { field: string; reason: string }[] };
    assert.equal(details.kind, 'Service');
    assert.deepEqual(
      details.causes.map((c) => [c.field, c.reason]),
      [['spec.ports[0].nodePort', 'FieldValueInvalid']],
    );
  });

  it('malformed JSON, an unknown path, an unknown verb: a Status each, the cluster unchanged', () => {
    const cluster = fresh();
    for (const [req, code] of [
      [request('POST', '/api/v1/namespaces/default/pods', '{"kind": '), 400],
      [request('POST', '/api/v1/namespaces/default/pods', '[]'), 400],
      [request('POST', '/api/v1/namespaces/default/pods', 'null'), 400],
      [request('GET', '/api/v1/namespaces/default/secrets'), 404],
      [request('GET', '/apis/batch/v1/jobs'), 404],
      [request('GET', '/apis/apps/v1/statefulsets'), 404],
      [request('GET', '/../../etc/passwd'), 404],
      [request('PUT', '/api/v1/namespaces/default/pods'), 405],
      [request('BREW', '/api/v1/namespaces/default/pods/x'), 405],
    ] as const) {
      const answer = call(cluster, req);
      assert.equal(answer.status, code, `${req.method} ${req.path}`);
      assert.equal(answer.body.kind, 'Status');
      assert.equal(answer.cluster, cluster);
    }
  });

  it('a __proto__ key in a body is data, not a prototype', () => {
    const body =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"__proto__":{"polluted":"yes"}}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}';
    call(fresh(), request('POST', '/api/v1/namespaces/default/pods', body));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('protobuf bodies (kubectl create service)', () => {
  // What the real kubectl 1.32 sent for `kubectl create svc nodeport too-low --tcp=80:80 --node-port 29999`.
  const CAPTURED = Buffer.from(
    '6b3873000a0d0a02763112075365727669636512730a270a07746f6f2d6c6f7712001a0022002a003200380042005a0e0a036170701207746f6f2d6c6f7712440a1a0a0538302d3830120354435018502206080010501a0028afea01120e0a036170701207746f6f2d6c6f771a0022084e6f6465506f72743a00420052005a00600068001a020a001a002200',
    'hex',
  );

  it('reads the Service kubectl built, as its JSON would have said it', () => {
    const envelope = unwrap(CAPTURED);
    assert.equal(envelope.apiVersion, 'v1');
    assert.equal(envelope.kind, 'Service');
    assert.deepEqual(serviceManifest(envelope.raw), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'too-low', labels: { app: 'too-low' } },
      spec: { ports: [{ name: '80-80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 29999 }], selector: { app: 'too-low' }, type: 'NodePort' },
    });
  });

  it('a truncated or garbled body is a WireError, never a hang or a crash', () => {
    for (let cut = 5; cut < CAPTURED.length; cut += 7) {
      try {
        const envelope = unwrap(CAPTURED.subarray(0, cut));
        serviceManifest(envelope.raw);
      } catch (e) {
        assert.ok(e instanceof WireError, String(e));
      }
    }
    assert.throws(() => readFields(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), WireError);
    assert.throws(() => unwrap(Buffer.from('{"kind":"Service"}')), WireError);
  });

  it('through the handler: a protobuf create answers as a JSON create does', () => {
    const { status, body } = call(
      createCluster({ seed: 1 }),
      request('POST', '/api/v1/namespaces/default/services', '', { contentType: 'application/vnd.kubernetes.protobuf', raw: CAPTURED }),
    );
    assert.equal(status, 422);
    assert.match(String(body.message), /^Service "too-low" is invalid: spec\.ports\[0\]\.nodePort: Invalid value: 29999/);
  });
});
