// Endpoints are derived from state, never stored: the pods a service's selector
// matches, ready or not, with each service port's targetPort resolved against the
// pod (a named targetPort is looked up among the container port names).

import { podIndex, qualifiedName, serviceIndex } from './object-index.js';
import { isPodReady } from './pod-status.js';
import { matchesSelector } from './selectors.js';
import { nodeAddress } from './topology.js';
import { packSubsets, type PortAddress } from './endpoints-order.js';
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

/** Pods a service selects (none for a service without a selector), in the cluster's order. */
export function selectedPods(cluster: Cluster, service: Service): Pod[] {
  const selector = service.spec.selector;
  const keys = selector === undefined ? 0 : Object.keys(selector).length;
  if (selector === undefined || keys === 0) return [];
  // Only pods carrying the selector's rarest key=value pair can match all of it.
  const byLabel = podIndex(cluster.pods).byLabel;
  let candidates: readonly Pod[] | undefined;
  for (const [key, value] of Object.entries(selector)) {
    const pods = byLabel.get(key, value);
    if (candidates === undefined || pods.length < candidates.length) candidates = pods;
  }
  // A selector only ever reaches pods in the service's own namespace.
  const namespace = service.metadata.namespace;
  if (keys === 1) return (candidates ?? []).filter((p) => p.metadata.namespace === namespace); // every pod with the one pair matches
  return (candidates ?? []).filter((p) => p.metadata.namespace === namespace && matchesSelector(selector, p.metadata.labels));
}

const byIp = (a: EndpointAddress, b: EndpointAddress): number => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

/** The service's ports as they resolve on one pod (its named container ports looked up). */
export function endpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const sp of service.spec.ports) {
    const port = resolveTargetPort(pod, sp);
    if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol });
  }
  return ports;
}

function subsetsForSelector(cluster: Cluster, service: Service): EndpointSubset[] {
  const entries: PortAddress[] = [];
  // Numeric target ports resolve the same on every pod: work the ports out once.
  const samePorts = service.spec.ports.every((sp) => typeof sp.targetPort === 'number');
  let shared: EndpointPort[] | undefined;
  for (const pod of selectedPods(cluster, service)) {
    // A pod with no IP yet (no sandbox, or no node at all) is no endpoint (endpoints_controller.go).
    const ip = pod.status.podIP;
    const nodeName = pod.spec.nodeName;
    if (cluster.now < pod.timeline.sandboxAt || ip === undefined || nodeName === undefined) continue;
    // A terminating pod is no endpoint (endpointslice util ShouldPodBeInEndpoints, includeTerminating false).
    if (pod.terminating) continue;
    const ports = shared ?? endpointPorts(service, pod);
    if (samePorts) shared = ports;
    const address: EndpointAddress = { ip, nodeName, podName: pod.metadata.name, podUid: pod.metadata.uid };
    const ready = isPodReady(pod, cluster.now);
    for (const port of ports) entries.push({ port, address, ready });
  }
  return packSubsets(entries, service.metadata.namespace);
}

/** The `kubernetes` service's endpoints: the API server on the control-plane node. */
function apiServerSubsets(cluster: Cluster): EndpointSubset[] {
  const cp = cluster.nodes.find((n) => 'node-role.kubernetes.io/control-plane' in n.metadata.labels);
  const ip = cp ? nodeAddress(cp, 'InternalIP') : undefined;
  if (!cp || !ip) return [];
  return [
    {
      addresses: [{ ip, nodeName: cp.metadata.name, podName: '', podUid: '' }],
      notReadyAddresses: [],
      ports: [{ name: 'https', port: cluster.config.apiServerPort, protocol: 'TCP' }],
    },
  ];
}

export function endpointsFor(cluster: Cluster, service: Service): Endpoints {
  const isApiServer = service.metadata.name === 'kubernetes' && service.metadata.namespace === 'default' && service.spec.selector === undefined;
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
const hasEndpoints = (s: Service): boolean => (s.spec.selector !== undefined || s.metadata.name === 'kubernetes') && s.spec.type !== 'ExternalName';

export function listEndpoints(cluster: Cluster): Endpoints[] {
  return cluster.services.filter(hasEndpoints).map((s) => endpointsFor(cluster, s));
}

/** One service's endpoints by name, without working out anyone else's. */
export function findEndpoints(cluster: Cluster, name: string, namespace = 'default'): Endpoints | undefined {
  const service = serviceIndex(cluster.services).byName.get(qualifiedName(namespace, name)).find(hasEndpoints);
  return service && endpointsFor(cluster, service);
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
