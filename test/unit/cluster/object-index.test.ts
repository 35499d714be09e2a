// The cluster's lookup tables (by name, IP, label, node port, cluster IP, involved object)
// must answer exactly what a scan of the cluster's lists answers, whatever happened before:
// creates, deletes, applies, label changes, access logs, going back to an older cluster, or
// lists replaced by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  advanceClock,
  appendAccessLog,
  applyObject,
  createCluster,
  createPod,
  createService,
  decodeObject,
  deletePod,
  deleteService,
  eventsFor,
  findEndpoints,
  findPod,
  findService,
  listEndpoints,
  matchesSelector,
  podByIP,
  selectedPods,
  serviceOnNodePort,
  serviceToInput,
  setLabels,
  updateService,
  usedNodePorts,
  type Cluster,
  type Labels,
} from '../../../src/core/cluster/index.js';
import { runKubectl } from '../../../src/core/kubectl/index.js';
import { runs } from '../../helpers/soak.js';

const NAMES = ['a', 'b', 'c'];
const SELECTORS: Labels[] = [{ app: 'web' }, { app: 'api' }, { tier: 'front' }, { app: 'web', tier: 'front' }, { app: 'none' }];
const LABELS: Labels[] = [{ app: 'web' }, { app: 'api' }, { app: 'web', tier: 'front' }, { tier: 'front' }, {}];

/** Every lookup, against a plain scan of the lists. */
function assertConsistent(k: Cluster): void {
  for (const name of [...NAMES, 'kubernetes', 'missing']) {
    assert.equal(
      findPod(k, name),
      k.pods.find((p) => p.metadata.name === name && p.metadata.namespace === 'default'),
      `findPod ${name}`,
    );
    assert.equal(
      findService(k, name),
      k.services.find((s) => s.metadata.name === name && s.metadata.namespace === 'default'),
      `findService ${name}`,
    );
    assert.deepEqual(
      findEndpoints(k, name),
      listEndpoints(k).find((e) => e.metadata.name === name && e.metadata.namespace === 'default'),
      `findEndpoints ${name}`,
    );
  }
  for (const ip of [...k.pods.flatMap((p) => (p.status.podIP === undefined ? [] : [p.status.podIP])), '10.244.1.250']) {
    // A hostNetwork pod (kube-proxy, flannel, the static pods) shares its node's address: the node answers there.
    assert.equal(
      podByIP(k, ip),
      k.pods.find((p) => !p.spec.hostNetwork && p.status.podIP === ip && k.now >= p.timeline.sandboxAt),
      `podByIP ${ip}`,
    );
  }
  for (const service of k.services) {
    const selector = service.spec.selector;
    const scanned =
      selector === undefined || Object.keys(selector).length === 0
        ? []
        : k.pods.filter((p) => p.metadata.namespace === service.metadata.namespace && matchesSelector(selector, p.metadata.labels));
    assert.deepEqual(selectedPods(k, service), scanned, `selectedPods ${service.metadata.name}`);
  }
  for (const uid of [...k.pods, ...k.services].map((o) => o.metadata.uid)) {
    assert.deepEqual(
      eventsFor(k, uid),
      k.events.filter((e) => e.involvedUid === uid && e.at <= k.now).sort((a, b) => a.at - b.at),
    );
  }
  const used = new Set(k.services.flatMap((s) => s.spec.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort]))));
  assert.deepEqual(usedNodePorts(k), used);
  for (const port of [...used, 30000]) {
    const scanned = k.services
      .filter((s) => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer')
      .map((service) => ({ service, port: service.spec.ports.find((p) => p.nodePort === port && p.protocol === 'TCP') }))
      .find((t) => t.port !== undefined);
    assert.deepEqual(serviceOnNodePort(k, port), scanned, `serviceOnNodePort ${port}`);
  }
}

type Step =
  | { op: 'pod'; name: string; labels: Labels }
  | { op: 'delete-pod'; name: string }
  | { op: 'label-pod'; name: string; labels: Labels }
  | { op: 'apply-pod'; name: string; labels: Labels }
  | { op: 'log'; name: string }
  | { op: 'service'; name: string; selector: Labels; nodePort: boolean }
  | { op: 'update-service'; name: string; selector: Labels; nodePort: number | undefined }
  | { op: 'delete-service'; name: string }
  | { op: 'kubectl'; line: string }
  | { op: 'wait'; ms: number }
  | { op: 'back'; steps: number }
  | { op: 'copy-lists' };

const name = fc.constantFrom(...NAMES);
const labels = fc.constantFrom(...LABELS);
const selector = fc.constantFrom(...SELECTORS);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('pod' as const), name, labels }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('delete-pod' as const), name }), weight: 2 },
  fc.record({ op: fc.constant('label-pod' as const), name, labels }),
  fc.record({ op: fc.constant('apply-pod' as const), name, labels }),
  fc.record({ op: fc.constant('log' as const), name }),
  { arbitrary: fc.record({ op: fc.constant('service' as const), name, selector, nodePort: fc.boolean() }), weight: 2 },
  fc.record({ op: fc.constant('update-service' as const), name, selector, nodePort: fc.option(fc.constantFrom(30001, 30002, 30003), { nil: undefined }) }),
  fc.record({ op: fc.constant('delete-service' as const), name }),
  fc.record({
    op: fc.constant('kubectl' as const),
    line: fc.constantFrom(
      'delete pods --all',
      'delete svc a b',
      'label pod a app=api --overwrite',
      'create service nodeport c --tcp=80:80 --dry-run=server',
      'run c --image nginx:1.27 -l app=web',
    ),
  }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.constantFrom(500, 5_000) }),
  fc.record({ op: fc.constant('back' as const), steps: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('copy-lists' as const) }),
);

const podManifest = (podName: string, podLabels: Labels): unknown => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: podName, labels: podLabels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
});

function apply(k: Cluster, s: Step, history: readonly Cluster[]): Cluster {
  const io = { readFile: () => ({ error: 'not-found' as const }) };
  switch (s.op) {
    case 'pod':
      return createPod(k, { name: s.name, labels: s.labels, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }).cluster;
    case 'delete-pod':
      return deletePod(k, s.name).cluster;
    case 'label-pod':
      return setLabels(k, 'Pod', s.name, s.labels).cluster;
    case 'apply-pod': {
      const manifest = podManifest(s.name, s.labels);
      const decoded = decodeObject(manifest);
      return decoded.ok ? applyObject(k, decoded.object, JSON.stringify(manifest)).cluster : k;
    }
    case 'log':
      return appendAccessLog(k, s.name, { remoteAddr: '10.0.0.1', method: 'GET', path: '/', status: 200, bytes: 1, userAgent: 'test' }).cluster;
    case 'service':
      return createService(k, { name: s.name, type: s.nodePort ? 'NodePort' : 'ClusterIP', selector: s.selector, ports: [{ port: 80 }] }).cluster;
    case 'update-service': {
      const live = findService(k, s.name);
      if (!live) return k;
      const input = serviceToInput(live);
      const ports = input.ports.map((p) => ({ ...p, nodePort: s.nodePort }));
      return updateService(k, { ...input, selector: s.selector, type: s.nodePort === undefined ? input.type : 'NodePort', ports }).cluster;
    }
    case 'delete-service':
      return deleteService(k, s.name).cluster;
    case 'kubectl':
      return runKubectl(k, s.line.split(' '), io).cluster;
    case 'wait':
      return advanceClock(k, s.ms);
    case 'back':
      return history[Math.max(0, history.length - 1 - s.steps)] ?? k;
    case 'copy-lists':
      return { ...k, pods: [...k.pods], services: [...k.services], events: [...k.events] };
  }
}

describe('the cluster lookup tables', () => {
  it('answer what a scan of the lists answers after any run of changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(step, { minLength: 1, maxLength: 40 }), (seed, steps) => {
        let k = createCluster({ seed });
        const history: Cluster[] = [k];
        for (const s of steps) {
          k = apply(k, s, history);
          history.push(k);
          assertConsistent(k);
        }
        // Every older cluster still answers from its own lists, though its lookups went on to a newer one.
        for (const old of history) assertConsistent(old);
      }),
      { numRuns: runs(300) },
    );
  });

  it('hand each change on to the next cluster: create, log, delete, pull events', () => {
    let k = advanceClock(createCluster({ seed: 2 }), 1_000);
    const svc = createService(k, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] });
    assert.ok(svc.ok);
    if (!svc.ok) return;
    k = svc.cluster;
    const pods = ['a', 'b', 'c'];
    for (const pod of pods) {
      assertConsistent(k); // the lookups exist before each change, so the change is handed on
      k = advanceClock(createPod(k, { name: pod, labels: { app: 'web' }, containers: [{ name: 'web', image: 'nginx:1.27' }] }).cluster, 10_000);
    }
    assert.deepEqual(
      selectedPods(k, svc.value).map((p) => p.metadata.name),
      pods,
    );
    assert.deepEqual(
      pods.map((p) => findPod(k, p)?.spec.nodeName),
      ['worker-1', 'worker-2', 'worker-1'],
      'least loaded node first',
    );
    // Two workers: the third pod lands on the first pod's node, which already has the image.
    const pulled = (pod: string): string[] =>
      eventsFor(k, findPod(k, pod)?.metadata.uid ?? '')
        .filter((e) => e.reason === 'Pulled')
        .map((e) => e.message);
    assert.match(pulled('a')[0] ?? '', /^Successfully pulled image "nginx:1\.27"/);
    assert.deepEqual(pulled('c'), ['Container image "nginx:1.27" already present on machine']);
    assertConsistent(k);
    k = appendAccessLog(k, 'b', { remoteAddr: '10.0.0.1', method: 'GET', path: '/', status: 200, bytes: 1, userAgent: 'test' }).cluster;
    assert.equal(selectedPods(k, svc.value)[1], findPod(k, 'b'), 'the logged pod is the one selected');
    assertConsistent(k);
    k = deletePod(k, 'b').cluster;
    assert.deepEqual(
      selectedPods(k, svc.value).map((p) => p.metadata.name),
      ['a', 'c'],
    );
    assertConsistent(k);
    for (const pod of ['d', 'e']) k = createPod(k, { name: pod, containers: [{ name: 'web', image: 'nginx:1.27' }] }).cluster;
    assert.deepEqual(
      ['d', 'e'].map((p) => findPod(k, p)?.spec.nodeName),
      ['worker-2', 'worker-2'],
      'the deleted pod no longer counts on its node',
    );
    assertConsistent(k);
  });

  it('follow a pod through create, relabel, delete and re-create', () => {
    let k = advanceClock(createCluster({ seed: 4 }), 1_000);
    const svc = createService(k, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] });
    assert.ok(svc.ok);
    k = svc.cluster;
    const web = svc.ok ? svc.value : undefined;
    assert.ok(web);
    k = createPod(k, { name: 'a', labels: { app: 'web' }, containers: [{ name: 'web', image: 'nginx:1.27' }] }).cluster;
    assert.deepEqual(
      selectedPods(k, web).map((p) => p.metadata.name),
      ['a'],
    );
    const before = k;
    k = setLabels(k, 'Pod', 'a', { app: 'api' }).cluster;
    assert.deepEqual(selectedPods(k, web), []);
    assert.deepEqual(
      selectedPods(before, web).map((p) => p.metadata.name),
      ['a'],
      'the older cluster still has the old labels',
    );
    const ip = findPod(k, 'a')?.status.podIP ?? '';
    k = advanceClock(deletePod(k, 'a').cluster, 10_000);
    assert.equal(findPod(k, 'a'), undefined);
    assert.equal(podByIP(k, ip), undefined);
    k = advanceClock(createPod(k, { name: 'a', labels: { app: 'web' }, containers: [{ name: 'web', image: 'nginx:1.27' }] }).cluster, 10_000);
    assert.deepEqual(
      selectedPods(k, web).map((p) => p.metadata.name),
      ['a'],
    );
    assert.equal(podByIP(k, findPod(k, 'a')?.status.podIP ?? '')?.metadata.name, 'a');
    assertConsistent(k);
  });

  it('follow a node port and a cluster IP through apply, delete and a fixed re-use', () => {
    let k = createCluster({ seed: 8 });
    k = createService(k, { name: 'a', type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30001 }] }).cluster;
    assert.equal(createService(k, { name: 'c', clusterIP: '10.96.0.50', ports: [{ port: 80 }] }).ok, false, 'cluster IP taken');
    assert.equal(serviceOnNodePort(k, 30001)?.service.metadata.name, 'a');
    const live = findService(k, 'a');
    assert.ok(live);
    if (!live) return;
    k = updateService(k, { ...serviceToInput(live), ports: [{ port: 80, nodePort: 30002 }] }).cluster;
    assert.equal(serviceOnNodePort(k, 30001), undefined);
    assert.equal(serviceOnNodePort(k, 30002)?.service.metadata.name, 'a');
    assert.equal(createService(k, { name: 'b', type: 'NodePort', ports: [{ port: 80, nodePort: 30002 }] }).ok, false, 'still allocated');
    k = deleteService(k, 'a').cluster;
    const b = createService(k, { name: 'b', type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30002 }] });
    assert.ok(b.ok, 'node port and cluster IP free again after the delete');
    assert.equal(serviceOnNodePort(b.cluster, 30002)?.service.metadata.name, 'b');
    assertConsistent(b.cluster);
  });

  it('apply -f of many documents grows one list in place, leaving the cluster it started from as it was', () => {
    // Services, a re-applied service (configured), a pod, one with an error, then a new service again.
    const docs = [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels:\n    app: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  clusterIP: 10.96.0.1\n  ports:\n  - port: 80\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels:\n    app: api\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 81\n',
    ];
    const start = advanceClock(createCluster({ seed: 3 }), 1000);
    const before = { services: [...start.services], pods: [...start.pods], events: [...start.events] };
    assertConsistent(start);
    const whole = runKubectl(start, ['apply', '-f', 'all.yaml'], { readFile: () => docs.join('---\n') });
    // One document at a time, each command on the cluster the one before left.
    let k = start;
    let stdout = '';
    let stderr = '';
    for (const doc of docs) {
      const r = runKubectl(k, ['apply', '-f', 'one.yaml'], { readFile: () => doc });
      k = r.cluster;
      stdout += r.stdout;
      stderr += r.stderr;
    }
    assert.equal(whole.stdout, stdout);
    assert.equal(whole.stderr, stderr);
    assert.match(whole.stdout, /service\/a created\npod\/b created\nservice\/a configured\nservice\/b created\n/);
    assert.match(whole.stderr, /10\.96\.0\.1/, 'the taken cluster IP is refused');
    assert.deepEqual(
      whole.cluster.services.map((s) => s.metadata.name),
      k.services.map((s) => s.metadata.name),
    );
    assert.deepEqual(start.services, before.services, 'the starting cluster keeps its services');
    assert.deepEqual(start.pods, before.pods, 'the starting cluster keeps its pods');
    assert.deepEqual(start.events, before.events, 'the starting cluster keeps its events');
    assertConsistent(start);
    assertConsistent(whole.cluster);
    // The result is an ordinary cluster: later changes copy its lists as before.
    const later = createService(whole.cluster, { name: 'd', ports: [{ port: 80 }] });
    assert.ok(later.ok);
    assert.equal(later.cluster.services.length, whole.cluster.services.length + 1);
    assertConsistent(whole.cluster);
    assertConsistent(later.cluster);
  });
});
