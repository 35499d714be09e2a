// A request's path through the cluster as data: the hops a connection's first packet takes,
// the way the answer comes back, and how it ends. Nothing here draws; format.ts writes text.

import type { NodeProcess } from './node-processes.js';
import type { Cluster, HttpResponse, IntOrString, KnownImage, Labels, Node, Pod, Service, ServicePort, TrafficPolicy } from '../cluster/index.js';

/** The learner's machine, outside the cluster (a documentation address, TEST-NET-2). */
export const CLIENT_IP = '198.51.100.7';

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
}

/** A connection to trace. `ip` is an IPv4 address (a name must be resolved first). */
export type TraceRequest = OutsideRequest | PodRequest | LoadBalancerRequest;

/** From the learner's laptop, outside the cluster: a node's IP and a node port, usually. */
export interface OutsideRequest {
  readonly from: 'outside';
  readonly ip: string;
  readonly port: number;
  readonly http?: HttpRequest;
}

/** From inside a running pod: a ClusterIP and port, a pod IP, a node IP and node port. */
export interface PodRequest {
  readonly from: 'pod';
  readonly pod: string;
  /** The pod's namespace (absent: `default`). */
  readonly namespace?: string;
  readonly ip: string;
  readonly port: number;
  readonly http?: HttpRequest;
}

/** From the laptop to a LoadBalancer service's cloud load balancer, on one of its ports. */
export interface LoadBalancerRequest {
  readonly from: 'load-balancer';
  readonly service: string;
  /** The service port the load balancer listens on; the first port when absent. */
  readonly port?: number;
  readonly http?: HttpRequest;
}

/** An address in a packet: no port for ICMP. */
export interface Address {
  readonly ip: string;
  readonly port?: number;
}

/** The first packet of the connection (what nat rules see), or what comes back. */
export type PacketKind = 'SYN' | 'SYN-ACK' | 'RST' | 'ICMP port unreachable';

export interface Packet {
  readonly kind: PacketKind;
  readonly src: Address;
  readonly dst: Address;
}

export type Place = 'client' | 'load-balancer' | 'firewall' | 'node-nic' | 'iptables' | 'service' | 'node' | 'conntrack' | 'pod-network' | 'pod' | 'container';

/** One iptables rule, exactly as `iptables-save` prints it on that node. */
export interface IptablesRule {
  readonly table: 'nat' | 'filter';
  readonly chain: string;
  readonly text: string;
}

/** One endpoint kube-proxy could send to, in its chain's order. */
export interface EndpointChoice {
  readonly ip: string;
  readonly port: number;
  readonly pod?: string;
  readonly node: string;
  /** The KUBE-SEP chain that DNATs to it. */
  readonly chain: string;
}

/** One statistic rule kube-proxy's chain tried: its probability as iptables-save prints it, the draw, the result. */
export interface RuleDraw {
  readonly probability: string;
  /** The kernel's 31-bit random number as a fraction of 2^31, so it compares with the probability. */
  readonly draw: number;
  readonly matched: boolean;
}

/** What made the packet go where it went at a hop. */
export type Decision =
  | { readonly by: 'nodePort'; readonly service: string; readonly nodePort: number }
  | { readonly by: 'port'; readonly service: string; readonly clusterIP: string; readonly port: number }
  | { readonly by: 'targetPort'; readonly service: string; readonly port: number; readonly targetPort: IntOrString; readonly resolved: number }
  | {
      readonly by: 'containerPort';
      readonly pod: string;
      readonly container: string;
      readonly declared: readonly number[];
      readonly listening: readonly number[];
    }
  | { readonly by: 'selector'; readonly service: string; readonly selector: Labels | undefined }
  | {
      readonly by: 'endpoint';
      readonly endpoints: readonly EndpointChoice[];
      readonly chosen: number;
      readonly local: boolean;
      readonly draws?: readonly RuleDraw[];
    }
  | { readonly by: 'externalTrafficPolicy'; readonly service: string; readonly policy: TrafficPolicy }
  | { readonly by: 'firewall'; readonly port: number; readonly allowed: boolean }
  | { readonly by: 'load-balancer'; readonly nodes: readonly string[]; readonly chosen: string; readonly nodePort: number }
  | { readonly by: 'address'; readonly text: string };

export interface Hop {
  readonly place: Place;
  /** Where, in the learner's words: `worker-1: iptables nat KUBE-NODEPORTS`. */
  readonly where: string;
  /** The node this happens on, when on one. */
  readonly node?: string;
  /** The packet as it arrives. */
  readonly in: Packet;
  /** The packet as it leaves; absent where it goes no further. */
  readonly out?: Packet;
  /** What rewrote the packet here, if anything did. */
  readonly nat?: 'DNAT' | 'SNAT' | 'reverse NAT' | 'cloud NAT';
  readonly decided: readonly Decision[];
  /** The rules that matched, in order; the last one sent the packet on (or stopped it). */
  readonly rules: readonly IptablesRule[];
  /** One sentence on what happened here. */
  readonly note?: string;
}

export type RefusedReason = 'no-service-on-port' | 'no-endpoints' | 'nothing-listening' | 'local-nothing-listening';
export type TimeoutReason = 'not-routable' | 'unknown-address' | 'firewall' | 'no-local-endpoints' | 'no-service-port' | 'no-listener';

/** What accepted the connection: a container in a pod, or a process on a node (the API server). */
export type Server =
  | { readonly kind: 'pod'; readonly pod: Pod; readonly container: string; readonly image: KnownImage }
  | { readonly kind: 'node'; readonly node: Node; readonly process: string; readonly listener: NodeProcess };

export type Outcome =
  /** A process accepted the connection and answered. */
  | { readonly kind: 'answered'; readonly server: Server; readonly response: HttpResponse; readonly why: string }
  /** Something sent a reset or an ICMP port-unreachable at once. */
  | { readonly kind: 'refused'; readonly reason: RefusedReason; readonly hop: number; readonly why: string }
  /** Nothing answered at all; the client waits until it gives up. */
  | { readonly kind: 'timeout'; readonly reason: TimeoutReason; readonly hop: number; readonly why: string };

export interface Trace {
  readonly request: TraceRequest;
  /** Where the connection's first packet went, in order. */
  readonly hops: readonly Hop[];
  /** The way back: the answer, a reset or an ICMP error, with conntrack undoing the NAT. Empty on a time-out. */
  readonly reply: readonly Hop[];
  readonly outcome: Outcome;
  /** The node the packet entered the cluster by (or the client pod's node). */
  readonly node?: Node;
  readonly service?: Service;
  readonly servicePort?: ServicePort;
  /** The endpoint kube-proxy picked: pod IP and target port. */
  readonly endpoint?: { readonly ip: string; readonly port: number };
  /** The address the server sees the request come from (after any masquerade). */
  readonly seenFrom?: string;
}

export interface Traced {
  readonly ok: true;
  /** The cluster after the request: kube-proxy's random pick advances the seeded generator. */
  readonly cluster: Cluster;
  readonly trace: Trace;
}

/** A request that cannot be made at all (no such pod, no such load balancer). */
export interface TraceError {
  readonly ok: false;
  readonly error: string;
}
