// With no ready endpoint left, kube-proxy 1.32 sends a service's traffic to its endpoints that are
// terminating but still serving (pkg/proxy/topology.go CategorizeEndpoints: the fallback "to any
// terminating endpoints that are serving"); the EndpointSlice says which those are
// (ready false, serving true, terminating true). The tracer and iptables-save follow it while a
// Deployment scaled to 0 has its last pod Terminating, and kubectl's describe, which prints ready
// endpoints only, shows none.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iptablesSave, trace } from '../../../src/core/trace/index.js';
import { lab } from './helpers.js';

function scaledToZero() {
  const l = lab(11);
  l.run('kubectl create deployment web --image=nginx --replicas=1 --port=80');
  l.run('kubectl expose deployment web --type=NodePort --port=80');
  l.run('sleep 30');
  const pod = l.cluster().pods.find((p) => p.metadata.labels.app === 'web');
  assert.ok(pod?.status.podIP);
  l.run('kubectl scale deployment web --replicas=0');
  return { l, ip: pod.status.podIP, name: pod.metadata.name };
}

describe('the last pod Terminating: kube-proxy falls back to serving terminating endpoints', () => {
  it('iptables-save keeps its KUBE-SEP rule; a trace reaches it; describe svc lists no ready endpoint', () => {
    const { l, ip, name } = scaledToZero();
    assert.ok(l.cluster().pods.some((p) => p.metadata.name === name && p.terminating));
    const node = l.cluster().nodes[1]!;
    const nat = iptablesSave(l.cluster(), node, ['nat']);
    assert.ok(nat.includes(`--comment "default/web -> ${ip}:80" -j KUBE-SEP-`), 'the terminating endpoint is still programmed');
    assert.ok(nat.includes(`-j DNAT --to-destination ${ip}:80`));
    const { trace: t } = trace(l.cluster(), {
      from: 'outside',
      ip: node.status.addresses.find((a) => a.type === 'ExternalIP')!.address,
      port: l.nodePort('web'),
    });
    assert.equal(t.hops[t.hops.length - 1]?.place, 'container');
    assert.ok(t.hops.some((h) => h.in.dst.ip === ip || h.out?.dst.ip === ip));
    assert.match(l.run('kubectl describe svc web').stdout, /\nEndpoints: +\n/);
  });

  it('once its container has stopped, nothing is left to send to', () => {
    const { l, ip } = scaledToZero();
    l.run('sleep 2');
    const node = l.cluster().nodes[1]!;
    assert.ok(!iptablesSave(l.cluster(), node, ['nat']).includes(`${ip}:80`));
    const { trace: t } = trace(l.cluster(), {
      from: 'outside',
      ip: node.status.addresses.find((a) => a.type === 'ExternalIP')!.address,
      port: l.nodePort('web'),
    });
    assert.notEqual(t.hops[t.hops.length - 1]?.place, 'container');
  });
});
