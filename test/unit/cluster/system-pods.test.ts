// What kube-system (and flannel's kube-flannel) hold in a new cluster, per kubeadm's manifests
// (cmd/kubeadm/app/phases/controlplane/manifests.go, addons/dns/manifests.go, addons/proxy,
// etcd/local.go) and flannel's Documentation/kube-flannel.yml; and that none of it moves what the
// learner sees in `default`: the same commands give the same names, addresses and nodes as on a
// cluster without them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, endpointsFor, findService, podByIP, type Cluster } from '../../../src/core/cluster/index.js';
import { runKubectl, splitShellWords } from '../../../src/core/kubectl/index.js';

function run(cluster: Cluster, lines: readonly string[]): { cluster: Cluster; out: string[] } {
  const out: string[] = [];
  let c = cluster;
  for (const line of lines) {
    const words = splitShellWords(line);
    if (!words.ok) throw new Error(words.error);
    const r = runKubectl(c, words.words, { readFile: () => ({ error: 'not-found' }) });
    c = r.cluster;
    out.push(r.stdout + r.stderr);
  }
  return { cluster: c, out };
}

const names = (c: Cluster, ns: string): string[] =>
  c.pods
    .filter((p) => p.metadata.namespace === ns)
    .map((p) => p.metadata.name)
    .sort();

describe("the cluster's own pods", () => {
  const cluster = createCluster({ seed: 1 });

  it('kube-system: the four static pods, kube-proxy on every node, two CoreDNS replicas', () => {
    const system = names(cluster, 'kube-system');
    for (const name of ['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane'])
      assert.ok(system.includes(name), name);
    assert.equal(system.filter((n) => /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n)).length, 3);
    assert.equal(system.filter((n) => /^coredns-668d6bf9bc-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n)).length, 2);
    assert.equal(names(cluster, 'kube-flannel').filter((n) => n.startsWith('kube-flannel-ds-')).length, 3);
  });

  it("hostNetwork pods have their node's IP and are not a pod behind it; CoreDNS has pod IPs on the control plane", () => {
    for (const pod of cluster.pods.filter((p) => p.spec.hostNetwork)) assert.equal(pod.status.podIP, pod.status.hostIP);
    const dns = cluster.pods.filter((p) => p.metadata.labels['k8s-app'] === 'kube-dns');
    assert.deepEqual(dns.map((p) => [p.spec.nodeName, p.status.podIP]).sort(), [
      ['control-plane', '10.244.0.2'],
      ['control-plane', '10.244.0.3'],
    ]);
    const later = { ...cluster, now: cluster.now + 1 };
    assert.equal(podByIP(later, '192.168.49.3'), undefined, "a node's address answers as the node");
    assert.equal(podByIP(later, '10.244.0.2')?.metadata.labels['k8s-app'], 'kube-dns');
  });

  it('the kube-dns Service at 10.96.0.10 with 53/UDP, 53/TCP and 9153/TCP selects the CoreDNS pods', () => {
    const kubeDns = findService(cluster, 'kube-dns', 'kube-system');
    assert.ok(kubeDns);
    assert.equal(kubeDns.spec.clusterIP, '10.96.0.10');
    assert.deepEqual(
      kubeDns.spec.ports.map((p) => `${p.name}:${p.port}/${p.protocol}`),
      ['dns:53/UDP', 'dns-tcp:53/TCP', 'metrics:9153/TCP'],
    );
    const ready = endpointsFor(cluster, kubeDns).subsets.flatMap((s) => s.addresses.map((a) => a.ip));
    assert.deepEqual([...new Set(ready)].sort(), ['10.244.0.2', '10.244.0.3']);
    assert.equal(findService(cluster, 'kube-dns'), undefined, 'not in default');
  });

  it('kubectl: get pods -A and -n kube-system list them; describe node adds up their requests; default is as before', () => {
    const { out } = run(cluster, [
      'get pods -A',
      'get pods -n kube-system -o wide',
      'describe node control-plane',
      'get pods',
      'get svc',
      'get ep -n kube-system',
      'get svc -A',
    ]);
    const [all, system, node, pods, svc, ep, svcAll] = out;
    assert.match(all ?? '', /^NAMESPACE\s+NAME\s+READY\s+STATUS/);
    assert.match(all ?? '', /\nkube-flannel\s+kube-flannel-ds-\S+\s+1\/1\s+Running/);
    assert.match(system ?? '', /\netcd-control-plane\s+1\/1\s+Running\s+0\s+\S+\s+192\.168\.49\.2\s+control-plane\s/);
    assert.match(node ?? '', /Non-terminated Pods:\s+\(8 in total\)/);
    assert.match(node ?? '', /\n\s+kube-system\s+kube-apiserver-control-plane\s+250m \(12%\)\s+0 \(0%\)\s+0 \(0%\)\s+0 \(0%\)/);
    assert.match(node ?? '', /\n\s+kube-system\s+coredns-668d6bf9bc-\S+\s+100m \(5%\)\s+0 \(0%\)\s+70Mi \(1%\)\s+170Mi \(4%\)/);
    assert.match(node ?? '', /\n\s+cpu\s+950m \(47%\)\s+0 \(0%\)\n\s+memory\s+290Mi \(7%\)\s+340Mi \(8%\)\n/);
    assert.equal(pods, 'No resources found in default namespace.\n');
    assert.match(svc ?? '', /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nkubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+\S+\n$/);
    assert.match(ep ?? '', /\nkube-dns\s+10\.244\.0\.2:53,10\.244\.0\.3:53,10\.244\.0\.2:53 \+ 3 more\.\.\.\s/);
    assert.match(svcAll ?? '', /\nkube-system\s+kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s/);
  });

  it("the learner's pods and services get the same names, addresses and nodes as on a cluster without them", () => {
    const lines = [
      'run a --image=nginx',
      'create deployment web --image=nginx --replicas=3',
      'expose deployment web --type=NodePort --port=80',
      'run b --image=nginx',
    ];
    const withSystem = run(createCluster({ seed: 7 }), lines).cluster;
    const without = run(createCluster({ seed: 7, systemPods: false }), lines).cluster;
    const mine = (c: Cluster) =>
      c.pods.filter((p) => p.metadata.namespace === 'default').map((p) => [p.metadata.name, p.metadata.uid, p.spec.nodeName, p.status.podIP].join(' '));
    assert.deepEqual(mine(withSystem), mine(without));
    const svc = (c: Cluster) => c.services.filter((s) => s.metadata.namespace === 'default').map((s) => JSON.stringify(s));
    assert.deepEqual(svc(withSystem), svc(without));
  });
});

// Deleting a control-plane pod deletes its mirror pod only: the kubelet runs the static pod from
// /etc/kubernetes/manifests and makes a new mirror at once (pkg/kubelet/kubelet.go syncPod,
// pkg/kubelet/pod/mirror_client.go CreateMirrorPod): same name and node, a new UID and age, the
// containers still running. A CoreDNS pod is its ReplicaSet's to replace (a new name); kube-proxy's
// its DaemonSet's.
describe('static pods: a deleted mirror pod is made again at once', () => {
  const start = createCluster({ seed: 4 });
  const find = (c: Cluster, name: string) => c.pods.find((p) => p.metadata.namespace === 'kube-system' && p.metadata.name === name);

  for (const name of ['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane']) {
    it(name, () => {
      const before = find(start, name);
      assert.ok(before);
      const later = { ...start, now: start.now + 90_000 };
      const { cluster, out } = run(later, [`delete pod -n kube-system ${name}`]);
      assert.equal(out[0], `pod "${name}" deleted\n`);
      const after = find(cluster, name);
      assert.ok(after, 'the kubelet made it again');
      assert.notEqual(after.metadata.uid, before.metadata.uid);
      assert.equal(after.metadata.creationTimestamp, Math.floor(later.now / 1000) * 1000);
      assert.equal(after.spec.nodeName, before.spec.nodeName);
      assert.deepEqual(after.status, before.status, 'the same containers, still running');
      assert.deepEqual(after.timeline, before.timeline);
      assert.equal(names(cluster, 'kube-system').length, names(start, 'kube-system').length);
    });
  }

  it('a pod that is not a mirror stays deleted', () => {
    const { cluster } = run(start, ['run web --image=nginx', 'delete pod web']);
    assert.equal(
      cluster.pods.find((p) => p.metadata.name === 'web'),
      undefined,
    );
  });
});
