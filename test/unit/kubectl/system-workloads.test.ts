// The cluster's own workloads, as a kubeadm 1.32 cluster with flannel has them: CoreDNS's
// Deployment (2 replicas) and its ReplicaSet, the kube-proxy DaemonSet in kube-system and
// kube-flannel-ds in kube-flannel. Their pods name them as owners, and a deleted one is replaced
// by its controller. The real kubectl 1.32, reading them from the lab, prints what the sandbox
// prints (printers.go printDaemonSet, describe.go describeDaemonSet, DescribePodTemplate).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { DEFAULT_START } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

describe("the cluster's own workloads in the sandbox", () => {
  it('get ds -A lists kube-flannel-ds and kube-proxy, one pod per node, kube-proxy only on linux nodes', () => {
    const s = new Session(1);
    assert.equal(
      s.run('get ds -A').stdout,
      [
        'NAMESPACE      NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
        'kube-flannel   kube-flannel-ds   3         3         3       3            3           <none>                   179m',
        'kube-system    kube-proxy        3         3         3       3            3           kubernetes.io/os=linux   179m',
        '',
      ].join('\n'),
    );
    assert.equal(s.run('get daemonset kube-proxy -n kube-system -o jsonpath={.status.numberReady}').stdout, '3');
  });

  it('get deploy -A and get rs -n kube-system show CoreDNS', () => {
    const s = new Session(1);
    assert.match(s.run('get deploy -A').stdout, /\nkube-system +coredns +2\/2 +2 +2 +179m\n$/);
    assert.match(s.run('get rs -n kube-system').stdout, /\ncoredns-668d6bf9bc +2 +2 +2 +179m\n$/);
  });

  it("pods name their owners: ownerReferences and describe's Controlled By", () => {
    const s = new Session(1);
    const proxy = s.run('get pods -n kube-system -l k8s-app=kube-proxy -o name').stdout.split('\n')[0] ?? '';
    assert.match(
      s.run(`get ${proxy} -n kube-system -o jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}`).stdout,
      /^DaemonSet\/kube-proxy$/,
    );
    assert.match(s.run(`describe ${proxy} -n kube-system`).stdout, /\nControlled By: +DaemonSet\/kube-proxy\n/);
    const dns = s.run('get pods -n kube-system -l k8s-app=kube-dns -o name').stdout.split('\n')[0] ?? '';
    assert.match(s.run(`describe ${dns} -n kube-system`).stdout, /\nControlled By: +ReplicaSet\/coredns-668d6bf9bc\n/);
  });

  it('a deleted kube-proxy pod is replaced on its node under a new name; a deleted CoreDNS pod by its ReplicaSet', () => {
    const s = new Session(1);
    const before = s.run('get pods -n kube-system -l k8s-app=kube-proxy -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --no-headers').stdout;
    const [first = ''] = before.split('\n');
    const [name = '', node = ''] = first.split(/ +/);
    assert.equal(s.run(`delete pod ${name} -n kube-system`).stdout, `pod "${name}" deleted\n`);
    s.wait(5);
    const after = s.run('get pods -n kube-system -l k8s-app=kube-proxy -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --no-headers').stdout;
    assert.equal(after.includes(name), false);
    assert.equal(after.trim().split('\n').length, 3);
    assert.match(after, new RegExp(`^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5} +${node}$`, 'm'));
    assert.match(s.run('get ds kube-proxy -n kube-system').stdout, /kube-proxy +3 +3 +3 +3 +3 /);

    const dns = (s.run('get pods -n kube-system -l k8s-app=kube-dns -o name').stdout.split('\n')[0] ?? '').replace('pod/', '');
    s.run(`delete pod ${dns} -n kube-system`);
    s.wait(5);
    const pods = s.run('get pods -n kube-system -l k8s-app=kube-dns -o name').stdout.trim().split('\n');
    assert.equal(pods.length, 2);
    assert.equal(pods.includes(`pod/${dns}`), false);
    for (const p of pods) assert.match(p, /^pod\/coredns-668d6bf9bc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.match(s.run('get deploy coredns -n kube-system').stdout, /coredns +2\/2 +2 +2 /);
  });

  it("the learner's own listings in default stay as they were: no system workload shows there", () => {
    const s = new Session(1);
    assert.equal(
      s.run('get all').stdout,
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   179m\n',
    );
    assert.equal(s.run('get ds').stderr, 'No resources found in default namespace.\n');
    assert.equal(s.run('get deploy,rs').stderr, 'No resources found in default namespace.\n');
  });
});

describe("the cluster's own workloads, printed by the real kubectl 1.32 from the lab", { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  before(async () => {
    // The lab's clock stands still at the sandbox's start, so both clusters are the same one.
    server = await startServer({
      seed: 1,
      port: 0,
      home: tempDir('nodeport-lab-system-workloads-'),
      log: () => undefined,
      clock: () => DEFAULT_START,
    });
  });
  after(async () => {
    await server?.stop();
  });
  const lines = [
    'get ds -A',
    'get ds -n kube-system -o wide',
    'get ds kube-proxy -n kube-system -o yaml',
    'get ds -n kube-flannel -o json',
    'describe ds kube-proxy -n kube-system',
    'describe ds -n kube-flannel',
    'describe deploy coredns -n kube-system',
    'get deploy coredns -n kube-system -o yaml',
    'describe rs -n kube-system',
    'get rs -n kube-system -o wide',
    'get all -n kube-system',
    'get all -n kube-flannel',
    'describe pod -n kube-system -l k8s-app=kube-proxy',
  ];
  for (const line of lines) {
    it(line, async () => {
      const sandbox = new Session(1);
      const real = await realKubectl(line.split(' '), server.kubeconfig);
      const sim = sandbox.run(line);
      assert.equal(sim.stdout, real.stdout);
      assert.equal(sim.stderr, real.stderr);
    });
  }
});
