// Hops as the tracer records them: a small builder that keeps the packet as it is after each
// hop, and the names of places in the learner's words.

import type { Node, Pod } from '../cluster/index.js';
import { internalIP } from './nat.js';
import type { Decision, Hop, IptablesRule, Packet, Place } from './types.js';

export interface HopInput {
  readonly place: Place;
  readonly where: string;
  readonly node?: string;
  readonly nat?: Hop['nat'];
  readonly decided?: readonly Decision[];
  readonly rules?: readonly (IptablesRule | undefined)[];
  readonly note?: string;
}

function build(input: HopInput, inPacket: Packet, out: Packet | undefined): Hop {
  return {
    place: input.place,
    where: input.where,
    ...(input.node !== undefined ? { node: input.node } : {}),
    in: inPacket,
    ...(out ? { out } : {}),
    ...(input.nat ? { nat: input.nat } : {}),
    decided: input.decided ?? [],
    rules: (input.rules ?? []).filter((r): r is IptablesRule => r !== undefined),
    ...(input.note ? { note: input.note } : {}),
  };
}

/** A path being walked: hops in order and the packet as it is now. */
export class Walk {
  readonly hops: Hop[] = [];
  packet: Packet;

  constructor(first: Packet) {
    this.packet = first;
  }

  /** The packet passes through; `out` is how it leaves (unchanged when absent). Returns the hop's index. */
  pass(input: HopInput, out: Packet = this.packet): number {
    this.hops.push(build(input, this.packet, out));
    this.packet = out;
    return this.hops.length - 1;
  }

  /** The packet goes no further here. Returns the hop's index. */
  stop(input: HopInput): number {
    this.hops.push(build(input, this.packet, undefined));
    return this.hops.length - 1;
  }
}

// ---- where, in words ----

export const onNode = (node: Node, what: string): string => `${node.metadata.name}: ${what}`;
export const chainWhere = (node: Node, table: 'nat' | 'filter', chains: string): string => onNode(node, `iptables ${table} ${chains}`);
export const nicWhere = (node: Node): string => onNode(node, `eth0 (${internalIP(node)})`);
export const podWhere = (pod: Pod): string => `pod/${pod.metadata.name} eth0 (${pod.status.podIP}) on ${pod.spec.nodeName}`;
export const FIREWALL_WHERE = "cloud firewall (the nodes' security group)";
export const LAPTOP = 'your laptop';
