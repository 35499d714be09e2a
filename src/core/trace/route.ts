// The older, smaller view of a request from outside: node, service, endpoint, outcome.
// Kept for callers that want only that; it is read off the trace, which does the routing.
import type { Cluster, KnownImage, Node, Pod, Service, ServicePort } from '../cluster/index.js';
import { trace } from './trace.js';
import type { RefusedReason, TimeoutReason } from './types.js';

export { CLIENT_IP } from './types.js';
export { masqueradeSource, nodeWithAddress } from './nat.js';
export type { RefusedReason, TimeoutReason } from './types.js';

export type RouteOutcome =
  | { readonly kind: 'answered'; readonly pod: Pod; readonly image: KnownImage }
  | { readonly kind: 'refused'; readonly reason: RefusedReason }
  | { readonly kind: 'timeout'; readonly reason: TimeoutReason };

export interface Route {
  /** The address the pod sees the request come from (after kube-proxy's masquerade). */
  readonly source?: string;
  readonly node?: Node;
  readonly service?: Service;
  readonly servicePort?: ServicePort;
  /** The endpoint kube-proxy picked: pod IP and target port. */
  readonly endpoint?: { readonly ip: string; readonly port: number };
  readonly outcome: RouteOutcome;
}

export interface RouteResult {
  /** The cluster after the request: kube-proxy's random pick advances the seeded generator. */
  readonly cluster: Cluster;
  readonly route: Route;
}

/** A TCP connection from the learner's machine, outside the cluster, to ip:port. */
export function routeFromOutside(cluster: Cluster, ip: string, port: number): RouteResult {
  const { cluster: after, trace: t } = trace(cluster, { from: 'outside', ip, port });
  const o = t.outcome;
  const outcome: RouteOutcome =
    o.kind === 'answered'
      ? o.server.kind === 'pod'
        ? { kind: 'answered', pod: o.server.pod, image: o.server.image }
        : { kind: 'refused', reason: 'nothing-listening' }
      : o.kind === 'refused'
        ? { kind: 'refused', reason: o.reason }
        : { kind: 'timeout', reason: o.reason };
  const route: Route = {
    ...(t.seenFrom ? { source: t.seenFrom } : {}),
    ...(t.node ? { node: t.node } : {}),
    ...(t.service ? { service: t.service } : {}),
    ...(t.servicePort ? { servicePort: t.servicePort } : {}),
    ...(t.endpoint ? { endpoint: t.endpoint } : {}),
    outcome,
  };
  return { cluster: after, route };
}
