import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeFirewall, serviceOnNodePort, type Cluster } from '../../../src/core/cluster/index.js';
import { curl } from '../../../src/core/shell/curl.js';
import { trace } from '../../../src/core/trace/index.js';
import { lab } from './helpers.js';

const EXIT = { answered: 0, refused: 7, timeout: 28 } as const;

const LOCAL = `apiVersion: v1
kind: Service
metadata:
  name: local
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`;

describe('curl agrees with trace', () => {
  const l = lab(11, { 'local.yml': LOCAL });
  for (const name of ['a', 'b', 'c', 'd']) l.run(`kubectl run ${name} --image stacksimplify/kubenginx:1.0.0 --labels app=web`);
  l.run('sleep 10');
  l.run('kubectl create service nodeport web --tcp=80:80');
  l.run('kubectl create service nodeport wrong --tcp=80:8080');
  l.run('kubectl create service nodeport nobody --tcp=80:80');
  l.run('kubectl apply -f local.yml');
  const ports = ['web', 'wrong', 'nobody', 'local'].map(l.nodePort);
  const ips = ['203.0.113.10', '203.0.113.11', '203.0.113.12', '192.168.49.3', '10.244.1.2', '10.96.0.1', '127.0.0.1', '198.51.100.99'];

  function check(cluster: Cluster, ip: string, port: number): void {
    const traced = trace(cluster, { from: 'outside', ip, port });
    const r = curl(cluster, ['-s', '-v', `http://${ip}:${port}/`]);
    const label = `${ip}:${port}`;
    assert.equal(r.exitCode, EXIT[traced.trace.outcome.kind], label);
    assert.equal(r.request?.outcome, traced.trace.outcome.kind, label);
    // curl names the service the request went through, or, when the cloud firewall stopped it
    // before kube-proxy, the service that owns that node port on a node's address.
    const aimedAt =
      traced.trace.outcome.kind === 'timeout' && traced.trace.outcome.reason === 'firewall' ? serviceOnNodePort(cluster, port)?.service : undefined;
    assert.equal(r.request?.service, (traced.trace.service ?? aimedAt)?.metadata.name, label);
    if (traced.trace.outcome.kind === 'refused') assert.match(r.stderr, /Connection refused/, label);
    if (traced.trace.outcome.kind === 'answered' && traced.trace.outcome.server.kind === 'pod') {
      // The same endpoint: the pod the trace ends at logs the request, from the address the trace says it sees.
      const pod = traced.trace.outcome.server.pod.metadata.name;
      const logged = r.cluster.pods.find((p) => p.metadata.name === pod)!.log;
      assert.match(logged.at(-1) ?? '', new RegExp(`^${(traced.trace.seenFrom ?? '').replace(/\./g, '\\.')} - - `), label);
      assert.equal(r.cluster.rng, traced.cluster.rng, `${label}: the same draw`);
      assert.match(r.stderr, new RegExp(`< HTTP/1\\.1 ${traced.trace.outcome.response.status}`), label);
    }
  }

  it('on every node address, node port and fault, with the firewall open', () => {
    for (const ip of ips) for (const port of ports) check(l.cluster(), ip, port);
  });

  it('with the firewall closed, and then with only one port closed', () => {
    const closed = closeFirewall(l.cluster(), 'all');
    for (const ip of ips) for (const port of ports) check(closed, ip, port);
    const one = closeFirewall(l.cluster(), { from: ports[0]!, to: ports[0]! });
    for (const port of ports) check(one, '203.0.113.11', port);
  });

  it('request after request: the endpoint curl reaches is the one the trace picked from the same state', () => {
    let cluster = l.cluster();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const traced = trace(cluster, { from: 'outside', ip: '203.0.113.12', port: ports[0]! });
      const r = curl(cluster, [`http://203.0.113.12:${ports[0]}`]);
      assert.equal(traced.trace.outcome.kind, 'answered');
      if (traced.trace.outcome.kind === 'answered' && traced.trace.outcome.server.kind === 'pod') {
        const pod = traced.trace.outcome.server.pod.metadata.name;
        seen.add(pod);
        const before = cluster.pods.find((p) => p.metadata.name === pod)!.log.length;
        assert.equal(r.cluster.pods.find((p) => p.metadata.name === pod)!.log.length, before + 1);
      }
      cluster = r.cluster;
    }
    assert.ok(seen.size > 1, 'kube-proxy spreads connections over the endpoints');
  });

  it('a closed firewall times curl out with exactly the time-out messages it always had', () => {
    const closed = closeFirewall(l.cluster(), 'all');
    const long = curl(closed, [`http://203.0.113.11:${ports[0]}`]);
    assert.equal(long.stderr, `curl: (28) Failed to connect to 203.0.113.11 port ${ports[0]} after 129504 ms: Couldn't connect to server\n`);
    assert.equal(long.cluster.now - closed.now, 129_504);
    const short = curl(closed, ['-m', '3', `http://203.0.113.11:${ports[0]}`]);
    assert.equal(short.stderr, 'curl: (28) Connection timed out after 3001 milliseconds\n');
  });
});
