// The endpoints controller's order (src/core/cluster/endpoints-order.ts, endpoint-spew.ts) against
// Kubernetes 1.32: pkg/api/v1/endpoints/util.go RepackSubsets and SortSubsets, which order ports
// and subsets by the md5 of go-spew's `%#v` (pkg/util/hash/hash.go DeepHashObject), and
// pkg/controller/endpoint/endpoints_controller.go, which makes the subsets it repacks.
// test/fixtures/endpoints-order/spew-table.json is the real go-spew 1.1.1's print and md5 of 300
// random subsets (made by make-cases.mjs and spew-table.go there); no Go is needed to run this.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { spewPort, spewSubset } from '../../../src/core/cluster/endpoint-spew.js';
import { packSubsets, type PortAddress } from '../../../src/core/cluster/endpoints-order.js';
import {
  createService,
  endpointsFor,
  findService,
  type EndpointAddress,
  type EndpointPort,
  type EndpointSubset,
  type Protocol,
} from '../../../src/core/cluster/index.js';
import { runKubectl } from '../../../src/core/kubectl/index.js';
import { Session } from '../kubectl/helpers.js';

interface JsonAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { namespace: string; name: string; uid: string };
}
interface JsonSubset {
  addresses?: JsonAddress[];
  notReadyAddresses?: JsonAddress[];
  ports: { name?: string; port: number; protocol: Protocol }[];
}
interface Printed {
  spew: string;
  md5: string;
  ports: { spew: string; md5: string }[];
}

const dir = new URL('../../fixtures/endpoints-order/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as JsonSubset[];
const printed = JSON.parse(readFileSync(new URL('spew-table.json', dir), 'utf8')) as Printed[];

/** Our addresses carry the namespace once, for the subset: every case's addresses share one here. */
function subsetOf(c: JsonSubset): { subset: EndpointSubset; namespace: string } {
  const namespaces = new Set([...(c.addresses ?? []), ...(c.notReadyAddresses ?? [])].flatMap((a) => (a.targetRef ? [a.targetRef.namespace] : [])));
  const address = (a: JsonAddress): EndpointAddress => ({
    ip: a.ip,
    nodeName: a.nodeName ?? '',
    podName: a.targetRef?.name ?? '',
    podUid: a.targetRef?.uid ?? '',
  });
  return {
    subset: {
      addresses: (c.addresses ?? []).map(address),
      notReadyAddresses: (c.notReadyAddresses ?? []).map(address),
      ports: c.ports.map((p): EndpointPort => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })),
    },
    namespace: namespaces.size === 1 ? ([...namespaces][0] ?? '') : '',
  };
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

describe('go-spew %#v of EndpointSubsets and EndpointPorts, as the real spew prints them', () => {
  it('the table holds 300 cases', () => {
    assert.equal(cases.length, 300);
    assert.equal(printed.length, 300);
  });

  it('every port prints, and hashes, as spew printed it', () => {
    let checked = 0;
    for (const [i, c] of cases.entries()) {
      const { subset } = subsetOf(c);
      for (const [j, port] of subset.ports.entries()) {
        const real = printed[i]?.ports[j];
        assert.ok(real);
        assert.equal(spewPort(port), real.spew, `case ${i} port ${j}`);
        assert.equal(md5(spewPort(port)), real.md5);
        checked++;
      }
    }
    assert.ok(checked > 300);
  });

  it('every subset whose addresses share a namespace prints, and hashes, as spew printed it', () => {
    let checked = 0;
    for (const [i, c] of cases.entries()) {
      const mixed = new Set([...(c.addresses ?? []), ...(c.notReadyAddresses ?? [])].flatMap((a) => (a.targetRef ? [a.targetRef.namespace] : [])));
      if (mixed.size > 1) continue;
      const { subset, namespace } = subsetOf(c);
      const real = printed[i];
      assert.ok(real);
      assert.equal(spewSubset(subset, namespace), real.spew, `case ${i}`);
      assert.equal(md5(spewSubset(subset, namespace)), real.md5);
      checked++;
    }
    assert.ok(checked > 100, `${checked} cases checked`);
  });
});

describe('RepackSubsets and SortSubsets', () => {
  const pod = (ip: string, name: string, uid: string): EndpointAddress => ({ ip, nodeName: 'worker-1', podName: name, podUid: uid });
  const http: EndpointPort = { name: 'http', port: 80, protocol: 'TCP' };
  const metrics: EndpointPort = { name: 'metrics', port: 9090, protocol: 'TCP' };
  const dns: EndpointPort = { name: 'dns', port: 53, protocol: 'UDP' };

  it('ports with the same addresses share a subset, ordered by their hash; addresses by IP as text', () => {
    const a = pod('10.244.1.10', 'a', 'u-a');
    const b = pod('10.244.1.9', 'b', 'u-b');
    const entries: PortAddress[] = [a, b].flatMap((address) => [http, metrics, dns].map((port) => ({ port, address, ready: true })));
    const [only, ...rest] = packSubsets(entries, 'default');
    assert.equal(rest.length, 0);
    assert.ok(only);
    assert.deepEqual(
      only.addresses.map((x) => x.ip),
      ['10.244.1.10', '10.244.1.9'],
      'bytes.Compare: "10" sorts before "9"',
    );
    const hashes = only.ports.map((p) => md5(spewPort(p)));
    assert.deepEqual(hashes, [...hashes].sort());
    assert.equal(only.ports.length, 3);
  });

  it('a pod without a named port: the port it lacks gets a subset of its own, and the subsets go by hash', () => {
    const a = pod('10.244.1.5', 'a', 'u-a');
    const b = pod('10.244.2.5', 'b', 'u-b');
    const entries: PortAddress[] = [
      { port: http, address: a, ready: true },
      { port: metrics, address: a, ready: true },
      { port: http, address: b, ready: true },
    ];
    const subsets = packSubsets(entries, 'default');
    assert.equal(subsets.length, 2);
    const byPorts = Object.fromEntries(subsets.map((s) => [s.ports.map((p) => p.name).join(','), s.addresses.map((x) => x.podName)]));
    assert.deepEqual(byPorts, { http: ['a', 'b'], metrics: ['a'] });
    const hashes = subsets.map((s) => md5(spewSubset(s, 'default')));
    assert.deepEqual(hashes, [...hashes].sort());
  });

  it('readiness splits addresses, not subsets: one port set, ready and not-ready lists, each by IP then UID', () => {
    const entries: PortAddress[] = [
      { port: http, address: pod('10.244.1.7', 'c', 'u-2'), ready: false },
      { port: http, address: pod('10.244.1.7', 'd', 'u-1'), ready: false },
      { port: http, address: pod('10.244.1.3', 'e', 'u-3'), ready: true },
    ];
    const [only, ...rest] = packSubsets(entries, 'default');
    assert.equal(rest.length, 0);
    assert.deepEqual(
      only?.addresses.map((x) => x.podName),
      ['e'],
    );
    assert.deepEqual(
      only?.notReadyAddresses.map((x) => x.podName),
      ['d', 'c'],
    );
  });
});

describe('a multi-port Service whose pods differ, as kubectl shows it', () => {
  const manifest = (name: string, ports: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: mp\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n${ports}`;
  const withMetrics = '    - name: web\n      containerPort: 80\n    - name: metrics\n      containerPort: 9113\n';
  const webOnly = '    - name: web\n      containerPort: 80\n';

  it("get ep, describe ep and -o yaml list the subsets in the controller's order", () => {
    const s = new Session(4, { 'a.yml': manifest('mp-a', withMetrics), 'b.yml': manifest('mp-b', webOnly) });
    s.run('apply -f a.yml');
    s.run('apply -f b.yml');
    const made = createService(s.cluster, {
      name: 'mp',
      selector: { app: 'mp' },
      ports: [
        { name: 'http', port: 80, targetPort: 'web' },
        { name: 'metrics', port: 9113, targetPort: 'metrics' },
      ],
    });
    assert.ok(made.ok);
    s.cluster = made.cluster;
    s.wait(10);
    const service = findService(s.cluster, 'mp');
    assert.ok(service);
    const subsets = endpointsFor(s.cluster, service).subsets;
    assert.equal(subsets.length, 2);
    const order = subsets.map((x) => md5(spewSubset(x, 'default')));
    assert.deepEqual(order, [...order].sort());
    const ips = (x: EndpointSubset) => x.addresses.map((a) => `${a.ip}:${x.ports[0]?.port ?? ''}`);
    const listed = subsets.flatMap(ips).join(',');
    assert.match(s.run('get ep mp').stdout, new RegExp(`^mp +${listed.replaceAll('.', '\\.')}`, 'm'));
    const yaml = runKubectl(s.cluster, ['get', 'ep', 'mp', '-o', 'yaml'], { readFile: () => ({ error: 'not-found' }) }).stdout;
    const yamlPorts = [...yaml.matchAll(/^ {2}- name: (\S+)\n {4}port: \d+/gm)].map((m) => m[1]);
    assert.deepEqual(
      yamlPorts,
      subsets.map((x) => x.ports[0]?.name),
    );
  });
});
