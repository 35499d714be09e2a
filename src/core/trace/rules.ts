// The iptables rules kube-proxy (iptables mode, v1.32) and the kubelet write on a node, one
// builder per rule, each giving the line as `iptables-save` prints it back: addresses with
// their mask (`-d 10.96.0.1/32`), `-s`/`-d`/`-p` before the matches, comments quoted when
// they hold anything but letters, digits, `-` and `_`, marks as `--set-xmark value/mask`,
// probabilities as the kernel stores them (2^31ths) with 11 decimals.
// Used by the tracer (the rule that matched at a hop) and by iptables-save.ts (all of them).

import type { Protocol, Service, ServicePort } from '../cluster/index.js';
import { endpointChain, protocolName, serviceChains, servicePortName, type ServiceChains } from './chains.js';
import type { EndpointChoice, IptablesRule } from './types.js';

export const MASQ_MARK = '0x4000';

// ---- the iptables-save format ----

const NO_QUOTE = /^[A-Za-z0-9_-]+$/;

/** xtables_save_string: bare when safe, else in double quotes with `"`, `\` and `'` escaped. */
export function saveString(text: string): string {
  return NO_QUOTE.test(text) ? text : `"${text.replace(/["\\']/g, '\\$&')}"`;
}

export const comment = (text: string): string => `-m comment --comment ${saveString(text)}`;

interface RuleParts {
  readonly src?: string;
  readonly notSrc?: string;
  readonly dst?: string;
  readonly notDst?: string;
  readonly proto?: string;
  /** Match modules in the order kube-proxy gives them (`-m comment ...`, `-m tcp --dport 80`). */
  readonly matches?: readonly string[];
  /** `-j TARGET [options]` without the `-j`. */
  readonly jump: string;
}

const withMask = (address: string): string => (address.includes('/') ? address : `${address}/32`);

/** One rule as iptables-save writes it: `-A CHAIN [! -s A] [-d B] [-p P] [-m ...] -j T`. */
export function rule(table: 'nat' | 'filter', chain: string, parts: RuleParts): IptablesRule {
  const words = ['-A', chain];
  if (parts.notSrc) words.push('!', '-s', withMask(parts.notSrc));
  if (parts.src) words.push('-s', withMask(parts.src));
  if (parts.dst) words.push('-d', withMask(parts.dst));
  if (parts.notDst) words.push('!', '-d', withMask(parts.notDst));
  if (parts.proto) words.push('-p', parts.proto);
  for (const m of parts.matches ?? []) words.push(m);
  words.push('-j', parts.jump);
  return { table, chain, text: words.join(' ') };
}

// ---- probabilities: kube-proxy writes %0.10f, the kernel keeps 2^31ths, iptables-save prints %.11f ----

/** The exact value of a finite non-negative double as numerator / 2^shift. */
function exactBinary(x: number): { num: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exponent === 0) e = -1074;
  else {
    mantissa |= 1n << 52n;
    e = exponent - 1075;
  }
  return e >= 0 ? { num: mantissa << BigInt(e), shift: 0n } : { num: mantissa, shift: BigInt(-e) };
}

/** printf("%.{digits}f") of num / 2^shift, rounding half to even on the exact value (glibc). */
function fixedOfBinary(num: bigint, shift: bigint, digits: number): string {
  const scaled = num * 10n ** BigInt(digits);
  const denominator = 1n << shift;
  let q = scaled / denominator;
  const twice = 2n * (scaled % denominator);
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Go's fmt.Sprintf("%0.10f", 1.0/float64(n)): what kube-proxy hands to iptables-restore. */
export function kubeProxyProbability(n: number): string {
  const { num, shift } = exactBinary(1 / n);
  return fixedOfBinary(num, shift, 10);
}

/** What iptables-save prints for that probability: lround(2^31 * p) / 2^31 with 11 decimals. */
export function savedProbability(n: number): string {
  const stored = Math.round(0x80000000 * Number(kubeProxyProbability(n)));
  return fixedOfBinary(BigInt(stored), 31n, 11);
}

// ---- one service port, as kube-proxy sees it ----

export interface ServicePortInfo {
  readonly service: Service;
  readonly port: ServicePort;
  /** `default/my-first-service` or `default/name:port`. */
  readonly name: string;
  /** `tcp` */
  readonly proto: string;
  readonly chains: ServiceChains;
}

export function servicePortInfo(service: Service, port: ServicePort): ServicePortInfo {
  const name = servicePortName(service, port);
  return { service, port, name, proto: protocolName(port.protocol), chains: serviceChains(name, port.protocol) };
}

/** The KUBE-SEP chain of an endpoint of this service port. */
export function sepChain(sp: ServicePortInfo, ip: string, port: number, protocol: Protocol = sp.port.protocol): string {
  return endpointChain(sp.name, protocol, `${ip}:${port}`);
}

const protoMatch = (sp: ServicePortInfo, rest = ''): string => `-m ${sp.proto}${rest}`;
const isLocalPolicy = (sp: ServicePortInfo): boolean => sp.service.spec.externalTrafficPolicy === 'Local';

/** nat KUBE-SERVICES: the cluster IP and port, to the service's chain. */
export function clusterIPRule(sp: ServicePortInfo): IptablesRule {
  return rule('nat', 'KUBE-SERVICES', {
    dst: sp.service.spec.clusterIP,
    proto: sp.proto,
    matches: [comment(`${sp.name} cluster IP`), protoMatch(sp, ` --dport ${sp.port.port}`)],
    jump: sp.chains.svc,
  });
}

/** filter KUBE-SERVICES: a cluster IP with no endpoints is rejected at once. */
export function clusterIPRejectRule(sp: ServicePortInfo): IptablesRule {
  return rule('filter', 'KUBE-SERVICES', {
    dst: sp.service.spec.clusterIP,
    proto: sp.proto,
    matches: [comment(`${sp.name} has no endpoints`), protoMatch(sp, ` --dport ${sp.port.port}`)],
    jump: 'REJECT --reject-with icmp-port-unreachable',
  });
}

/** nat KUBE-SERVICES: the load balancer's address and the service port, to the external chain. */
export function loadBalancerIPRule(sp: ServicePortInfo, ip: string): IptablesRule {
  return rule('nat', 'KUBE-SERVICES', {
    dst: ip,
    proto: sp.proto,
    matches: [comment(`${sp.name} loadbalancer IP`), protoMatch(sp, ` --dport ${sp.port.port}`)],
    jump: sp.chains.ext,
  });
}

/** filter KUBE-EXTERNAL-SERVICES: the load balancer's address with no endpoints (REJECT) or none here under Local (DROP). */
export function loadBalancerFilterRule(sp: ServicePortInfo, ip: string, why: 'no-endpoints' | 'no-local-endpoints'): IptablesRule {
  return rule('filter', 'KUBE-EXTERNAL-SERVICES', {
    dst: ip,
    proto: sp.proto,
    matches: [comment(`${sp.name} ${why === 'no-endpoints' ? 'has no endpoints' : 'has no local endpoints'}`), protoMatch(sp, ` --dport ${sp.port.port}`)],
    jump: why === 'no-endpoints' ? 'REJECT --reject-with icmp-port-unreachable' : 'DROP',
  });
}

/** nat KUBE-NODEPORTS: the node port, to the service's external chain. */
export function nodePortRule(sp: ServicePortInfo): IptablesRule {
  return rule('nat', 'KUBE-NODEPORTS', {
    proto: sp.proto,
    matches: [comment(sp.name), protoMatch(sp, ` --dport ${sp.port.nodePort ?? 0}`)],
    jump: sp.chains.ext,
  });
}

/** filter KUBE-EXTERNAL-SERVICES: a node port with no endpoints (REJECT) or none on this node under Local (DROP). */
export function nodePortFilterRule(sp: ServicePortInfo, why: 'no-endpoints' | 'no-local-endpoints'): IptablesRule {
  return rule('filter', 'KUBE-EXTERNAL-SERVICES', {
    proto: sp.proto,
    matches: [
      comment(`${sp.name} ${why === 'no-endpoints' ? 'has no endpoints' : 'has no local endpoints'}`),
      '-m addrtype --dst-type LOCAL',
      protoMatch(sp, ` --dport ${sp.port.nodePort ?? 0}`),
    ],
    jump: why === 'no-endpoints' ? 'REJECT --reject-with icmp-port-unreachable' : 'DROP',
  });
}

/** KUBE-SVC-: traffic to the cluster IP from outside the pod network is masqueraded. */
export function svcMasqRule(sp: ServicePortInfo, podCidr: string): IptablesRule {
  return rule('nat', sp.chains.svc, {
    notSrc: podCidr,
    dst: sp.service.spec.clusterIP,
    proto: sp.proto,
    matches: [comment(`${sp.name} cluster IP`), protoMatch(sp, ` --dport ${sp.port.port}`)],
    jump: 'KUBE-MARK-MASQ',
  });
}

export interface ExtRules {
  /** Cluster: marks everything for masquerade. */
  readonly masquerade?: IptablesRule;
  /** Local: pods (any node) go to KUBE-SVC without masquerade. */
  readonly podTraffic?: IptablesRule;
  /** Local: the node itself as the source. */
  readonly localMasquerade?: IptablesRule;
  readonly localRoute?: IptablesRule;
  /** To KUBE-SVC (Cluster) or KUBE-SVL (Local, when this node has endpoints). */
  readonly policy?: IptablesRule;
}

/** KUBE-EXT-: the external traffic policy at work. */
export function extRules(sp: ServicePortInfo, podCidr: string, hasLocalEndpoints: boolean): ExtRules {
  const chain = sp.chains.ext;
  if (!isLocalPolicy(sp)) {
    return {
      masquerade: rule('nat', chain, { matches: [comment(`masquerade traffic for ${sp.name} external destinations`)], jump: 'KUBE-MARK-MASQ' }),
      policy: rule('nat', chain, { jump: sp.chains.svc }),
    };
  }
  return {
    podTraffic: rule('nat', chain, { src: podCidr, matches: [comment(`pod traffic for ${sp.name} external destinations`)], jump: sp.chains.svc }),
    localMasquerade: rule('nat', chain, {
      matches: [comment(`masquerade LOCAL traffic for ${sp.name} external destinations`), '-m addrtype --src-type LOCAL'],
      jump: 'KUBE-MARK-MASQ',
    }),
    localRoute: rule('nat', chain, {
      matches: [comment(`route LOCAL traffic for ${sp.name} external destinations`), '-m addrtype --src-type LOCAL'],
      jump: sp.chains.svc,
    }),
    ...(hasLocalEndpoints ? { policy: rule('nat', chain, { jump: sp.chains.svl }) } : {}),
  };
}

export function extRuleList(ext: ExtRules): IptablesRule[] {
  return [ext.masquerade, ext.podTraffic, ext.localMasquerade, ext.localRoute, ext.policy].filter((r): r is IptablesRule => r !== undefined);
}

/**
 * KUBE-SVC-/KUBE-SVL-: rule i of n sends to endpoint i; all but the last match at random with
 * probability 1/(n-i), so that each endpoint gets 1/n of the connections.
 * In large-cluster mode (more than 1,000 endpoints in all) kube-proxy leaves the comment out.
 */
export function endpointRule(sp: ServicePortInfo, chain: string, ep: EndpointChoice, i: number, n: number, large: boolean): IptablesRule {
  const matches: string[] = [];
  if (!large) matches.push(comment(`${sp.name} -> ${ep.ip}:${ep.port}`));
  if (i < n - 1) matches.push(`-m statistic --mode random --probability ${savedProbability(n - i)}`);
  return rule('nat', chain, { matches, jump: ep.chain });
}

/** KUBE-SEP-: a pod reaching itself through the service is masqueraded (hairpin); then DNAT. */
export function sepRules(sp: ServicePortInfo, ep: EndpointChoice, large: boolean): { hairpin: IptablesRule; dnat: IptablesRule } {
  const note = large ? [] : [comment(sp.name)];
  return {
    hairpin: rule('nat', ep.chain, { src: ep.ip, matches: note, jump: 'KUBE-MARK-MASQ' }),
    dnat: rule('nat', ep.chain, { proto: sp.proto, matches: [...note, `-m ${sp.proto}`], jump: `DNAT --to-destination ${ep.ip}:${ep.port}` }),
  };
}

// ---- the rules that are there whatever the services ----

export const NAT = {
  prerouting: rule('nat', 'PREROUTING', { matches: [comment('kubernetes service portals')], jump: 'KUBE-SERVICES' }),
  output: rule('nat', 'OUTPUT', { matches: [comment('kubernetes service portals')], jump: 'KUBE-SERVICES' }),
  postrouting: rule('nat', 'POSTROUTING', { matches: [comment('kubernetes postrouting rules')], jump: 'KUBE-POSTROUTING' }),
  notMarked: rule('nat', 'KUBE-POSTROUTING', { matches: [`-m mark ! --mark ${MASQ_MARK}/${MASQ_MARK}`], jump: 'RETURN' }),
  clearMark: rule('nat', 'KUBE-POSTROUTING', { jump: `MARK --set-xmark ${MASQ_MARK}/0x0` }),
  masquerade: rule('nat', 'KUBE-POSTROUTING', { matches: [comment('kubernetes service traffic requiring SNAT')], jump: 'MASQUERADE --random-fully' }),
  markMasq: rule('nat', 'KUBE-MARK-MASQ', { jump: `MARK --set-xmark ${MASQ_MARK}/${MASQ_MARK}` }),
  toNodePorts: rule('nat', 'KUBE-SERVICES', {
    matches: [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), '-m addrtype --dst-type LOCAL'],
    jump: 'KUBE-NODEPORTS',
  }),
} as const;

const NEW = '-m conntrack --ctstate NEW';

export const FILTER = {
  // kube-proxy prepends its jumps one by one, so they end up in reverse; the kubelet's KUBE-FIREWALL was there first.
  input: [
    rule('filter', 'INPUT', { matches: [NEW, comment('kubernetes load balancer firewall')], jump: 'KUBE-PROXY-FIREWALL' }),
    rule('filter', 'INPUT', { matches: [comment('kubernetes health check service ports')], jump: 'KUBE-NODEPORTS' }),
    rule('filter', 'INPUT', { matches: [NEW, comment('kubernetes externally-visible service portals')], jump: 'KUBE-EXTERNAL-SERVICES' }),
    rule('filter', 'INPUT', { jump: 'KUBE-FIREWALL' }),
  ],
  forward: [
    rule('filter', 'FORWARD', { matches: [NEW, comment('kubernetes load balancer firewall')], jump: 'KUBE-PROXY-FIREWALL' }),
    rule('filter', 'FORWARD', { matches: [comment('kubernetes forwarding rules')], jump: 'KUBE-FORWARD' }),
    rule('filter', 'FORWARD', { matches: [NEW, comment('kubernetes service portals')], jump: 'KUBE-SERVICES' }),
    rule('filter', 'FORWARD', { matches: [NEW, comment('kubernetes externally-visible service portals')], jump: 'KUBE-EXTERNAL-SERVICES' }),
  ],
  output: [
    rule('filter', 'OUTPUT', { matches: [NEW, comment('kubernetes load balancer firewall')], jump: 'KUBE-PROXY-FIREWALL' }),
    rule('filter', 'OUTPUT', { matches: [NEW, comment('kubernetes service portals')], jump: 'KUBE-SERVICES' }),
    rule('filter', 'OUTPUT', { jump: 'KUBE-FIREWALL' }),
  ],
  firewall: rule('filter', 'KUBE-FIREWALL', {
    notSrc: '127.0.0.0/8',
    dst: '127.0.0.0/8',
    matches: [comment('block incoming localnet connections'), '-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT'],
    jump: 'DROP',
  }),
  forwardInvalid: rule('filter', 'KUBE-FORWARD', { matches: ['-m conntrack --ctstate INVALID'], jump: 'DROP' }),
  forwardMarked: rule('filter', 'KUBE-FORWARD', {
    matches: [comment('kubernetes forwarding rules'), `-m mark --mark ${MASQ_MARK}/${MASQ_MARK}`],
    jump: 'ACCEPT',
  }),
  forwardEstablished: rule('filter', 'KUBE-FORWARD', {
    matches: [comment('kubernetes forwarding conntrack rule'), '-m conntrack --ctstate RELATED,ESTABLISHED'],
    jump: 'ACCEPT',
  }),
} as const;

/** The filter jump to a chain from a built-in one (INPUT -> KUBE-EXTERNAL-SERVICES, ...). */
export function filterJump(from: 'INPUT' | 'FORWARD' | 'OUTPUT', to: string): IptablesRule | undefined {
  const list = from === 'INPUT' ? FILTER.input : from === 'FORWARD' ? FILTER.forward : FILTER.output;
  return list.find((r) => r.text.endsWith(`-j ${to}`));
}
