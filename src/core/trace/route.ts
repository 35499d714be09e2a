// Where a request from outside the cluster goes: node IP and port -> Service -> endpoint -> pod.
// One source of truth for curl and the tracer: both read the path this returns.
import {
  cidrContains,
  nextInt,
  parseIPv4,
  readyEndpointsForPort,
  whatAnswers,
  type Cluster,
  type KnownImage,
  type Node,
  type Pod,
  type Service,
  type ServicePort,
} from '../cluster/index.js';

export type Outcome =
  /** A process in a pod accepted the connection. */
  | { readonly kind: 'answered'; readonly pod: Pod; readonly image: KnownImage }
  /** Something sent a reset or an ICMP port-unreachable at once. */
  | { readonly kind: 'refused'; readonly reason: RefusedReason }
  /** Nothing answered at all; the client waits until it gives up. */
  | { readonly kind: 'timeout'; readonly reason: TimeoutReason };

export type RefusedReason = 'no-service-on-port' | 'no-endpoints' | 'nothing-listening' | 'local-nothing-listening';
export type TimeoutReason = 'not-routable' | 'unknown-address';

/** The learner's machine, outside the cluster (a documentation address, TEST-NET-2). */
export const CLIENT_IP = '198.51.100.7';

export interface Route {
  /** The address the pod sees the request come from (after kube-proxy's masquerade). */
  readonly source?: string;
  readonly node?: Node;
  readonly service?: Service;
  readonly servicePort?: ServicePort;
  /** The endpoint kube-proxy picked: pod IP and target port. */
  readonly endpoint?: { readonly ip: string; readonly port: number };
  readonly outcome: Outcome;
}

export interface RouteResult {
  /** The cluster after the request: kube-proxy's random pick advances the seeded generator. */
  readonly cluster: Cluster;
  readonly route: Route;
}

const LOOPBACK = /^127\.|^localhost$/i;

export function nodeWithAddress(cluster: Cluster, ip: string): Node | undefined {
  return cluster.nodes.find((node) => node.status.addresses.some((a) => a.address === ip && a.type !== 'Hostname'));
}

function servicePortOnNode(cluster: Cluster, nodePort: number): { service: Service; port: ServicePort } | undefined {
  for (const service of cluster.services) {
    if (service.spec.type !== 'NodePort' && service.spec.type !== 'LoadBalancer') continue;
    const port = service.spec.ports.find((p) => p.nodePort === nodePort && p.protocol === 'TCP');
    if (port) return { service, port };
  }
  return undefined;
}

/** A TCP connection from the learner's machine, outside the cluster, to ip:port. */
export function routeFromOutside(cluster: Cluster, ip: string, port: number): RouteResult {
  if (LOOPBACK.test(ip)) return { cluster, route: { outcome: { kind: 'refused', reason: 'local-nothing-listening' } } };
  const node = nodeWithAddress(cluster, ip);
  if (!node) {
    // Pod and cluster IPs exist only inside the cluster network; anything else is not simulated.
    const value = parseIPv4(ip);
    const inside = value !== undefined && (cidrContains(cluster.config.podCidr, value) || cidrContains(cluster.config.serviceCidr, value));
    return { cluster, route: { outcome: { kind: 'timeout', reason: inside ? 'not-routable' : 'unknown-address' } } };
  }
  const target = servicePortOnNode(cluster, port);
  if (!target) return { cluster, route: { node, outcome: { kind: 'refused', reason: 'no-service-on-port' } } };
  const { service, port: servicePort } = target;
  const endpoints = readyEndpointsForPort(cluster, service, servicePort);
  if (endpoints.length === 0) {
    return { cluster, route: { node, service, servicePort, outcome: { kind: 'refused', reason: 'no-endpoints' } } };
  }
  // kube-proxy's rules pick among several endpoints at random; with one there is nothing to draw.
  const pick = endpoints.length > 1 ? nextInt(cluster.rng, endpoints.length) : { value: 0, state: cluster.rng };
  const chosen = endpoints[pick.value]!;
  const after = pick.state === cluster.rng ? cluster : { ...cluster, rng: pick.state };
  const endpoint = { ip: chosen.address.ip, port: chosen.port };
  const answer = whatAnswers(after, endpoint.ip, endpoint.port);
  const outcome: Outcome =
    answer.kind === 'listening'
      ? { kind: 'answered', pod: answer.pod, image: answer.image }
      : { kind: 'refused', reason: 'nothing-listening' };
  const source = masqueradeSource(node, answer.kind === 'no-pod' ? undefined : answer.pod);
  return { cluster: after, route: { source, node, service, servicePort, endpoint, outcome } };
}

/**
 * With externalTrafficPolicy Cluster, kube-proxy masquerades: the pod sees the node the request
 * entered by. On that node's own pods that is its bridge address (.1 of its pod CIDR); across
 * nodes, its address on the overlay (.0), as flannel assigns them.
 */
export function masqueradeSource(node: Node, pod: Pod | undefined): string {
  const [a, b, c] = node.spec.podCIDR.split(/[./]/);
  const sameNode = pod?.spec.nodeName === node.metadata.name;
  return `${a}.${b}.${c}.${sameNode ? 1 : 0}`;
}
