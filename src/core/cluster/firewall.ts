// The nodes' cloud firewall (a security group, as on EKS): which TCP ports a connection from
// outside the cluster may reach a node on. A local cluster has none, so everything is open;
// a cloud cluster often starts with only SSH allowed, and a NodePort answers nobody until its
// port is opened. Pure functions over the cluster value.

import type { Cluster, Firewall, PortRange } from './types.js';

export const MIN_PORT = 0;
export const MAX_PORT = 65535;

/** Every port open: what a cluster without a cloud firewall behaves like. */
export const OPEN_FIREWALL: Firewall = { allowed: [{ from: MIN_PORT, to: MAX_PORT }] };

export function firewallOf(cluster: Cluster): Firewall {
  return cluster.firewall ?? OPEN_FIREWALL;
}

export function firewallAllows(cluster: Cluster, port: number): boolean {
  return firewallOf(cluster).allowed.some((r) => port >= r.from && port <= r.to);
}

/** Sorted, merged ranges (adjacent ones joined), clipped to 0-65535. */
function normalise(ranges: readonly PortRange[]): PortRange[] {
  const sorted = ranges
    .map((r) => ({ from: Math.max(MIN_PORT, r.from), to: Math.min(MAX_PORT, r.to) }))
    .filter((r) => r.from <= r.to)
    .sort((a, b) => a.from - b.from);
  const merged: PortRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else merged.push(r);
  }
  return merged;
}

function withFirewall(cluster: Cluster, allowed: readonly PortRange[]): Cluster {
  return { ...cluster, firewall: { allowed: normalise(allowed) } };
}

/** Lets a port range (or every port) in from outside. */
export function openFirewall(cluster: Cluster, ports: PortRange | 'all'): Cluster {
  if (ports === 'all') return withFirewall(cluster, OPEN_FIREWALL.allowed);
  return withFirewall(cluster, [...firewallOf(cluster).allowed, ports]);
}

/** Stops a port range (or every port) from being reached from outside. */
export function closeFirewall(cluster: Cluster, ports: PortRange | 'all'): Cluster {
  if (ports === 'all') return withFirewall(cluster, []);
  const kept: PortRange[] = [];
  for (const r of firewallOf(cluster).allowed) {
    if (r.to < ports.from || r.from > ports.to) kept.push(r);
    else {
      if (r.from < ports.from) kept.push({ from: r.from, to: ports.from - 1 });
      if (r.to > ports.to) kept.push({ from: ports.to + 1, to: r.to });
    }
  }
  return withFirewall(cluster, kept);
}

/** Whether every port in the range is allowed. */
export function firewallAllowsAll(cluster: Cluster, ports: PortRange): boolean {
  return firewallOf(cluster).allowed.some((r) => r.from <= ports.from && r.to >= ports.to);
}

/** Whether no port in the range is allowed. */
export function firewallAllowsNone(cluster: Cluster, ports: PortRange): boolean {
  return !firewallOf(cluster).allowed.some((r) => r.to >= ports.from && r.from <= ports.to);
}

/** `22`, `30000-32767`. */
export function formatPortRange(range: PortRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}
