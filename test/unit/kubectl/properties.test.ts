import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { advanceClock, createCluster, endpointsFor, matchesSelector, type Cluster } from '../../../src/core/cluster/index.js';
import { runKubectl } from '../../../src/core/kubectl/index.js';
import { runs } from '../../helpers/soak.js';

const WORDS = [
  'get',
  'describe',
  'run',
  'expose',
  'create',
  'apply',
  'delete',
  'logs',
  'exec',
  'label',
  'explain',
  'version',
  'cluster-info',
  'service',
  'nodeport',
  'clusterip',
  'loadbalancer',
  'pod',
  'pods',
  'svc',
  'ep',
  'nodes',
  'all',
  'web',
  'api',
  'db',
  '--image=nginx',
  '--image=stacksimplify/kubenginx:1.0.0',
  '--port=80',
  '--port=81',
  '--target-port=80',
  '--target-port=http',
  '--type=NodePort',
  '--type=nodeport',
  '--tcp=80:80',
  '--tcp=81',
  '--node-port=31231',
  '--node-port=30000',
  '-o',
  'yaml',
  'json',
  'wide',
  'name',
  '-f',
  'm.yml',
  '--dry-run=client',
  '--',
  'env',
  'cat',
  '-l',
  'app=web',
  '--show-labels',
  'app=web',
  'tier-',
  '-A',
  '--help',
  '=',
  '',
  '-',
  '--',
  '-x',
  "'",
  '{.spec}',
];

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    run: web
  ports:
  - port: 80
    nodePort: 31231
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    run: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
      name: http
`;

const io = { readFile: (p: string) => (p === 'm.yml' ? MANIFEST : { error: 'not-found' as const }) };

const argsArb = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 8 });

function assertConsistent(cluster: Cluster): void {
  const seen = new Map<number, string>();
  for (const svc of cluster.services) {
    const own = new Set<number>();
    for (const port of svc.spec.ports) {
      if (port.nodePort === undefined) continue;
      assert.ok(port.nodePort >= 30000 && port.nodePort <= 32767, `node port ${port.nodePort} out of range`);
      const owner = seen.get(port.nodePort);
      assert.ok(owner === undefined || owner === svc.metadata.name, `node port ${port.nodePort} used by ${owner} and ${svc.metadata.name}`);
      seen.set(port.nodePort, svc.metadata.name);
      own.add(port.nodePort);
    }
    if (svc.spec.type === 'ClusterIP') assert.equal(own.size, 0, 'ClusterIP services have no node ports');
    const endpoints = endpointsFor(cluster, svc);
    for (const subset of endpoints.subsets) {
      for (const address of [...subset.addresses, ...subset.notReadyAddresses]) {
        const pod = cluster.pods.find((p) => p.metadata.name === address.podName);
        if (svc.metadata.name === 'kubernetes') continue;
        assert.ok(pod, `endpoint ${address.ip} has no pod`);
        assert.ok(svc.spec.selector && matchesSelector(svc.spec.selector, pod.metadata.labels), 'endpoint pod matches the selector');
        assert.equal(pod.status.podIP, address.ip);
      }
    }
  }
  const ips = cluster.services.map((s) => s.spec.clusterIP).filter((ip) => ip !== '');
  assert.equal(new Set(ips).size, ips.length, 'cluster IPs are unique');
  const names = cluster.pods.map((p) => p.metadata.name);
  assert.equal(new Set(names).size, names.length, 'pod names are unique');
}

describe('properties', () => {
  it('any command line gets an answer and never throws', () => {
    fc.assert(
      fc.property(argsArb, (args) => {
        const result = runKubectl(createCluster({ seed: 1 }), args, io);
        assert.equal(typeof result.stdout, 'string');
        assert.equal(typeof result.stderr, 'string');
        assert.ok(result.exitCode === 0 || result.exitCode === 1 || result.exitCode === 2);
        assert.ok(!result.stderr.includes('internal error in the simulated cluster'), result.stderr);
      }),
      { numRuns: runs(400) },
    );
  });

  it('any sequence of commands leaves the cluster consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.tuple(argsArb, fc.integer({ min: 0, max: 20 })), { maxLength: 25 }), (seed, steps) => {
        let cluster = createCluster({ seed });
        for (const [args, wait] of steps) {
          cluster = runKubectl(cluster, args, io).cluster;
          cluster = advanceClock(cluster, wait * 1000);
          assertConsistent(cluster);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('the same seed and commands give the same output', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(argsArb, { maxLength: 6 }), (seed, lines) => {
        const play = () => {
          let cluster = createCluster({ seed });
          let text = '';
          for (const args of [
            ['run', 'web', '--image=nginx'],
            ['expose', 'pod', 'web', '--port=80', '--type=NodePort'],
            ...lines,
            ['get', 'all', '-o', 'yaml'],
          ]) {
            const r = runKubectl(cluster, args, io);
            cluster = r.cluster;
            text += r.stdout + r.stderr;
          }
          return text;
        };
        assert.equal(play(), play());
      }),
      { numRuns: runs(60) },
    );
  });
});
