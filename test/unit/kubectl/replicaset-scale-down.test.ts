// A ReplicaSet with more pods than spec.replicas deletes the extra ones through the API with their
// grace period, as Kubernetes 1.32's controller does (pkg/controller/replicaset/replica_set.go
// manageReplicas; pkg/controller/controller_utils.go RealPodControl.DeletePod with empty
// DeleteOptions): they show as Terminating until their containers have stopped, the kubelet
// records Killing (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer), the ReplicaSet
// SuccessfulDelete; status counts only active pods (controller.FilterActivePods), so `get rs` and
// `get deploy` already show the new count, and the endpoints controller drops a terminating pod
// (staging/src/k8s.io/endpointslice/util ShouldPodBeInEndpoints).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { learnerPods } from '../../helpers/fixtures.js';
import { Session } from './helpers.js';

function scaledDown(): { s: Session; terminating: string[]; kept: string[] } {
  const s = new Session(1);
  s.run('create deployment web --image=nginx --replicas=3 --port=80');
  s.run('expose deployment web --type=NodePort --port=80');
  s.wait(30);
  s.run('scale deploy web --replicas=5');
  s.wait(10);
  assert.equal(s.run('scale deploy web --replicas=3').stdout, 'deployment.apps/web scaled\n');
  const rows = s.run('get pods').stdout.trim().split('\n').slice(1);
  const name = (row: string): string => row.split(/\s+/)[0] ?? '';
  return { s, terminating: rows.filter((r) => /\sTerminating\s/.test(r)).map(name), kept: rows.filter((r) => /\sRunning\s/.test(r)).map(name) };
}

describe("ReplicaSet scale-down: pods deleted gracefully, in the controller's order", () => {
  it('get pods shows the two extra pods Terminating, then they go', () => {
    const { s, terminating, kept } = scaledDown();
    assert.equal(terminating.length, 2);
    assert.equal(kept.length, 3);
    s.wait(2);
    const rows = s.run('get pods').stdout.trim().split('\n').slice(1);
    assert.deepEqual(
      rows.map((r) => r.split(/\s+/)[0]),
      kept,
    );
    assert.ok(rows.every((r) => /\sRunning\s/.test(r)));
  });

  it('the doubled-up node loses pods first, its newest first (getPodsRankedByRelatedPodsOnSameNode, then age)', () => {
    const { s, terminating } = scaledDown();
    const pods = learnerPods(s.cluster);
    const byNode = new Map<string, number>();
    for (const p of pods) byNode.set(p.spec.nodeName ?? '', (byNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
    const crowded = [...byNode.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const gone = pods.filter((p) => terminating.includes(p.metadata.name));
    assert.ok(
      gone.every((p) => p.spec.nodeName === crowded),
      'both from the node with the most pods',
    );
    const newest = pods.filter((p) => p.spec.nodeName === crowded).sort((a, b) => b.metadata.creationTimestamp - a.metadata.creationTimestamp)[0];
    assert.ok(newest && terminating.includes(newest.metadata.name), 'the newest pod there is among them');
  });

  it('get rs and get deploy count only the pods that stay, at once', () => {
    const { s } = scaledDown();
    assert.match(s.run('get rs').stdout, /\nweb-\w+ +3 +3 +3 +40s\n$/);
    assert.match(s.run('get deploy').stdout, /\nweb +3\/3 +3 +3 +40s\n$/);
    assert.match(s.run('describe deploy web').stdout, /Replicas: +3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable\n/);
    // describe's Pods Status counts by phase every pod the ReplicaSet controls (describe.go getPodStatusForController).
    const rs = s.run('get rs -o name').stdout.trim();
    const described = s.run(`describe ${rs}`).stdout;
    assert.match(described, /Replicas: +3 current \/ 3 desired\n/);
    assert.match(described, /Pods Status: +5 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  });

  it('SuccessfulDelete from the ReplicaSet, Killing from the kubelet', () => {
    const { s, terminating } = scaledDown();
    const rs = s.run('get rs -o name').stdout.trim();
    const described = s.run(`describe ${rs}`).stdout;
    for (const name of terminating) {
      assert.match(described, new RegExp(`Normal +SuccessfulDelete +0s +replicaset-controller +Deleted pod: ${name}\\n`));
      assert.match(s.run(`describe pod ${name}`).stdout, /\n {2}Normal +Killing +0s +kubelet +Stopping container nginx\n$/);
    }
  });

  it('a terminating pod is no endpoint: get ep and describe svc list the three that stay', () => {
    const { s, terminating } = scaledDown();
    const ips = learnerPods(s.cluster)
      .filter((p) => !terminating.includes(p.metadata.name))
      .map((p) => p.status.podIP ?? '')
      .sort();
    const listed = `${ips.map((ip) => `${ip}:80`).join(',')}`;
    assert.match(s.run('get ep web').stdout, new RegExp(`\\nweb +${listed.replaceAll('.', '\\.')} +40s\\n`));
    // describe reads the EndpointSlice, whose ready endpoints are the same three (real-kubectl-slices.test.ts has its order).
    const line = /\nEndpoints: +(\S+)/.exec(s.run('describe svc web').stdout)?.[1] ?? '';
    assert.deepEqual(line.split(',').sort(), listed.split(',').sort());
  });

  it('apply of fewer replicas scales down the same way', () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: REPLICAS',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '    spec:',
      '      containers:',
      '      - name: nginx',
      '        image: nginx',
      '',
    ].join('\n');
    const s = new Session(2, { 'four.yaml': manifest.replace('REPLICAS', '4'), 'one.yaml': manifest.replace('REPLICAS', '1') });
    s.run('apply -f four.yaml');
    s.wait(30);
    assert.equal(s.run('apply -f one.yaml').stdout, 'deployment.apps/web configured\n');
    assert.equal(s.run('get pods').stdout.match(/Terminating/g)?.length, 3);
    assert.equal(s.cluster.events.filter((e) => e.reason === 'Killing').length, 3);
    s.wait(2);
    assert.equal(learnerPods(s.cluster).length, 1);
  });
});

describe('pods the garbage collector deletes', () => {
  it('record Killing as their containers stop', () => {
    const s = new Session(1);
    s.run('create deployment web --image=nginx --replicas=2');
    s.wait(30);
    const old = learnerPods(s.cluster).map((p) => `${p.metadata.name} Stopping container nginx kubelet/${p.spec.nodeName ?? ''}`);
    const rs = s.run('get rs -o name').stdout.trim();
    assert.equal(s.run(`delete ${rs} --wait=false`).stdout, `${rs.replace('replicaset.apps/', 'replicaset.apps "')}" deleted\n`);
    s.wait(1.5);
    const killed = s.cluster.events.filter((e) => e.reason === 'Killing').map((e) => `${e.involved.name} ${e.message} ${e.source}`);
    assert.deepEqual(killed.sort(), old.sort());
  });
});

describe('pods a namespace deletion takes', () => {
  it('record no Killing: the NamespaceLifecycle admission refuses new events in a terminating namespace', () => {
    // staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go: a create in
    // a namespace whose phase is Terminating is forbidden, events included, so the kubelet's
    // Killing event is rejected ("unable to create new content in namespace t because it is being terminated").
    const s = new Session(1);
    s.run('create ns t');
    s.run('create deployment d -n t --image=nginx');
    s.wait(20);
    s.run('delete ns t --wait=false');
    assert.match(s.run('get pods -n t').stdout, /\sTerminating\s/);
    assert.equal(s.cluster.events.filter((e) => e.reason === 'Killing' && e.involved.namespace === 't').length, 0);
  });
});

describe('the Killing event outlives its pod', () => {
  it('get events -o wide still names the container (SUBOBJECT spec.containers{nginx}) once the pod has gone', () => {
    const { s, terminating } = scaledDown();
    s.wait(2);
    const rows = s
      .run('get events -o wide')
      .stdout.split('\n')
      .filter((r) => /\sKilling\s/.test(r));
    assert.equal(rows.length, 2);
    for (const name of terminating)
      assert.ok(
        rows.some((r) => new RegExp(`pod/${name} +spec\\.containers\\{nginx\\} +kubelet, worker-\\d +Stopping container nginx`).test(r)),
        rows.join('\n'),
      );
  });
});
