// Namespaces in the core (src/core/cluster/namespaces.ts): objects are filed under (namespace,
// name); selectors, service environment variables and endpoints stay inside a namespace; cluster
// IPs, node ports and pod IPs are cluster-wide. Messages per plugin/pkg/admission/namespace/lifecycle
// (NotFound for a missing namespace, "this namespace may not be deleted") and
// pkg/registry/core/namespace (the kubernetes.io/metadata.name label).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  advanceClock,
  createCluster,
  createDeployment,
  createNamespace,
  createPod,
  createService,
  deleteNamespace,
  endpointsFor,
  findNamespace,
  findPod,
  findService,
  listNamespaces,
  type Cluster,
} from '../../../src/core/cluster/index.js';

function must<T>(r: { ok: true; cluster: Cluster; value: T } | { ok: false; error: { message: string } }): { cluster: Cluster; value: T } {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const nginx = (name: string, namespace?: string, labels: Record<string, string> = { app: 'web' }) => ({
  name,
  ...(namespace ? { namespace } : {}),
  labels,
  containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }],
});

describe('namespaces', () => {
  it('lists the four built-in namespaces and a created one by name, each with its name label', () => {
    const c = must(createNamespace(createCluster({ seed: 1 }), { name: 'shop', labels: { team: 'a' } })).cluster;
    assert.deepEqual(
      listNamespaces(c).map((n) => n.metadata.name),
      ['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system', 'shop'],
    );
    const shop = listNamespaces(c).find((n) => n.metadata.name === 'shop');
    assert.deepEqual(shop?.metadata.labels, { team: 'a', 'kubernetes.io/metadata.name': 'shop' });
  });

  it('refuses a namespace that exists, and a name that is no DNS-1123 label', () => {
    const c = must(createNamespace(createCluster({ seed: 1 }), { name: 'shop' })).cluster;
    const again = createNamespace(c, { name: 'shop' });
    assert.equal(again.ok ? '' : again.error.message, 'namespaces "shop" already exists');
    const builtin = createNamespace(c, { name: 'default' });
    assert.equal(builtin.ok ? '' : builtin.error.kind, 'AlreadyExists');
    const bad = createNamespace(c, { name: 'Shop' });
    assert.equal(bad.ok ? '' : bad.error.kind, 'Invalid');
  });

  it('creating in a namespace that does not exist is NotFound for the namespace', () => {
    const c = createCluster({ seed: 1 });
    const pod = createPod(c, nginx('web', 'foo'));
    assert.deepEqual(pod.ok ? undefined : [pod.error.kind, pod.error.message], ['NotFound', 'namespaces "foo" not found']);
    const svc = createService(c, { name: 'web', namespace: 'foo', ports: [{ port: 80 }] });
    assert.equal(svc.ok ? '' : svc.error.message, 'namespaces "foo" not found');
    const d = createDeployment(c, {
      name: 'web',
      namespace: 'foo',
      replicas: 1,
      selector: { app: 'web' },
      template: { labels: { app: 'web' }, containers: [] },
    });
    assert.equal(d.ok ? '' : d.error.message, 'namespaces "foo" not found');
  });

  it('the same name may live in two namespaces; each is found in its own', () => {
    let c = must(createNamespace(createCluster({ seed: 1 }), { name: 'shop' })).cluster;
    c = must(createPod(c, nginx('web'))).cluster;
    c = must(createPod(c, nginx('web', 'shop'))).cluster;
    const inDefault = findPod(c, 'web');
    const inShop = findPod(c, 'web', 'shop');
    assert.equal(inDefault?.metadata.namespace, 'default');
    assert.equal(inShop?.metadata.namespace, 'shop');
    assert.notEqual(inDefault?.status.podIP, inShop?.status.podIP, 'pod IPs are cluster-wide');
    const dup = createPod(c, nginx('web', 'shop'));
    assert.equal(dup.ok ? '' : dup.error.message, 'pods "web" already exists');
  });

  it("a service selects only its own namespace's pods; cluster IPs and node ports are cluster-wide", () => {
    let c = must(createNamespace(createCluster({ seed: 1 }), { name: 'shop' })).cluster;
    c = must(createPod(c, nginx('a'))).cluster;
    c = must(createPod(c, nginx('b', 'shop'))).cluster;
    c = must(createService(c, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] })).cluster;
    const taken = createService(c, { name: 'web', namespace: 'shop', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] });
    assert.match(taken.ok ? '' : taken.error.message, /Service "web" is invalid/);
    c = must(createService(c, { name: 'web', namespace: 'shop', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] })).cluster;
    c = { ...c, now: c.now + 60_000 };
    const own = (ns: string) => endpointsFor(c, findService(c, 'web', ns)!).subsets.flatMap((s) => s.addresses.map((a) => a.podName));
    assert.deepEqual(own('default'), ['a']);
    assert.deepEqual(own('shop'), ['b']);
    assert.notEqual(findService(c, 'web')?.spec.clusterIP, findService(c, 'web', 'shop')?.spec.clusterIP);
  });

  it("a pod's service environment holds its own namespace's services only (pkg/kubelet/envvars)", () => {
    let c = must(createNamespace(createCluster({ seed: 1 }), { name: 'shop' })).cluster;
    c = must(createService(c, { name: 'cart', namespace: 'shop', selector: { app: 'cart' }, ports: [{ port: 80 }] })).cluster;
    c = must(createPod(c, nginx('here', 'shop'))).cluster;
    c = must(createPod(c, nginx('there'))).cluster;
    const names = (ns: string) => findPod(c, ns === 'shop' ? 'here' : 'there', ns)!.serviceEnv.map((e) => e.name);
    assert.ok(names('shop').includes('CART_SERVICE_HOST'));
    assert.ok(!names('default').includes('CART_SERVICE_HOST'));
    assert.ok(names('default').includes('KUBERNETES_SERVICE_HOST'));
  });

  it('deleting a namespace deletes what is in it and nothing else; the built-in ones may not be deleted', () => {
    let c = must(createNamespace(createCluster({ seed: 1 }), { name: 'shop' })).cluster;
    c = must(createPod(c, nginx('web'))).cluster;
    c = must(createPod(c, nginx('web', 'shop'))).cluster;
    c = must(createService(c, { name: 'web', namespace: 'shop', selector: { app: 'web' }, ports: [{ port: 80 }] })).cluster;
    c = must(
      createDeployment(c, {
        name: 'd',
        namespace: 'shop',
        replicas: 2,
        selector: { app: 'd' },
        template: { labels: { app: 'd' }, containers: [{ name: 'n', image: 'nginx', ports: [], env: [], imagePullPolicy: 'Always' }] },
      }),
    ).cluster;
    assert.equal(c.pods.filter((p) => p.metadata.namespace === 'shop').length, 3);
    const terminating = must(deleteNamespace(c, 'shop')).cluster;
    assert.ok(findNamespace(terminating, 'shop')?.terminating, 'Terminating first');
    assert.equal(terminating.pods.filter((p) => p.metadata.namespace === 'shop' && p.terminating).length, 3);
    const gone = advanceClock(terminating, 16_000);
    assert.deepEqual(
      gone.pods.filter((p) => !p.metadata.namespace.startsWith('kube-')).map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
      ['default/web'],
    );
    assert.deepEqual(
      gone.services.map((s) => s.metadata.name),
      ['kubernetes', 'kube-dns'],
    );
    const inShop = (o: { metadata: { namespace: string } }): boolean => o.metadata.namespace === 'shop';
    assert.equal((gone.deployments ?? []).filter(inShop).length + (gone.replicaSets ?? []).filter(inShop).length, 0);
    assert.ok(!listNamespaces(gone).some((n) => n.metadata.name === 'shop'));
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      const refused = deleteNamespace(gone, name);
      assert.deepEqual(refused.ok ? undefined : [refused.error.kind, refused.error.message], [
        'Forbidden',
        `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      ]);
    }
    const missing = deleteNamespace(gone, 'shop');
    assert.equal(missing.ok ? '' : missing.error.message, 'namespaces "shop" not found');
  });
});
