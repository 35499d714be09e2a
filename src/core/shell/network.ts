// The sandbox's network commands: `trace` (a request's path, hop by hop, without sending it),
// `iptables-save` (the rules kube-proxy wrote on a node) and `firewall` (the nodes' cloud
// firewall, as a security group on EKS). Each: the cluster and the arguments in, output out.

import {
  closeFirewall,
  findPod,
  firewallAllowsAll,
  firewallAllowsNone,
  firewallOf,
  formatPortRange,
  isControlPlane,
  MAX_PORT,
  MIN_PORT,
  openFirewall,
  type Cluster,
  type Node,
  type PortRange,
} from '../cluster/index.js';
import { formatTrace, iptablesSave, trace, TABLES, type Table, type Trace, type TraceRequest } from '../trace/index.js';
import { parseUrl, resolve } from './curl.js';
import type { CommandResult } from './result.js';

const fail = (cluster: Cluster, stderr: string, exitCode: number): CommandResult => ({ cluster, stdout: '', stderr, exitCode });
const ok = (cluster: Cluster, stdout: string): CommandResult => ({ cluster, stdout, stderr: '', exitCode: 0 });

// ---- trace ----

export const TRACE_USAGE = 'usage: trace [--from pod/NAME] URL    or    trace lb/SERVICE[:PORT][/PATH]';
const LB_TARGET = /^lb\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?::(\d{1,5}))?(\/.*)?$/;

/**
 * `trace URL` from the laptop, `trace --from pod/NAME URL` from inside a pod, `trace lb/NAME`
 * through a LoadBalancer service's load balancer. Sends nothing and changes nothing: it shows
 * the path the next connection would take. Exit 0 when it would be answered, 1 when not.
 */
export function traceCommand(cluster: Cluster, args: readonly string[]): CommandResult {
  let from: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--from') from = args[++i] ?? '';
    else if (arg.startsWith('--from=')) from = arg.slice('--from='.length);
    else if (arg.startsWith('-')) return fail(cluster, `trace: unknown option ${arg}\n${TRACE_USAGE}\n`, 2);
    else positional.push(arg);
  }
  const [target, ...extra] = positional;
  if (target === undefined || extra.length > 0 || from === '') return fail(cluster, `trace: ${TRACE_USAGE}\n`, 2);

  let request: TraceRequest;
  let https = false;
  const lb = LB_TARGET.exec(target);
  if (lb) {
    if (from !== undefined) return fail(cluster, 'trace: a load balancer is reached from outside the cluster; leave out --from\n', 2);
    request = { from: 'load-balancer', service: lb[1]!, ...(lb[3] ? { port: Number(lb[3]) } : {}), http: { method: 'GET', path: lb[4] ?? '/' } };
  } else {
    const url = parseUrl(target);
    if ('error' in url) return fail(cluster, `trace: ${url.error.replace(/^curl: \(\d+\) /, '')}`, 2);
    const ip = resolve(url.host);
    if (!ip) return fail(cluster, `trace: cannot resolve ${url.host}: use an IP address (nodes shows the nodes' addresses)\n`, 2);
    https = url.scheme === 'https';
    const http = { method: 'GET', path: url.path };
    if (from === undefined) request = { from: 'outside', ip, port: url.port, http };
    else {
      const pod = from.replace(/^(pod|pods|po)\//, '');
      if (!findPod(cluster, pod)) return fail(cluster, `trace: pod "${pod}" not found\n`, 1);
      request = { from: 'pod', pod, ip, port: url.port, http };
    }
  }
  const result = trace(cluster, request);
  if (!result.ok) return fail(cluster, `trace: ${result.error}\n`, 1);
  let text = formatTrace(result.trace);
  const answered = result.trace.outcome.kind === 'answered';
  if (answered && https) text += httpsNote(result.trace.outcome);
  // Nothing was sent: the cluster (and its random generator) stays as it was.
  return { cluster, stdout: text, stderr: '', exitCode: answered ? 0 : 1 };
}

/** What an https:// client meets at the server the trace ends at. */
function httpsNote(outcome: Trace['outcome']): string {
  const listener = outcome.kind === 'answered' && outcome.server.kind === 'node' ? outcome.server.listener : undefined;
  if (listener?.speaks === 'https') {
    return `The server speaks TLS, with a certificate curl cannot verify (${listener.certificate}): curl without -k exits with 60.\n`;
  }
  return `The server speaks plain ${listener?.speaks === 'ssh' ? 'SSH' : 'HTTP'}: an https:// client fails its TLS handshake here (curl exits with 35).\n`;
}

// ---- iptables-save ----

const IPTABLES_USAGE = 'usage: iptables-save [--node NAME] [-t filter|nat]';

/** The node `iptables-save` runs on when none is named: the first worker. */
export function defaultNode(cluster: Cluster): Node | undefined {
  return cluster.nodes.find((n) => !isControlPlane(n)) ?? cluster.nodes[0];
}

export function iptablesSaveCommand(cluster: Cluster, args: readonly string[]): CommandResult {
  let nodeName: string | undefined;
  let table: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--node') nodeName = args[++i];
    else if (arg.startsWith('--node=')) nodeName = arg.slice('--node='.length);
    else if (arg === '-t' || arg === '--table') table = args[++i];
    else if (arg.startsWith('--table=')) table = arg.slice('--table='.length);
    else if (/^-t./.test(arg)) table = arg.slice(2);
    else return fail(cluster, `iptables-save: unknown argument "${arg}"\n${IPTABLES_USAGE}\n`, 2);
    if (nodeName === '' || table === '') return fail(cluster, `iptables-save: ${IPTABLES_USAGE}\n`, 2);
  }
  if ((args.includes('--node') && nodeName === undefined) || ((args.includes('-t') || args.includes('--table')) && table === undefined)) {
    return fail(cluster, `iptables-save: ${IPTABLES_USAGE}\n`, 2);
  }
  const node = nodeName === undefined ? defaultNode(cluster) : cluster.nodes.find((n) => n.metadata.name === nodeName);
  if (!node) return fail(cluster, `iptables-save: node "${nodeName ?? ''}" not found (nodes lists them)\n`, 1);
  if (table !== undefined && !(TABLES as readonly string[]).includes(table)) {
    return fail(cluster, `iptables-save: table "${table}" is not shown in this sandbox: only ${TABLES.join(' and ')}\n`, 1);
  }
  return ok(cluster, iptablesSave(cluster, node, table === undefined ? TABLES : [table as Table]));
}

// ---- firewall ----

const FIREWALL_USAGE =
  "usage: firewall              show what the nodes' firewall lets in\n       firewall open PORT|FROM-TO|all\n       firewall close PORT|FROM-TO|all";

function parsePorts(text: string): PortRange | 'all' | undefined {
  if (text === 'all') return 'all';
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < MIN_PORT || to > MAX_PORT || from > to) return undefined;
  return { from, to };
}

const ALL: PortRange = { from: MIN_PORT, to: MAX_PORT };

/** What the firewall lets in, in plain lines. */
export function describeFirewall(cluster: Cluster): string {
  const allowed = firewallOf(cluster).allowed;
  const open =
    allowed.length === 0
      ? 'none: every request from outside times out'
      : firewallAllowsAll(cluster, ALL)
        ? `every port (${formatPortRange(ALL)})`
        : allowed.map(formatPortRange).join(', ');
  return [
    "The nodes' firewall (one security group for every node), inbound TCP from anywhere (0.0.0.0/0):",
    `  open: ${open}`,
    'Replies, traffic between nodes and pods, and a cloud load balancer always get through.',
    "It guards the nodes' EXTERNAL-IPs: INTERNAL-IPs, pod IPs and cluster IPs have no route from your laptop at all.",
    '',
  ].join('\n');
}

export function firewallCommand(cluster: Cluster, args: readonly string[]): CommandResult {
  if (args.length === 0) return ok(cluster, describeFirewall(cluster));
  const [action, target, ...extra] = args;
  if ((action !== 'open' && action !== 'close') || target === undefined || extra.length > 0) {
    return fail(cluster, `firewall: ${FIREWALL_USAGE}\n`, 2);
  }
  const ports = parsePorts(target);
  if (ports === undefined) {
    return fail(cluster, `firewall: invalid port "${target}": give a port (0-65535), a range such as 30000-32767, or all\n`, 2);
  }
  const range = ports === 'all' ? ALL : ports;
  const what = ports === 'all' ? 'Every port' : range.from === range.to ? `Port ${range.from}` : `Ports ${formatPortRange(range)}`;
  const plural = ports !== 'all' && range.from !== range.to;
  if (action === 'open') {
    if (firewallAllowsAll(cluster, range)) return ok(cluster, `${what} ${plural || ports === 'all' ? 'were' : 'was'} already open.\n`);
    return ok(openFirewall(cluster, ports), `${what} ${plural ? 'are' : 'is'} now open to the nodes from anywhere (0.0.0.0/0).\n`);
  }
  if (firewallAllowsNone(cluster, range)) return ok(cluster, `${what} ${plural || ports === 'all' ? 'were' : 'was'} already closed.\n`);
  const after = closeFirewall(cluster, ports);
  return ok(after, `${what} ${plural ? 'are' : 'is'} now closed: requests to ${plural || ports === 'all' ? 'them' : 'it'} from outside time out.\n`);
}
