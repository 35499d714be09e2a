// src/core/cluster/deployments.ts, replicasets.ts, pod-template-hash.ts: the deployment and
// ReplicaSet controllers against pkg/controller/deployment (rolling.go, sync.go) and
// apimachinery's rand.SafeEncodeString.

import { learnerPods } from '../../helpers/fixtures.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  advanceClock,
  createCluster,
  createDeployment,
  deploymentStatus,
  endpointsFor,
  findDeployment,
  isPodReady,
  newReplicaSet,
  podTemplateHash,
  replicaSetsOf,
  safeEncode,
  setDeploymentImages,
  type Cluster,
  type DeploymentInput,
} from '../../../src/core/cluster/index.js';
import { createService } from '../../../src/core/cluster/index.js';

const input = (replicas: number, image = 'nginx'): DeploymentInput => ({
  name: 'web',
  labels: { app: 'web' },
  replicas,
  selector: { app: 'web' },
  template: {
    labels: { app: 'web' },
    containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, protocol: 'TCP' }], env: [], imagePullPolicy: 'Always' }],
  },
});

function deploy(replicas: number, seed = 1): Cluster {
  const created = createDeployment(createCluster({ seed }), input(replicas));
  assert.ok(created.ok);
  return created.cluster;
}

describe('pod-template-hash', () => {
  it('maps decimal digits to the safe alphabet as SafeEncodeString does (0-9 -> 4 5 6 7 8 9 b c d f)', () => {
    assert.equal(safeEncode('0123456789'), '456789bcdf');
  });
  it('is the same for the same template and differs for another image', () => {
    const a = podTemplateHash(input(3).template);
    assert.equal(a, podTemplateHash(input(5).template));
    assert.notEqual(a, podTemplateHash(input(3, 'nginx:1.27').template));
    assert.match(a, /^[456789bcdf]{6,10}$/);
  });
});

describe('a new deployment', () => {
  it('makes one ReplicaSet named NAME-HASH and its pods NAME-HASH-xxxxx with the hash label and the owner', () => {
    const cluster = deploy(3);
    const rs = replicaSetsOf(cluster).filter((r) => r.metadata.namespace === 'default');
    assert.equal(rs.length, 1);
    const hash = rs[0]!.metadata.labels['pod-template-hash'];
    assert.equal(rs[0]!.metadata.name, `web-${hash}`);
    assert.equal(learnerPods(cluster).length, 3);
    for (const pod of learnerPods(cluster)) {
      assert.match(pod.metadata.name, new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      assert.deepEqual(pod.metadata.labels, { app: 'web', 'pod-template-hash': hash });
      assert.equal(pod.owner?.name, rs[0]!.metadata.name);
    }
  });
  it('has the same pod names for the same seed, and others for another seed', () => {
    const names = (c: Cluster) => c.pods.map((p) => p.metadata.name).join(',');
    assert.equal(names(deploy(3, 7)), names(deploy(3, 7)));
    assert.notEqual(names(deploy(3, 7)), names(deploy(3, 8)));
  });
  it('becomes ready as the pods start, in virtual time', () => {
    let cluster = deploy(3);
    const d = findDeployment(cluster, 'web')!;
    assert.equal(deploymentStatus(cluster, d).readyReplicas, 0);
    cluster = advanceClock(cluster, 30_000);
    assert.deepEqual(deploymentStatus(cluster, d), { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0 });
  });
  it('behind a service: three ready endpoints, ordered by IP as the endpoints controller repacks them', () => {
    let cluster = deploy(3);
    const svc = createService(cluster, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
    assert.ok(svc.ok);
    cluster = advanceClock(svc.cluster, 30_000);
    const ips = endpointsFor(cluster, svc.value).subsets.flatMap((s) => s.addresses.map((a) => a.ip));
    assert.equal(ips.length, 3);
    assert.deepEqual(ips, [...ips].sort());
    assert.deepEqual(new Set(ips), new Set(learnerPods(cluster).map((p) => p.status.podIP)));
  });
});

describe('a rolling update (25% max surge, 25% max unavailable)', () => {
  it('never has fewer than replicas - maxUnavailable ready pods, nor more than replicas + maxSurge pods', () => {
    let cluster = advanceClock(deploy(4), 30_000);
    const updated = setDeploymentImages(cluster, 'web', { nginx: 'nginx:1.27' });
    assert.ok(updated.ok);
    cluster = updated.cluster;
    for (let t = 0; t < 60; t++) {
      // maxSurge bounds the pods the ReplicaSets count: a terminating pod is no longer one of them
      // (Kubernetes 1.32 has no DeploymentPodReplacementPolicy; replica_set.go FilterActivePods).
      const active = learnerPods(cluster).filter((p) => !p.terminating);
      const ready = active.filter((p) => isPodReady(p, cluster.now)).length;
      assert.ok(active.length <= 5, `at most 4 + 1 pods, got ${active.length}`);
      assert.ok(ready >= 3, `at least 4 - 1 ready, got ${ready}`);
      cluster = advanceClock(cluster, 500);
    }
    const d = findDeployment(cluster, 'web')!;
    const current = newReplicaSet(cluster, d)!;
    cluster = advanceClock(cluster, 2000);
    assert.equal(learnerPods(cluster).length, 4);
    assert.ok(learnerPods(cluster).every((p) => p.owner?.uid === current.metadata.uid));
    assert.equal(current.metadata.annotations['deployment.kubernetes.io/revision'], '2');
  });
  it('records the controller events sync.go words: "to N" on creation, "to N from M" after', () => {
    let cluster = advanceClock(deploy(3), 30_000);
    const updated = setDeploymentImages(cluster, 'web', { nginx: 'nginx:1.27' });
    assert.ok(updated.ok);
    cluster = advanceClock(updated.cluster, 60_000);
    const messages = cluster.events.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message.replace(/web-\w+/, 'RS'));
    assert.equal(messages[0], 'Scaled up replica set RS to 3');
    assert.equal(messages[1], 'Scaled up replica set RS to 1');
    assert.ok(messages.includes('Scaled down replica set RS to 2 from 3'));
    assert.equal(messages[messages.length - 1], 'Scaled down replica set RS to 0 from 1');
  });
});

describe('validation', () => {
  it("refuses a selector that does not match the template labels, with the API's message", () => {
    const bad = createDeployment(createCluster({ seed: 1 }), { ...input(1), selector: { app: 'other' } });
    assert.ok(!bad.ok);
    assert.equal(bad.error.message, 'Deployment.apps "web" is invalid');
    assert.equal(bad.error.causes[0]?.field, 'spec.template.metadata.labels');
  });
  it('refuses negative replicas', () => {
    const bad = createDeployment(createCluster({ seed: 1 }), input(-1));
    assert.ok(!bad.ok);
    assert.equal(bad.error.causes[0]?.field, 'spec.replicas');
  });
});
