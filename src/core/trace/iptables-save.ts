// `iptables-save` on one node: the filter and nat tables as kube-proxy (iptables mode) and the
// kubelet leave them for the cluster as it is now, in the format iptables-save (v1.8.7,
// nf_tables) prints: tables in the order filter, nat; built-in chains first, then the others
// sorted by name; every rule of a chain in the order it was written.
// Also flannel's masquerade and forward chains (FLANNEL-POSTRTG, FLANNEL-FWD).
// Not shown: the mangle table (only the canary chains).

import { formatCidr, loadBalancerIngressIP, type Cluster, type Node } from '../cluster/index.js';
import { flannelRules, flannelTable } from './flannel.js';
import {
  FILTER,
  NAT,
  clusterIPRejectRule,
  clusterIPRule,
  endpointRule,
  extRuleList,
  extRules,
  loadBalancerFilterRule,
  loadBalancerIPRule,
  nodePortFilterRule,
  nodePortRule,
  sepRules,
  servicePortInfo,
  svcMasqRule,
  type ServicePortInfo,
} from './rules.js';
import { endpointChoices, largeClusterMode, proxied } from './endpoints.js';
import type { IptablesRule } from './types.js';
import { append } from '../append.js';

export type Table = 'filter' | 'nat';
export const TABLES: readonly Table[] = ['filter', 'nat'];
export const IPTABLES_VERSION = 'v1.8.7';

const BUILT_IN: Record<Table, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** The chains and rules of one table, in the order they were written. */
class TableRules {
  private readonly chains = new Map<string, IptablesRule[]>();

  constructor(readonly table: Table) {
    for (const chain of BUILT_IN[table]) this.chains.set(chain, []);
  }

  chain(name: string): void {
    if (!this.chains.has(name)) this.chains.set(name, []);
  }

  add(...rules: readonly (IptablesRule | undefined)[]): void {
    for (const r of rules) {
      if (!r) continue;
      const list = this.chains.get(r.chain);
      if (list) list.push(r);
      else this.chains.set(r.chain, [r]);
    }
  }

  /** iptables-save's order: built-in chains as the kernel lists them, then the rest by name (strcmp). */
  print(): string[] {
    const builtIn = BUILT_IN[this.table];
    const others = [...this.chains.keys()].filter((c) => !builtIn.includes(c)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const order = [...builtIn, ...others];
    const lines = [`*${this.table}`];
    for (const c of order) lines.push(builtIn.includes(c) ? `:${c} ACCEPT [0:0]` : `:${c} - [0:0]`);
    for (const c of order) for (const r of this.chains.get(c) ?? []) lines.push(r.text);
    lines.push('COMMIT');
    return lines;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** ctime(3) in UTC: `Sat Mar  1 09:00:00 2025`. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function servicePorts(cluster: Cluster): ServicePortInfo[] {
  const list: ServicePortInfo[] = [];
  for (const service of cluster.services) {
    if (!proxied(service)) continue;
    for (const port of service.spec.ports) list.push(servicePortInfo(service, port));
  }
  // kube-proxy walks a Go map (random order); the simulator sorts by service port name.
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** kube-proxy's syncProxyRules for one node, into the two tables. */
function kubeProxyRules(cluster: Cluster, node: Node): { filter: TableRules; nat: TableRules } {
  const filter = new TableRules('filter');
  const nat = new TableRules('nat');
  const podCidr = formatCidr(cluster.config.podCidr);
  const large = largeClusterMode(cluster);
  const name = node.metadata.name;

  // The jumps from the built-in chains, and the chains every node has.
  filter.add(...FILTER.input, ...FILTER.forward, ...FILTER.output);
  // The CNI plugin's chains: flannel appends its jumps after kube-proxy's.
  const flannel = flannelRules(podCidr, node);
  filter.add(...flannelTable(flannel, 'filter'));
  for (const c of [
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FIREWALL',
    'KUBE-FORWARD',
    'KUBE-KUBELET-CANARY',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-CANARY',
    'KUBE-PROXY-FIREWALL',
    'KUBE-SERVICES',
  ])
    filter.chain(c);
  filter.add(FILTER.firewall);
  nat.add(NAT.prerouting, NAT.output, NAT.postrouting);
  nat.add(...flannelTable(flannel, 'nat'));
  for (const c of ['KUBE-KUBELET-CANARY', 'KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-PROXY-CANARY', 'KUBE-SERVICES']) nat.chain(c);
  nat.add(NAT.notMarked, NAT.clearMark, NAT.masquerade, NAT.markMasq);

  for (const sp of servicePorts(cluster)) {
    const eps = endpointChoices(cluster, sp);
    const local = eps.filter((e) => e.node === name);
    const hasEndpoints = eps.length > 0;
    const externalLocal = sp.service.spec.externalTrafficPolicy === 'Local';
    const external = sp.service.spec.type === 'NodePort' || sp.service.spec.type === 'LoadBalancer';
    const hasExternalEndpoints = hasEndpoints && (!externalLocal || local.length > 0);

    if (hasEndpoints) nat.add(clusterIPRule(sp));
    else filter.add(clusterIPRejectRule(sp));

    // The load balancer's address, once the cloud has reported it.
    const lbIP = loadBalancerIngressIP(cluster, sp.service);
    if (lbIP !== undefined) {
      if (hasEndpoints) nat.add(loadBalancerIPRule(sp, lbIP));
      if (!hasExternalEndpoints) filter.add(loadBalancerFilterRule(sp, lbIP, hasEndpoints ? 'no-local-endpoints' : 'no-endpoints'));
    }

    if (sp.port.nodePort !== undefined) {
      if (hasEndpoints) nat.add(nodePortRule(sp));
      if (!hasExternalEndpoints) filter.add(nodePortFilterRule(sp, hasEndpoints ? 'no-local-endpoints' : 'no-endpoints'));
    }
    if (!hasEndpoints) continue;

    nat.chain(sp.chains.svc);
    nat.add(svcMasqRule(sp, podCidr));
    if (external) {
      nat.chain(sp.chains.ext);
      nat.add(...extRuleList(extRules(sp, podCidr, local.length > 0)));
    }
    eps.forEach((ep, i) => nat.add(endpointRule(sp, sp.chains.svc, ep, i, eps.length, large)));
    if (external && externalLocal && local.length > 0) {
      nat.chain(sp.chains.svl);
      local.forEach((ep, i) => nat.add(endpointRule(sp, sp.chains.svl, ep, i, local.length, large)));
    }
    for (const ep of eps) {
      const sep = sepRules(sp, ep, large);
      nat.add(sep.hairpin, sep.dnat);
    }
  }

  // The tail call to the node ports: it must be the last rule of KUBE-SERVICES.
  nat.add(NAT.toNodePorts);
  filter.add(FILTER.forwardInvalid, FILTER.forwardMarked, FILTER.forwardEstablished);
  return { filter, nat };
}

/** What `iptables-save` prints on a node (all tables, or the ones asked for). */
export function iptablesSave(cluster: Cluster, node: Node, tables: readonly Table[] = TABLES): string {
  const rules = kubeProxyRules(cluster, node);
  const stamp = ctime(cluster.now);
  const out: string[] = [];
  for (const table of TABLES) {
    if (!tables.includes(table)) continue;
    out.push(`# Generated by iptables-save ${IPTABLES_VERSION} on ${stamp}`);
    append(out, rules[table].print());
    out.push(`# Completed on ${stamp}`);
  }
  return `${out.join('\n')}\n`;
}
