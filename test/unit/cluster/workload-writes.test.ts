// src/core/cluster/workload-writes.ts: a Deployment and a bare ReplicaSet written from a manifest
// through one routine per verb. The same table runs for both kinds, so what the API server does
// alike for both (pkg/registry/apps/deployment and replicaset: NamespaceLifecycle admission, the
// AlreadyExists and NotFound Status, kubectl apply's created / unchanged / configured and its
// missing-annotation warning) stays alike; what only a kind does is asserted for that kind.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyWorkload,
  createCluster,
  createWorkload,
  DEPLOYMENT_WRITES,
  REPLICASET_WRITES,
  replaceWorkload,
  type Cluster,
  type Deployment,
  type ReplicaSet,
  type WorkloadInput,
  type WorkloadManifest,
  type WorkloadWrites,
} from '../../../src/core/cluster/index.js';

const manifest = (kind: string, replicas: number, labels: Record<string, string> = { app: 'web' }): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'web', labels },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
});

function decoded<T extends Deployment | ReplicaSet, I extends WorkloadInput>(writes: WorkloadWrites<T, I>, m: Record<string, unknown>): WorkloadManifest<I> {
  const d = writes.decode(m);
  assert.ok(d.ok);
  return d.value;
}

const lastApplied = (m: Record<string, unknown>): string => `${JSON.stringify(m)}\n`;

function eachKind(run: <T extends Deployment | ReplicaSet, I extends WorkloadInput>(writes: WorkloadWrites<T, I>) => void): void {
  for (const writes of [DEPLOYMENT_WRITES, REPLICASET_WRITES] as const)
    it(writes.kind, () => run(writes as WorkloadWrites<Deployment | ReplicaSet, WorkloadInput>));
}

describe('a workload created from a manifest', () => {
  eachKind((writes) => {
    const cluster = createCluster({ seed: 3 });
    const created = createWorkload(writes, cluster, decoded(writes, manifest(writes.kind, 2)).input);
    assert.ok(created.ok);
    assert.equal(created.value.kind, writes.kind);
    assert.equal(created.value.metadata.namespace, 'default');
    assert.deepEqual(created.value.metadata.labels, { app: 'web' });
    assert.equal(writes.find(created.cluster, 'web', 'default'), created.value);
    assert.equal(writes.find(cluster, 'web', 'default'), undefined, 'the cluster it was given is not changed');
    const again = createWorkload(writes, created.cluster, decoded(writes, manifest(writes.kind, 2)).input);
    assert.ok(!again.ok);
    assert.equal(again.error.message, `${writes.plural}.apps "web" already exists`);
    const elsewhere = createWorkload(writes, cluster, { ...decoded(writes, manifest(writes.kind, 2)).input, namespace: 'nowhere' });
    assert.ok(!elsewhere.ok);
    assert.equal(elsewhere.error.message, 'namespaces "nowhere" not found');
    const invalid = createWorkload(writes, cluster, decoded(writes, manifest(writes.kind, -1)).input);
    assert.ok(!invalid.ok);
    assert.equal(invalid.error.message, `${writes.kind}.apps "web" is invalid`);
  });
});

describe('a workload applied from a manifest', () => {
  eachKind((writes) => {
    const first = manifest(writes.kind, 2);
    const created = applyWorkload(writes, createCluster({ seed: 3 }), decoded(writes, first), lastApplied(first));
    assert.ok(created.ok);
    assert.equal(created.value.action, 'created');
    const same = applyWorkload(writes, created.cluster, decoded(writes, first), lastApplied(first));
    assert.ok(same.ok);
    assert.equal(same.value.action, 'unchanged');
    assert.equal(same.cluster, created.cluster);
    const second = manifest(writes.kind, 3, { app: 'web', tier: 'front' });
    const changed = applyWorkload(writes, created.cluster, decoded(writes, second), lastApplied(second));
    assert.ok(changed.ok);
    assert.equal(changed.value.action, 'configured');
    assert.equal(changed.value.missingAnnotation, false);
    assert.equal(changed.value.object.spec.replicas, 3);
    assert.deepEqual(changed.value.object.metadata.labels, { app: 'web', tier: 'front' });
    assert.equal(changed.value.object.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'], lastApplied(second));
  });

  eachKind((writes) => {
    // Made by create, so without the annotation: kubectl apply warns, then patches it in.
    const made = createWorkload(writes, createCluster({ seed: 3 }), decoded(writes, manifest(writes.kind, 2)).input);
    assert.ok(made.ok);
    const m = manifest(writes.kind, 2);
    const applied = applyWorkload(writes, made.cluster, decoded(writes, m), lastApplied(m));
    assert.ok(applied.ok);
    assert.equal(applied.value.action, 'configured');
    assert.equal(applied.value.missingAnnotation, true);
  });
});

describe('a label the last apply set and this one drops', () => {
  // A label key may be any name, `constructor` too: the merge looks at the last manifest's own keys
  // (kubectl's three-way merge of the last-applied configuration).
  eachKind((writes) => {
    const first = manifest(writes.kind, 2, { app: 'web', constructor: 'x' });
    const created = applyWorkload(writes, createCluster({ seed: 3 }), decoded(writes, first), lastApplied(first));
    assert.ok(created.ok);
    const second = manifest(writes.kind, 2, { app: 'web' });
    const changed = applyWorkload(writes, created.cluster, decoded(writes, second), lastApplied(second));
    assert.ok(changed.ok);
    assert.equal(changed.value.action, 'configured');
    assert.deepEqual(changed.value.object.metadata.labels, { app: 'web' });
  });
});

describe('a workload replaced from a manifest', () => {
  eachKind((writes) => {
    const cluster: Cluster = createCluster({ seed: 3 });
    const missing = replaceWorkload(writes, cluster, decoded(writes, manifest(writes.kind, 2)).input);
    assert.ok(!missing.ok);
    assert.equal(missing.error.message, `${writes.plural}.apps "web" not found`);
    const created = createWorkload(writes, cluster, decoded(writes, manifest(writes.kind, 2)).input);
    assert.ok(created.ok);
    const replaced = replaceWorkload(writes, created.cluster, decoded(writes, manifest(writes.kind, 4, { tier: 'back' })).input);
    assert.ok(replaced.ok);
    assert.equal(replaced.value.spec.replicas, 4);
    assert.deepEqual(replaced.value.metadata.labels, { tier: 'back' }, "the labels are the manifest's, not merged");
    assert.equal(replaced.value.metadata.uid, created.value.metadata.uid);
  });
});

describe('what only one kind does', () => {
  it('a Deployment owns a ReplicaSet with the revision annotation; a bare ReplicaSet has neither', () => {
    const cluster = createCluster({ seed: 3 });
    const d = createWorkload(DEPLOYMENT_WRITES, cluster, decoded(DEPLOYMENT_WRITES, manifest('Deployment', 1)).input);
    assert.ok(d.ok);
    assert.equal(d.value.generation, 1);
    const owned = (d.cluster.replicaSets ?? []).filter((rs) => rs.owner?.uid === d.value.metadata.uid);
    assert.equal(owned.length, 1);
    assert.equal(owned[0]?.metadata.annotations['deployment.kubernetes.io/revision'], '1');
    const rs = createWorkload(REPLICASET_WRITES, cluster, decoded(REPLICASET_WRITES, manifest('ReplicaSet', 1)).input);
    assert.ok(rs.ok);
    assert.equal(rs.value.owner, undefined);
    assert.equal(rs.value.metadata.annotations['deployment.kubernetes.io/revision'], undefined);
  });

  it('a ReplicaSet refuses a new selector (ValidateImmutableField); a Deployment takes it', () => {
    const other = (kind: string): Record<string, unknown> => {
      const m = manifest(kind, 1);
      const spec = m.spec as Record<string, unknown>;
      return {
        ...m,
        spec: {
          ...spec,
          selector: { matchLabels: { app: 'web', v: '2' } },
          template: { metadata: { labels: { app: 'web', v: '2' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
        },
      };
    };
    for (const [writes, refused] of [
      [DEPLOYMENT_WRITES, false],
      [REPLICASET_WRITES, true],
    ] as const) {
      const w = writes as WorkloadWrites<Deployment | ReplicaSet, WorkloadInput>;
      const created = createWorkload(w, createCluster({ seed: 3 }), decoded(w, manifest(w.kind, 1)).input);
      assert.ok(created.ok);
      const replaced = replaceWorkload(w, created.cluster, decoded(w, other(w.kind)).input);
      assert.equal(!replaced.ok, refused, w.kind);
      if (!replaced.ok) assert.match(replaced.error.causes.map((c) => `${c.field}: ${c.detail}`).join('\n'), /^spec\.selector: field is immutable$/m);
    }
  });
});
