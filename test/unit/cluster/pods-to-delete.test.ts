// src/core/cluster/pods-to-delete.ts: which pods a ReplicaSet deletes first, against
// pkg/controller/replicaset/replica_set.go getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode
// and pkg/controller/controller_utils.go ActivePodsWithRanks.Less (Kubernetes 1.32, with
// LogarithmicScaleDown and PodDeletionCost on, as they are by default).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceClock, createCluster, createDeployment, type Cluster, type Pod, type ReplicaSet } from '../../../src/core/cluster/index.js';
import { deletionCost, podsToDelete } from '../../../src/core/cluster/pods-to-delete.js';
import { learnerPods } from '../../helpers/fixtures.js';

function deployed(replicas: number): { cluster: Cluster; rs: ReplicaSet; pods: Pod[] } {
  const created = createDeployment(createCluster({ seed: 3 }), {
    name: 'web',
    labels: { app: 'web' },
    replicas,
    selector: { app: 'web' },
    template: { labels: { app: 'web' }, containers: [{ name: 'nginx', image: 'nginx', ports: [], env: [], imagePullPolicy: 'Always' }] },
  });
  assert.ok(created.ok);
  const cluster = advanceClock(created.cluster, 600_000);
  const rs = cluster.replicaSets?.find((r) => r.owner?.name === 'web');
  assert.ok(rs);
  return { cluster, rs, pods: learnerPods(cluster) };
}

/** The same pods with some changed, and the cluster holding them. */
function withPods(cluster: Cluster, pods: readonly Pod[]): Cluster {
  const byUid = new Map(pods.map((p) => [p.metadata.uid, p]));
  return { ...cluster, pods: cluster.pods.map((p) => byUid.get(p.metadata.uid) ?? p) };
}

const names = (pods: readonly Pod[]): string[] => pods.map((p) => p.metadata.name);
const annotated = (pod: Pod, cost: string): Pod => ({
  ...pod,
  metadata: { ...pod.metadata, annotations: { ...pod.metadata.annotations, 'controller.kubernetes.io/pod-deletion-cost': cost } },
});
const onNode = (pod: Pod, node: string): Pod => ({ ...pod, spec: { ...pod.spec, nodeName: node } });
/** Ready (and created) `ago` ms before `now`. */
function readySince(pod: Pod, now: number, ago: number): Pod {
  const at = now - ago;
  return {
    ...pod,
    metadata: { ...pod.metadata, creationTimestamp: Math.floor((at - 3000) / 1000) * 1000 },
    timeline: { scheduledAt: at - 3000, sandboxAt: at - 2500, pullStartedAt: at - 2400, pulledAt: at - 1000, startedAt: at },
  };
}

describe('ActivePodsWithRanks: the order a ReplicaSet deletes its extra pods in', () => {
  it('a pod no node has taken goes before the newest pod on a node', () => {
    const { cluster, rs, pods } = deployed(3);
    const [a, b, c] = pods as [Pod, Pod, Pod];
    const spec: { -readonly [K in keyof Pod['spec']]: Pod['spec'][K] } = { ...a.spec };
    delete spec.nodeName;
    const unassigned: Pod = { ...a, spec, metadata: { ...a.metadata, creationTimestamp: a.metadata.creationTimestamp - 60_000 } };
    const next = withPods(cluster, [unassigned, readySince(b, cluster.now, 1000), c]);
    assert.deepEqual(names(podsToDelete(next, rs, learnerPods(next), 1)), [a.metadata.name]);
  });

  it('Pending before Running, whatever their age', () => {
    const { cluster, rs, pods } = deployed(3);
    const [a, b, c] = pods as [Pod, Pod, Pod];
    const pending: Pod = { ...a, timeline: { ...a.timeline, startedAt: cluster.now + 10_000 } };
    const next = withPods(cluster, [pending, readySince(b, cluster.now, 2000), c]);
    assert.deepEqual(names(podsToDelete(next, rs, learnerPods(next), 1)), [a.metadata.name]);
  });

  it('a lower controller.kubernetes.io/pod-deletion-cost goes first; absent or malformed counts as 0', () => {
    const { cluster, rs, pods } = deployed(3);
    const [a, b, c] = pods as [Pod, Pod, Pod];
    const next = withPods(cluster, [annotated(a, '-5'), annotated(readySince(b, cluster.now, 1000), '10'), annotated(c, '+3')]);
    assert.equal(deletionCost(annotated(c, '+3')), 0);
    assert.equal(deletionCost(annotated(c, '007')), 0);
    assert.equal(deletionCost(annotated(c, '-12')), -12);
    assert.deepEqual(names(podsToDelete(next, rs, learnerPods(next), 2)), [a.metadata.name, c.metadata.name]);
  });

  it("a pod sharing its node with more of the Deployment's pods goes first", () => {
    const { cluster, rs, pods } = deployed(3);
    const [a, b, c] = pods as [Pod, Pod, Pod];
    const nodes = cluster.nodes.map((n) => n.metadata.name).filter((n) => n !== 'controlplane');
    const [one, two] = nodes as [string, string];
    // b and c share a node; a, the newest, is alone on the other.
    const next = withPods(cluster, [onNode(readySince(a, cluster.now, 1000), one), onNode(b, two), onNode(c, two)]);
    const chosen = podsToDelete(next, rs, learnerPods(next), 1);
    assert.ok(chosen[0]?.spec.nodeName === two, `a doubled-up pod goes, not ${names(chosen).join()}`);
  });

  it('two ready pods: the one ready for less time goes, by powers of two of nanoseconds; one bucket compares UIDs', () => {
    const { cluster, rs, pods } = deployed(3);
    const [a, b, c] = pods as [Pod, Pod, Pod];
    const now = cluster.now;
    // All on one node, so the doubled-up rank ties.
    const node = a.spec.nodeName ?? '';
    const readyOn = (p: Pod, at: number, ago: number): Pod => onNode(readySince(p, at, ago), node);
    // 40 s and 60 s ago: log2(4e10) and log2(6e10) both floor to 35, so the smaller UID goes,
    // even if it is the older one.
    const older = readyOn(a, now, 60_000);
    const newer = readyOn(b, now, 40_000);
    const oldest = readyOn(c, now, 500_000);
    const next = withPods(cluster, [older, newer, oldest]);
    const smaller = older.metadata.uid < newer.metadata.uid ? older : newer;
    assert.deepEqual(names(podsToDelete(next, rs, learnerPods(next), 1)), [smaller.metadata.name]);
    // 10 s and 60 s ago: buckets 33 and 35, so the newer goes whatever the UIDs.
    const recent = readyOn(b, now, 10_000);
    const again = withPods(cluster, [older, recent, oldest]);
    assert.deepEqual(names(podsToDelete(again, rs, learnerPods(again), 1)), [recent.metadata.name]);
  });

  it('same ready time and age: more restarts go first', () => {
    const { cluster, rs, pods } = deployed(3);
    const [a, b, c] = pods as [Pod, Pod, Pod];
    const same = (p: Pod): Pod => onNode(readySince(p, cluster.now, 100_000), a.spec.nodeName ?? '');
    const next = withPods(cluster, [same(a), { ...same(b), restartCount: 2 }, same(c)]);
    assert.deepEqual(names(podsToDelete(next, rs, learnerPods(next), 1)), [b.metadata.name]);
  });
});
