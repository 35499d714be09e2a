import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterFromApi } from '../../../src/core/real-cluster/from-api.js';
import { checkGoal } from '../../../src/core/course/goals.js';
import { endpointsFor } from '../../../src/core/cluster/index.js';
import { trace } from '../../../src/core/trace/index.js';

// Shapes of `GET /api/v1/namespaces/NS/pods`, `/services` and `/api/v1/nodes` as a kind cluster
// answers them (core/v1 PodList, ServiceList, NodeList; fields the conversion does not read left out).
const NOW = Date.parse('2026-12-07T00:30:00Z');
const nodes = {
  kind: 'NodeList',
  items: [
    {
      metadata: { name: 'kind-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' }, creationTimestamp: '2026-12-06T20:00:00Z' },
      spec: { podCIDR: '10.244.0.0/24', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      status: {
        addresses: [
          { type: 'InternalIP', address: '172.18.0.4' },
          { type: 'Hostname', address: 'kind-control-plane' },
        ],
        nodeInfo: { kubeletVersion: 'v1.32.2', osImage: 'Debian GNU/Linux 12 (bookworm)' },
      },
    },
    {
      metadata: { name: 'kind-worker', labels: {}, creationTimestamp: '2026-12-06T20:00:10Z' },
      spec: { podCIDR: '10.244.1.0/24' },
      status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }], nodeInfo: { kubeletVersion: 'v1.32.2' } },
    },
  ],
};
const pod = (name: string, ready: boolean, ip: string) => ({
  metadata: { name, namespace: 'nodeport-lab-sandbox', labels: { run: name }, creationTimestamp: '2026-12-07T00:29:00Z', uid: `uid-${name}` },
  spec: {
    nodeName: 'kind-worker',
    containers: [{ name, image: 'stacksimplify/kubenginx:1.0.0', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
    restartPolicy: 'Always',
  },
  status: {
    phase: ready ? 'Running' : 'Pending',
    hostIP: '172.18.0.2',
    ...(ip ? { podIP: ip } : {}),
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2026-12-07T00:29:05Z' }],
  },
});
const pods = { kind: 'PodList', items: [pod('my-first-pod', true, '10.244.1.5'), pod('slow', false, '')] };
const services = {
  kind: 'ServiceList',
  items: [
    {
      metadata: { name: 'my-first-service', namespace: 'nodeport-lab-sandbox', creationTimestamp: '2026-12-07T00:29:30Z' },
      spec: {
        type: 'NodePort',
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        selector: { run: 'my-first-pod' },
        ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 31231 }],
        externalTrafficPolicy: 'Cluster',
      },
    },
    {
      metadata: { name: 'lonely', namespace: 'nodeport-lab-sandbox' },
      spec: {
        type: 'NodePort',
        clusterIP: '10.96.12.35',
        selector: { run: 'slow' },
        ports: [{ protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30500 }],
      },
    },
  ],
};

describe("the real state as the simulator's Cluster", () => {
  const cluster = clusterFromApi({ nodes, pods, services, version: 'v1.32.2', now: NOW, hostReachesInternalIP: true });

  it('keeps names, images, readiness, ports and selectors', () => {
    assert.deepEqual(
      cluster.nodes.map((n) => n.metadata.name),
      ['kind-control-plane', 'kind-worker'],
    );
    assert.equal(cluster.pods[0]!.spec.containers[0]!.image, 'stacksimplify/kubenginx:1.0.0');
    assert.equal(cluster.services[0]!.spec.ports[0]!.nodePort, 31231);
    assert.equal(cluster.services[1]!.spec.ports[0]!.targetPort, 'http');
    assert.equal(cluster.config.kubernetesVersion, 'v1.32.2');
  });

  it('the same goal predicates hold on it: a running pod, a selecting service with an endpoint', () => {
    const parts = checkGoal(
      [
        { pod: { name: 'my-first-pod', image: 'stacksimplify/kubenginx:1.0.0', running: true } },
        { pod: { name: 'slow', running: true } },
        { service: { name: 'my-first-service', type: 'NodePort', nodePort: 31231, selects: 'my-first-pod', endpoints: true } },
        { service: { name: 'lonely', endpoints: false } },
      ],
      cluster,
      [],
    );
    assert.deepEqual(
      parts.map((p) => p.met),
      [true, false, true, true],
    );
    const endpoints = endpointsFor(cluster, cluster.services[0]!);
    assert.deepEqual(
      endpoints.subsets[0]!.addresses.map((a) => a.ip),
      ['10.244.1.5'],
    );
  });

  it('the same tracer follows a request to the node port through the real objects', () => {
    const traced = trace(cluster, { from: 'outside', ip: '172.18.0.2', port: 31231 });
    assert.equal(traced.trace.outcome.kind, 'answered');
    const hops = JSON.stringify(traced.trace);
    assert.match(hops, /10\.244\.1\.5/);
    const silent = trace(cluster, { from: 'outside', ip: '172.18.0.2', port: 30500 });
    assert.equal(silent.trace.outcome.kind, 'refused');
    const far = clusterFromApi({ nodes, pods, services, now: NOW });
    assert.equal(trace(far, { from: 'outside', ip: '172.18.0.2', port: 31231 }).trace.outcome.kind, 'timeout');
  });

  it('reads what is missing or odd without throwing', () => {
    const odd = clusterFromApi({ nodes: null, pods: { items: [null, 3, { metadata: { name: 'x' } }] }, services: 'nope', now: NOW });
    assert.equal(odd.pods.length, 1);
    assert.equal(odd.pods[0]!.timeline.startedAt, Infinity);
    assert.equal(odd.services.length, 0);
  });
});
