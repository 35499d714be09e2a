import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, createService, formatFieldError, type Cluster, type ServiceInput } from '../../../src/core/cluster/index.js';

function errorLines(cluster: Cluster, input: ServiceInput): string[] {
  const result = createService(cluster, input);
  assert.equal(result.ok, false, 'expected an error');
  if (result.ok) return [];
  return result.error.causes.map(formatFieldError);
}

const base = (over: Partial<ServiceInput>): ServiceInput => ({ name: 'web', selector: { app: 'web' }, ports: [{ port: 80 }], ...over });

describe('service validation (exact API messages)', () => {
  const cluster = createCluster({ seed: 1 });
  const cases: { name: string; input: ServiceInput; expect: string[] }[] = [
    {
      name: 'nodePort out of range',
      input: base({ type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] }),
      expect: ['spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    },
    {
      name: 'port 0',
      input: base({ ports: [{ port: 0, targetPort: 80 }] }),
      expect: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'port above 65535 and targetPort above 65535',
      input: base({ ports: [{ port: 70000, targetPort: 70001 }] }),
      expect: [
        'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 70001: must be between 1 and 65535, inclusive',
      ],
    },
    {
      name: 'nodePort on a ClusterIP service',
      input: base({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 31000 }] }),
      expect: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    },
    {
      name: 'two ports without names',
      input: base({ ports: [{ port: 80 }, { port: 443 }] }),
      expect: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    },
    {
      name: 'duplicate port names',
      input: base({
        ports: [
          { name: 'http', port: 80 },
          { name: 'http', port: 81 },
        ],
      }),
      expect: ['spec.ports[1].name: Duplicate value: "http"'],
    },
    {
      name: 'named targetPort breaking several IANA_SVC_NAME rules',
      input: base({ ports: [{ port: 80, targetPort: '-Web--Server-Port-' }] }),
      expect: [
        'spec.ports[0].targetPort: Invalid value: "-Web--Server-Port-": must be no more than 15 characters',
        'spec.ports[0].targetPort: Invalid value: "-Web--Server-Port-": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ports[0].targetPort: Invalid value: "-Web--Server-Port-": must not contain consecutive hyphens',
        'spec.ports[0].targetPort: Invalid value: "-Web--Server-Port-": must not begin or end with a hyphen',
      ],
    },
    { name: 'named targetPort with digits only', input: base({ ports: [{ port: 80, targetPort: '8080x' }] }), expect: [] },
    { name: 'no ports', input: base({ ports: [] }), expect: ['spec.ports: Required value'] },
    {
      name: 'type in the wrong case',
      input: base({ type: 'nodeport' }),
      expect: ['spec.type: Unsupported value: "nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.expect.length === 0) {
        assert.equal(createService(cluster, c.input).ok, true);
        return;
      }
      assert.deepEqual(errorLines(cluster, c.input), c.expect);
    });
  }

  it('reports several causes together, in the API server order', () => {
    const lines = errorLines(cluster, {
      name: 'Web',
      type: 'nodeport',
      ports: [
        { port: 0, name: 'a' },
        { port: 0, name: 'a' },
      ],
    });
    assert.equal(lines[0]?.startsWith('metadata.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters'), true);
    assert.ok(lines.indexOf('spec.ports[1].name: Duplicate value: "a"') > 0);
    assert.ok(
      lines.indexOf('spec.type: Unsupported value: "nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"') >
        lines.indexOf('spec.ports[1].name: Duplicate value: "a"'),
    );
    assert.equal(lines[lines.length - 1]?.startsWith('spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP"'), true);
  });

  it('allocates node ports before validating, so a taken nodePort is reported alone', () => {
    const first = createService(cluster, base({ name: 'a', type: 'NodePort', ports: [{ port: 80, nodePort: 31231 }] }));
    assert.ok(first.ok);
    const second = createService(first.cluster, { name: 'B', type: 'NodePort', ports: [{ port: 0, nodePort: 31231 }] });
    assert.equal(second.ok, false);
    if (second.ok) return;
    assert.deepEqual(second.error.causes.map(formatFieldError), ['spec.ports[0].nodePort: Invalid value: 31231: provided port is already allocated']);
  });

  it('says AlreadyExists for a second service of the same name', () => {
    const first = createService(cluster, base({}));
    assert.ok(first.ok);
    const again = createService(first.cluster, base({}));
    assert.equal(again.ok, false);
    if (!again.ok) {
      assert.equal(again.error.kind, 'AlreadyExists');
      assert.equal(again.error.message, 'services "web" already exists');
    }
  });

  it('reports a full node port range as an internal error', () => {
    const small = createCluster({ seed: 2, config: { nodePortRange: { base: 30000, size: 2 } } });
    let k = small;
    for (const name of ['a', 'b']) {
      const r = createService(k, base({ name, type: 'NodePort' }));
      assert.ok(r.ok);
      k = r.cluster;
    }
    const full = createService(k, base({ name: 'c', type: 'NodePort' }));
    assert.equal(full.ok, false);
    if (!full.ok) {
      assert.equal(full.error.kind, 'InternalError');
      assert.equal(full.error.message, 'Internal error occurred: failed to allocate a nodePort: range is full');
    }
  });

  it('defaults targetPort to port, protocol to TCP, externalTrafficPolicy to Cluster for NodePort', () => {
    const r = createService(cluster, base({ type: 'NodePort', ports: [{ port: 81 }] }));
    assert.ok(r.ok);
    if (!r.ok) return;
    const [port] = r.value.spec.ports;
    assert.equal(port?.targetPort, 81);
    assert.equal(port?.protocol, 'TCP');
    assert.ok((port?.nodePort ?? 0) >= 30086);
    assert.equal(r.value.spec.externalTrafficPolicy, 'Cluster');
    const clusterIP = createService(cluster, base({ name: 'c' }));
    assert.ok(clusterIP.ok);
    if (clusterIP.ok) assert.equal(clusterIP.value.spec.externalTrafficPolicy, undefined, 'ClusterIP services get no externalTrafficPolicy');
  });

  it('gives ports with the same port number one node port', () => {
    const r = createService(
      cluster,
      base({
        type: 'NodePort',
        ports: [
          { name: 'tcp', port: 53, protocol: 'TCP' },
          { name: 'udp', port: 53, protocol: 'UDP' },
        ],
      }),
    );
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.value.spec.ports[0]?.nodePort, r.value.spec.ports[1]?.nodePort);
  });
});
