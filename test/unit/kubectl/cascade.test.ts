// kubectl delete --cascade, and the garbage collector behind it (src/core/kubectl/cascade.ts,
// src/core/cluster/garbage-collector.ts), against Kubernetes 1.32:
// - staging/src/k8s.io/kubectl/pkg/cmd/delete/delete_flags.go parseCascadingFlag: the values, the
//   bare flag (background), the boolean spellings and their deprecation warning;
// - staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go markAsDeleting and
//   deletionFinalizersForGarbageCollection: a foreground delete keeps the owner with a
//   deletionTimestamp, deletionGracePeriodSeconds 0, a bumped generation and the
//   foregroundDeletion finalizer;
// - pkg/controller/garbagecollector: orphaned dependents lose their ownerReferences; foreground
//   dependents go before their owner; background ones a moment after it;
// - pkg/controller/controller_ref_manager.go: a controller adopts orphans its selector matches.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handle } from '../../../src/core/api/handle.js';
import { advanceClock, findDeployment, replicaSetsOf as allReplicaSets, type Cluster } from '../../../src/core/cluster/index.js';

/** The learner's ReplicaSets (CoreDNS's is kube-system's). */
const replicaSetsOf = (c: Cluster) => allReplicaSets(c).filter((rs) => rs.metadata.namespace === 'default');
import { Session } from './helpers.js';

function withDeployment(replicas = 2): Session {
  const s = new Session(3);
  const made = s.run(`create deployment web --image=nginx --replicas=${replicas}`);
  assert.equal(made.exitCode, 0, made.stderr);
  s.wait(10);
  return s;
}

const podNames = (c: Cluster): string[] =>
  c.pods
    .filter((p) => p.metadata.namespace === 'default')
    .map((p) => p.metadata.name)
    .sort();

describe('kubectl delete --cascade: the flag', () => {
  it("rejects an unknown value with kubectl's message, before it looks for anything", () => {
    const s = withDeployment();
    const r = s.run('delete deploy nope --cascade=bogus');
    assert.equal(r.exitCode, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n');
  });

  it('takes a boolean with a deprecation warning: true is background, false is orphan, in the spelling given', () => {
    const s = withDeployment();
    const r = s.run('delete deploy web --cascade=false');
    assert.equal(r.exitCode, 0);
    assert.equal(r.stderr, 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
    assert.equal(r.stdout, 'deployment.apps "web" deleted\n');
    assert.equal(replicaSetsOf(s.cluster).length > 0, true, 'orphaned: the ReplicaSet stays');
    const t = withDeployment().run('delete deploy web --cascade=T');
    assert.equal(t.stderr, 'warning: --cascade=T is deprecated (boolean value) and can be replaced with --cascade=background.\n');
    const missing = withDeployment().run('delete deploy nope --cascade=1');
    assert.equal(
      missing.stderr,
      'warning: --cascade=1 is deprecated (boolean value) and can be replaced with --cascade=background.\nError from server (NotFound): deployments.apps "nope" not found\n',
    );
  });

  it('the bare flag means background, without a warning', () => {
    const s = withDeployment();
    const r = s.run('delete deploy web --cascade');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'deployment.apps "web" deleted\n');
  });
});

describe('kubectl delete --cascade=orphan', () => {
  it('leaves the ReplicaSet and its pods, without an ownerReference; a new Deployment adopts them', () => {
    const s = withDeployment();
    const pods = podNames(s.cluster);
    assert.equal(pods.length, 2);
    s.run('delete deploy web --cascade=orphan');
    s.wait(30);
    assert.deepEqual(podNames(s.cluster), pods, 'the pods are not touched');
    const rs = s.run('get rs');
    assert.match(rs.stdout, /^web-\w+ +2 +2 +2 +/m);
    const yaml = s.run('get rs -o yaml');
    assert.doesNotMatch(yaml.stdout, /ownerReferences/);
    assert.doesNotMatch(s.run('describe rs').stdout, /Controlled By/);
    // Made again, the Deployment's selector matches the orphan: it is adopted, and no pod is made.
    s.run('create deployment web --image=nginx --replicas=2');
    s.wait(5);
    assert.deepEqual(podNames(s.cluster), pods);
    assert.equal(replicaSetsOf(s.cluster).length, 1);
    assert.match(s.run('describe rs').stdout, /Controlled By:\s+Deployment\/web\n/);
  });

  it('deleting a ReplicaSet with orphan: its Deployment makes it again, and it adopts the pods', () => {
    const s = withDeployment();
    const pods = podNames(s.cluster);
    const [rs] = replicaSetsOf(s.cluster);
    assert.ok(rs);
    const r = s.run(`delete rs ${rs.metadata.name} --cascade=orphan`);
    assert.equal(r.stdout, `replicaset.apps "${rs.metadata.name}" deleted\n`);
    s.wait(5);
    const [again] = replicaSetsOf(s.cluster);
    assert.ok(again);
    assert.equal(again.metadata.name, rs.metadata.name);
    assert.notEqual(again.metadata.uid, rs.metadata.uid);
    assert.deepEqual(podNames(s.cluster), pods, 'no pod deleted, none made');
    assert.ok(s.cluster.pods.filter((p) => p.metadata.namespace === 'default').every((p) => p.owner?.uid === again.metadata.uid));
  });

  it('an orphaned pod keeps its generateName and loses its ownerReferences', () => {
    const s = withDeployment(1);
    const [rs] = replicaSetsOf(s.cluster);
    assert.ok(rs);
    s.run('delete deploy web --cascade=orphan');
    s.run(`delete rs ${rs.metadata.name} --cascade=orphan`);
    const pod = s.run('get pods -o yaml').stdout;
    assert.match(pod, new RegExp(`generateName: ${rs.metadata.name}-\\n`));
    assert.doesNotMatch(pod, /ownerReferences/);
  });
});

describe('kubectl delete --cascade=foreground', () => {
  it('--wait=false: the Deployment stays, marked, until its pods have gone; then it and its ReplicaSet go', () => {
    const s = withDeployment();
    const before = findDeployment(s.cluster, 'web');
    assert.ok(before);
    const r = s.run('delete deploy web --cascade=foreground --wait=false');
    assert.equal(r.stdout, 'deployment.apps "web" deleted\n');
    assert.equal(r.stderr, '');
    // Still listed; its ReplicaSet counts no terminating pod (replica_set.go calculateStatus over
    // FilterActivePods) and the Deployment's status follows (deployment_controller.go syncStatusOnly).
    assert.match(s.run('get deploy').stdout, /^web +0\/2 +0 +0 +/m, 'still listed, counting no terminating pod');
    const pods = s.run('get pods').stdout;
    assert.equal(pods.match(/Terminating/g)?.length, 2, pods);
    const yaml = s.run('get deploy web -o yaml').stdout;
    assert.match(yaml, /\n {2}deletionGracePeriodSeconds: 0\n {2}deletionTimestamp: "[^"]+"\n {2}finalizers:\n {2}- foregroundDeletion\n {2}generation: 2\n/);
    assert.match(s.run('get rs -o yaml').stdout, /finalizers:\n {4}- foregroundDeletion\n/);
    // The controllers leave it alone: no pod replaces the terminating ones.
    s.wait(0.5);
    assert.equal(podNames(s.cluster).length, 2);
    s.wait(1);
    assert.equal(podNames(s.cluster).length, 0);
    assert.equal(findDeployment(s.cluster, 'web'), undefined);
    assert.equal(replicaSetsOf(s.cluster).length, 0);
  });

  it('kubectl waits by default: when it returns, the Deployment and everything under it are gone', () => {
    const s = withDeployment();
    const at = s.cluster.now;
    const r = s.run('delete deploy web --cascade=foreground');
    assert.equal(r.stdout, 'deployment.apps "web" deleted\n');
    assert.equal(findDeployment(s.cluster, 'web'), undefined);
    assert.equal(replicaSetsOf(s.cluster).length, 0);
    assert.deepEqual(podNames(s.cluster), []);
    assert.ok(s.cluster.now > at, "the wait took the pods' stopping time");
  });
});

describe('kubectl delete (background, the default)', () => {
  it('the ReplicaSet goes a moment later, and its pods then terminate gracefully', () => {
    const s = withDeployment();
    s.run('delete deploy web');
    assert.equal(replicaSetsOf(s.cluster).length, 1, 'not yet collected');
    s.wait(1);
    assert.equal(replicaSetsOf(s.cluster).length, 0);
    assert.equal(s.run('get pods').stdout.match(/Terminating/g)?.length, 2);
    assert.match(s.run('get pods -o yaml').stdout, /deletionGracePeriodSeconds: 30\n/);
    s.wait(1);
    assert.deepEqual(podNames(s.cluster), []);
  });

  it('a terminating pod is no endpoint', () => {
    const s = withDeployment();
    s.run('expose deploy web --port=80');
    assert.equal(s.run('get ep web').stdout.split('\n')[1]?.split(/\s+/)[1]?.split(',').length, 2);
    s.run('delete deploy web');
    s.wait(1);
    assert.match(s.run('get ep web').stdout, /^web +<none> +/m);
  });
});

describe('DaemonSet deletion', () => {
  it('its pods are collected after it and terminate gracefully, not vanish at once', () => {
    const s = withDeployment();
    const proxies = (c: Cluster) => c.pods.filter((p) => p.metadata.namespace === 'kube-system' && p.metadata.name.startsWith('kube-proxy-'));
    const count = proxies(s.cluster).length;
    assert.ok(count >= 2);
    const r = s.run('delete ds kube-proxy -n kube-system');
    assert.equal(r.stdout, 'daemonset.apps "kube-proxy" deleted\n');
    assert.equal(proxies(s.cluster).length, count, 'the collector has not come yet');
    assert.ok(proxies(s.cluster).every((p) => !p.terminating));
    s.wait(1);
    assert.equal(proxies(s.cluster).length, count);
    assert.ok(proxies(s.cluster).every((p) => p.terminating?.graceSeconds === 30));
    const listed = s.run('get pods -n kube-system -l k8s-app=kube-proxy').stdout;
    assert.equal(listed.match(/Terminating/g)?.length, count, listed);
    assert.match(
      s.run(`describe pod -n kube-system ${proxies(s.cluster)[0]?.metadata.name ?? ''}`).stdout,
      /Status:\s+Terminating \(lasts \d+s\)\nTermination Grace Period:\s+30s\n/,
    );
    s.wait(1);
    assert.equal(proxies(s.cluster).length, 0);
    assert.equal(s.run('get ds -n kube-system kube-proxy').stderr, 'Error from server (NotFound): daemonsets.apps "kube-proxy" not found\n');
  });

  it('with orphan, its pods stay and no new DaemonSet pod is made', () => {
    const s = withDeployment();
    const before = s.cluster.pods.filter((p) => p.metadata.name.startsWith('kube-proxy-')).map((p) => p.metadata.name);
    s.run('delete ds kube-proxy -n kube-system --cascade=orphan');
    s.wait(30);
    const after = s.cluster.pods.filter((p) => p.metadata.name.startsWith('kube-proxy-'));
    assert.deepEqual(
      after.map((p) => p.metadata.name),
      before,
    );
    assert.ok(after.every((p) => p.owner === undefined && !p.terminating));
  });
});

describe("DELETE through the lab's API: DeleteOptions.propagationPolicy", () => {
  const request = (path: string, body: unknown, query: [string, string][] = []) => ({
    method: 'DELETE',
    path,
    query: new Map(query),
    accept: 'application/json',
    contentType: 'application/json',
    body: JSON.stringify(body),
  });

  it('Foreground in the body: 200 with the Deployment marked, and it stays until its pods have gone', () => {
    const s = withDeployment();
    const answer = handle(
      s.cluster,
      request('/apis/apps/v1/namespaces/default/deployments/web', { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' }),
    );
    assert.equal(answer.response.status, 200);
    const meta = (JSON.parse(answer.response.body) as { metadata: Record<string, unknown> }).metadata;
    assert.deepEqual(meta.finalizers, ['foregroundDeletion']);
    assert.equal(meta.deletionGracePeriodSeconds, 0);
    assert.equal(meta.generation, 2);
    assert.deepEqual(Object.keys(meta).slice(0, 8), [
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
    ]);
    assert.ok(findDeployment(answer.cluster, 'web'));
    assert.equal(findDeployment(advanceClock(answer.cluster, 2000), 'web'), undefined);
  });

  it('Orphan in the query: the orphan finalizer in the answer, the ReplicaSet kept without its owner', () => {
    const s = withDeployment();
    const answer = handle(s.cluster, request('/apis/apps/v1/namespaces/default/deployments/web', {}, [['propagationPolicy', 'Orphan']]));
    assert.equal(answer.response.status, 200);
    assert.deepEqual((JSON.parse(answer.response.body) as { metadata: { finalizers: string[] } }).metadata.finalizers, ['orphan']);
    const later = advanceClock(answer.cluster, 30_000);
    assert.equal(replicaSetsOf(later).length, 1);
    assert.equal(replicaSetsOf(later)[0]?.owner, undefined);
  });

  it('a DaemonSet can be deleted through the API, and an unknown policy is refused before the object is looked for', () => {
    const s = withDeployment();
    const ds = handle(s.cluster, request('/apis/apps/v1/namespaces/kube-system/daemonsets/kube-proxy', { propagationPolicy: 'Background' }));
    assert.equal(ds.response.status, 200);
    const bad = handle(s.cluster, request('/apis/apps/v1/namespaces/default/deployments/nope', { propagationPolicy: 'Sideways' }));
    assert.equal(bad.response.status, 422);
    const status = JSON.parse(bad.response.body) as { message: string; reason: string };
    assert.equal(status.reason, 'Invalid');
    assert.equal(
      status.message,
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    );
    const both = handle(s.cluster, request('/apis/apps/v1/namespaces/default/deployments/web', { propagationPolicy: 'Orphan', orphanDependents: true }));
    assert.equal(
      (JSON.parse(both.response.body) as { message: string }).message,
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set',
    );
  });
});
