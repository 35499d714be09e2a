// Endpoints are derived from state, never stored: the pods a service's selector
// matches, ready or not, with each service port's targetPort resolved against the
// pod (a named targetPort is looked up among the container port names).

import { isPodReady } from './pod-status.js';
import { matchesSelector } from './selectors.js';
import { nodeAddress } from './topology.js';
import type { Cluster, EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service, ServicePort } from './types.js';

/** The container port a service port reaches on a pod, or undefined if a named port is missing. */
export function resolveTargetPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  for (const container of pod.spec.containers) {
    for (const port of container.ports) {
      if (port.name === target && port.protocol === servicePort.protocol) return port.containerPort;
    }
  }
  return undefined;
}

/** Pods a service selects (none for a service without a selector). */
export function selectedPods(cluster: Cluster, service: Service): Pod[] {
  const selector = service.spec.selector;
  if (selector === undefined || Object.keys(selector).length === 0) return [];
  return cluster.pods.filter((p) => matchesSelector(selector, p.metadata.labels));
}

const byIp = (a: EndpointAddress, b: EndpointAddress): number => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

function portsKey(ports: readonly EndpointPort[]): string {
  return ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}`).join(',');
}

function subsetsForSelector(cluster: Cluster, service: Service): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of selectedPods(cluster, service)) {
    if (cluster.now < pod.timeline.sandboxAt) continue;
    const ports: EndpointPort[] = [];
    for (const sp of service.spec.ports) {
      const port = resolveTargetPort(pod, sp);
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol });
    }
    if (ports.length === 0) continue;
    const key = portsKey(ports);
    const group = groups.get(key) ?? { ports, ready: [], notReady: [] };
    const address: EndpointAddress = { ip: pod.status.podIP, nodeName: pod.spec.nodeName, podName: pod.metadata.name, podUid: pod.metadata.uid };
    (isPodReady(pod, cluster.now) ? group.ready : group.notReady).push(address);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ addresses: g.ready.sort(byIp), notReadyAddresses: g.notReady.sort(byIp), ports: g.ports }))
    .sort((a, b) => portsKey(a.ports).localeCompare(portsKey(b.ports)));
}

/** The `kubernetes` service's endpoints: the API server on the control-plane node. */
function apiServerSubsets(cluster: Cluster): EndpointSubset[] {
  const cp = cluster.nodes.find((n) => 'node-role.kubernetes.io/control-plane' in n.metadata.labels);
  const ip = cp ? nodeAddress(cp, 'InternalIP') : undefined;
  if (!cp || !ip) return [];
  return [{ addresses: [{ ip, nodeName: cp.metadata.name, podName: '', podUid: '' }], notReadyAddresses: [], ports: [{ name: 'https', port: cluster.config.apiServerPort, protocol: 'TCP' }] }];
}

export function endpointsFor(cluster: Cluster, service: Service): Endpoints {
  const isApiServer = service.metadata.name === 'kubernetes' && service.spec.selector === undefined;
  const labels: Record<string, string> = isApiServer ? { 'endpointslice.kubernetes.io/skip-mirror': 'true' } : { ...service.metadata.labels };
  return {
    kind: 'Endpoints',
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      uid: service.metadata.uid.replace(/^.{8}/, 'e0d0e0d0'),
      resourceVersion: service.metadata.resourceVersion,
      creationTimestamp: service.metadata.creationTimestamp,
      labels,
      annotations: {},
    },
    subsets: isApiServer ? apiServerSubsets(cluster) : subsetsForSelector(cluster, service),
  };
}

/** Endpoints objects exist for services with a selector (and for `kubernetes`). */
export function listEndpoints(cluster: Cluster): Endpoints[] {
  return cluster.services
    .filter((s) => s.spec.selector !== undefined || s.metadata.name === 'kubernetes')
    .filter((s) => s.spec.type !== 'ExternalName')
    .map((s) => endpointsFor(cluster, s));
}

export function findEndpoints(cluster: Cluster, name: string): Endpoints | undefined {
  return listEndpoints(cluster).find((e) => e.metadata.name === name);
}

/** Ready addresses with their port, for one service port: what kube-proxy would DNAT to. */
export function readyEndpointsForPort(cluster: Cluster, service: Service, servicePort: ServicePort): { address: EndpointAddress; port: number }[] {
  const endpoints = endpointsFor(cluster, service);
  const result: { address: EndpointAddress; port: number }[] = [];
  for (const subset of endpoints.subsets) {
    const port = subset.ports.find((p) => (p.name ?? '') === (servicePort.name ?? '') && p.protocol === servicePort.protocol);
    if (!port) continue;
    for (const address of subset.addresses) result.push({ address, port: port.port });
  }
  return result.sort((a, b) => byIp(a.address, b.address));
}
