import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { learnerPods } from '../../helpers/fixtures.js';
import {
  advanceClock,
  appendAccessLog,
  createCluster,
  createPod,
  createService,
  endpointsFor,
  isPodReady,
  podPhase,
  serviceEnvVars,
  visiblePodIP,
  whatAnswers,
  type Cluster,
  type PodInput,
} from '../../../src/core/cluster/index.js';

const kubenginx = (name: string, labels: Record<string, string>, ports: PodInput['containers'][number]['ports'] = []): PodInput => ({
  name,
  labels,
  containers: [{ name, image: 'stacksimplify/kubenginx:1.0.0', ports }],
});

function mustPod(cluster: Cluster, input: PodInput): Cluster {
  const r = createPod(cluster, input);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.cluster;
}

describe('pods', () => {
  it('are scheduled on workers with an IP from the node /24, and start over a few seconds', () => {
    let k = createCluster({ seed: 5 });
    k = mustPod(k, kubenginx('a', { app: 'a' }));
    k = mustPod(k, kubenginx('b', { app: 'b' }));
    const [a, b] = learnerPods(k);
    assert.ok(a && b);
    assert.notEqual(a.spec.nodeName, b.spec.nodeName, 'spread over the two workers');
    for (const pod of [a, b]) {
      assert.notEqual(pod.spec.nodeName, 'control-plane');
      const node = k.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
      const prefix = node?.spec.podCIDR.replace(/\.0\/24$/, '.');
      assert.ok((pod.status.podIP ?? '').startsWith(prefix ?? 'x'), `${pod.status.podIP} in ${node?.spec.podCIDR}`);
    }
    assert.equal(podPhase(a, k.now), 'Pending');
    assert.equal(visiblePodIP(a, k.now), undefined);
    const later = advanceClock(k, 10_000);
    assert.equal(podPhase(a, later.now), 'Running');
    assert.equal(isPodReady(a, later.now), true);
  });

  it('gives each pod on a node a different IP', () => {
    let k = createCluster({ seed: 9 });
    for (let i = 0; i < 10; i++) k = mustPod(k, kubenginx(`p${i}`, { app: 'x' }));
    const ips = k.pods.filter((p) => !p.spec.hostNetwork).map((p) => p.status.podIP);
    assert.equal(new Set(ips).size, ips.length);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const build = (seed: number) => learnerPods(mustPod(createCluster({ seed }), kubenginx('a', { app: 'a' })))[0]?.metadata.uid;
    assert.equal(build(1), build(1));
    assert.notEqual(build(1), build(2));
  });

  it('answers on port 80 for kubenginx, and nowhere for unknown images', () => {
    let k = mustPod(createCluster({ seed: 3 }), kubenginx('web', { app: 'web' }));
    k = mustPod(k, { name: 'mystery', containers: [{ name: 'm', image: 'example/unknown:1' }] });
    k = advanceClock(k, 30_000);
    const [web, mystery] = learnerPods(k);
    assert.ok(web && mystery);
    const ok = whatAnswers(k, web.status.podIP ?? '', 80);
    assert.equal(ok.kind, 'listening');
    if (ok.kind === 'listening') {
      assert.match(ok.image.indexHtml, /Welcome to Stack Simplify/);
      assert.match(ok.image.indexHtml, /Application Version: V1/);
    }
    assert.equal(whatAnswers(k, web.status.podIP ?? '', 81).kind, 'refused');
    assert.equal(whatAnswers(k, mystery.status.podIP ?? '', 80).kind, 'refused');
    assert.equal(whatAnswers(k, '10.244.9.9', 80).kind, 'no-pod');
  });

  it('keeps an access log in nginx format', () => {
    let k = advanceClock(mustPod(createCluster({ seed: 3 }), kubenginx('web', { app: 'web' })), 30_000);
    const r = appendAccessLog(k, 'web', { remoteAddr: '192.168.49.3', method: 'GET', path: '/', status: 200, bytes: 189, userAgent: 'curl/8.5.0' });
    assert.ok(r.ok);
    k = r.cluster;
    assert.equal(learnerPods(k)[0]?.log[0], '192.168.49.3 - - [01/Mar/2025:09:00:30 +0000] "GET / HTTP/1.1" 200 189 "-" "curl/8.5.0" "-"');
  });
});

describe('endpoints', () => {
  it('follow the selector, readiness and a named targetPort', () => {
    let k = createCluster({ seed: 11 });
    k = mustPod(k, kubenginx('a', { app: 'web' }, [{ name: 'http', containerPort: 80 }]));
    k = mustPod(k, kubenginx('b', { app: 'web' }, [{ name: 'web', containerPort: 8080 }]));
    k = mustPod(k, kubenginx('c', { app: 'other' }, [{ name: 'http', containerPort: 80 }]));
    const svc = createService(k, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    assert.ok(svc.ok);
    if (!svc.ok) return;
    k = svc.cluster;
    const early = endpointsFor(k, svc.value);
    assert.equal(early.subsets.flatMap((s) => s.addresses).length, 0, 'nothing ready yet');
    k = advanceClock(k, 20_000);
    const ready = endpointsFor(k, svc.value);
    const addresses = ready.subsets.flatMap((s) => s.addresses.map((a) => a.podName));
    assert.deepEqual(addresses, ['a'], 'only the selected pod that has a port named http');
    assert.deepEqual(ready.subsets[0]?.ports, [{ port: 80, protocol: 'TCP' }]);
  });

  it('the kubernetes service points at the API server', () => {
    const k = createCluster({ seed: 1 });
    const svc = k.services.find((s) => s.metadata.name === 'kubernetes');
    assert.ok(svc);
    if (!svc) return;
    assert.equal(svc.spec.clusterIP, '10.96.0.1');
    const ep = endpointsFor(k, svc);
    assert.equal(ep.subsets[0]?.addresses[0]?.ip, '192.168.49.2');
    assert.equal(ep.subsets[0]?.ports[0]?.port, 6443);
  });

  it('service environment variables follow the kubelet naming', () => {
    const k = createCluster({ seed: 1 });
    const svc = createService(k, { name: 'my-first-service', type: 'NodePort', selector: { a: 'b' }, ports: [{ name: 'http', port: 80 }] });
    assert.ok(svc.ok);
    if (!svc.ok) return;
    const env = Object.fromEntries(serviceEnvVars(svc.cluster.services).map((e) => [e.name, e.value]));
    const ip = svc.value.spec.clusterIP;
    assert.equal(env.MY_FIRST_SERVICE_SERVICE_HOST, ip);
    assert.equal(env.MY_FIRST_SERVICE_SERVICE_PORT, '80');
    assert.equal(env.MY_FIRST_SERVICE_SERVICE_PORT_HTTP, '80');
    assert.equal(env.MY_FIRST_SERVICE_PORT, `tcp://${ip}:80`);
    assert.equal(env.MY_FIRST_SERVICE_PORT_80_TCP_ADDR, ip);
    assert.equal(env.KUBERNETES_SERVICE_HOST, '10.96.0.1');
  });
});
