// The state a trace carries from hop to hop, and how it becomes the finished Trace.

import type { Cluster, Node, Pod, Service, ServicePort } from '../cluster/index.js';
import type { Walk } from './hops.js';
import type { Address, EndpointChoice, Hop, HttpRequest, Outcome, Trace, TraceRequest, Traced } from './types.js';

const DEFAULT_HTTP: HttpRequest = { method: 'GET', path: '/' };

/** Everything learned on the way, for the trace and for the way back. */
export interface Ctx {
  cluster: Cluster;
  readonly walk: Walk;
  readonly request: TraceRequest;
  readonly client: Address;
  readonly clientPod?: Pod;
  /** The cloud load balancer the request came through. */
  lb?: { readonly service: Service; readonly port: number; readonly ip: string };
  /** flannel's masquerade on the client pod's node: a pod's packet to another node leaves with that node's address. */
  podMasq?: { readonly node: Node; readonly src: Address; readonly dst: Address };
  /** The client addressed a node's public IP: the cloud translates it both ways. */
  publicIP?: string;
  node?: Node;
  service?: Service;
  servicePort?: ServicePort;
  endpoint?: EndpointChoice;
  /** The node whose conntrack holds the connection's NAT, and the packet's addresses there before it. */
  nat?: { readonly node: Node; readonly src: Address; readonly dst: Address };
  seenFrom?: string;
}

export function finish(ctx: Ctx, outcome: Outcome, reply: readonly Hop[] = []): Traced {
  const trace: Trace = {
    request: ctx.request,
    hops: ctx.walk.hops,
    reply,
    outcome,
    ...(ctx.node ? { node: ctx.node } : {}),
    ...(ctx.service ? { service: ctx.service } : {}),
    ...(ctx.servicePort ? { servicePort: ctx.servicePort } : {}),
    ...(ctx.endpoint ? { endpoint: { ip: ctx.endpoint.ip, port: ctx.endpoint.port } } : {}),
    ...(ctx.seenFrom ? { seenFrom: ctx.seenFrom } : {}),
  };
  return { ok: true, cluster: ctx.cluster, trace };
}

export const httpOf = (ctx: Ctx): HttpRequest => ctx.request.http ?? DEFAULT_HTTP;
