// Addresses and ports as NAT rewrites them: the client's ephemeral port, the address and port
// MASQUERADE picks, the node behind an address. Deterministic and free of the seeded RNG, so
// that tracing a request never changes what later commands do.

import { cidrContains, nodeAddress, parseIPv4, type Cluster, type Node } from '../cluster/index.js';
import type { Address, Packet, PacketKind } from './types.js';

/** Linux's default ip_local_port_range: 32768-60999. */
const EPHEMERAL_BASE = 32768;
const EPHEMERAL_SIZE = 60999 - 32768 + 1;

/** The source port a client's kernel picks for a new connection (derived from the clock). */
export function ephemeralPort(cluster: Cluster, salt = 0): number {
  const seconds = Math.floor(cluster.now / 1000);
  return EPHEMERAL_BASE + ((seconds * 7919 + salt * 104729) % EPHEMERAL_SIZE);
}

/** MASQUERADE --random-fully: a port of its own choosing on the new source address. */
export function masqueradePort(port: number, node: Node): number {
  let h = port;
  for (const ch of node.metadata.name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % EPHEMERAL_SIZE;
  return EPHEMERAL_BASE + ((h * 2654435761) % EPHEMERAL_SIZE);
}

/**
 * With externalTrafficPolicy Cluster, kube-proxy masquerades: the pod sees the node the request
 * entered by. On that node's own pods that is its bridge address (.1 of its pod CIDR); across
 * nodes, its address on the overlay (.0), as flannel assigns them.
 */
export function masqueradeSource(node: Node, podNode: string | undefined): string {
  const [a, b, c] = node.spec.podCIDR.split(/[./]/);
  return `${a}.${b}.${c}.${podNode === node.metadata.name ? 1 : 0}`;
}

/** The node that has this InternalIP or ExternalIP. */
export function nodeWithAddress(cluster: Cluster, ip: string): Node | undefined {
  return cluster.nodes.find((node) => node.status.addresses.some((a) => a.address === ip && a.type !== 'Hostname'));
}

export const internalIP = (node: Node): string => nodeAddress(node, 'InternalIP') ?? node.metadata.name;
export const externalIP = (node: Node): string | undefined => nodeAddress(node, 'ExternalIP');

export function inPodNetwork(cluster: Cluster, ip: string): boolean {
  const value = parseIPv4(ip);
  return value !== undefined && cidrContains(cluster.config.podCidr, value);
}

export function inServiceNetwork(cluster: Cluster, ip: string): boolean {
  const value = parseIPv4(ip);
  return value !== undefined && cidrContains(cluster.config.serviceCidr, value);
}

export const LOOPBACK = /^127\.|^localhost$/i;

export function packet(kind: PacketKind, src: Address, dst: Address): Packet {
  return { kind, src, dst };
}

export const withDst = (p: Packet, dst: Address): Packet => ({ ...p, dst });
export const withSrc = (p: Packet, src: Address): Packet => ({ ...p, src });

export function formatAddress(a: Address): string {
  return a.port === undefined ? a.ip : `${a.ip}:${a.port}`;
}

export function formatPacket(p: Packet): string {
  return `${formatAddress(p.src)} -> ${formatAddress(p.dst)} ${p.kind}`;
}
