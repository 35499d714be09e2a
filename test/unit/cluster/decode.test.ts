import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeObject } from '../../../src/core/cluster/index.js';

describe('strict decoding of manifests', () => {
  it('rejects unknown fields with their full path', () => {
    const r = decodeObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodeport: 31231 }], selectr: {} },
    });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'BadRequest');
      assert.equal(
        r.error.message,
        'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].nodeport", unknown field "spec.selectr"',
      );
    }
  });

  it('reports a wrong type the way encoding/json does', () => {
    const r = decodeObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: '80' }] } });
    assert.equal(r.ok, false);
    if (!r.ok)
      assert.equal(
        r.error.message,
        'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      );
  });

  it('accepts the lecture manifests', () => {
    const pod = decodeObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'myapp-pod', labels: { app: 'myapp' } },
      spec: { containers: [{ name: 'myapp', image: 'stacksimplify/kubenginx:1.0.0', ports: [{ containerPort: 80 }] }] },
    });
    assert.ok(pod.ok);
    if (pod.ok && pod.object.kind === 'Pod') assert.equal(pod.object.input.containers[0]?.ports?.[0]?.containerPort, 80);
    const svc = decodeObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'myapp-pod-nodeport-service' },
      spec: { type: 'NodePort', selector: { app: 'myapp' }, ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 31231 }] },
    });
    assert.ok(svc.ok);
    if (svc.ok && svc.object.kind === 'Service') assert.equal(svc.object.input.ports[0]?.nodePort, 31231);
  });
});
