// trace(cluster, request): where a TCP connection goes, hop by hop, as kube-proxy's iptables
// rules, the pod network and the pods would take it; how the answer comes back; how it ends.
// The one routing computation in the app: curl reads its outcome from here.
// Deterministic: the only random step (kube-proxy's pick among endpoints, a load balancer's
// pick among nodes) draws from the cluster's seeded generator, returned advanced.

import {
  findPod,
  findService,
  firewallAllows,
  formatCidr,
  isControlPlane,
  knownImage,
  nextInt,
  podByIP,
  serveHttp,
  serviceOnNodePort,
  serviceWithClusterIP,
  whatAnswers,
  type Cluster,
  type Node,
} from '../cluster/index.js';
import { finish, httpOf, type Ctx } from './context.js';
import { endpointChoices, largeClusterMode, selectorText } from './endpoints.js';
import { FIREWALL_WHERE, LAPTOP, Walk, chainWhere, nicWhere, onNode, podWhere } from './hops.js';
import {
  LOOPBACK,
  ephemeralPort,
  externalIP,
  inPodNetwork,
  inServiceNetwork,
  internalIP,
  masqueradePort,
  masqueradeSource,
  nodeWithAddress,
  packet,
  withDst,
  withSrc,
} from './nat.js';
import { HTTP_TO_HTTPS, answered, refused, timedOut } from './outcome.js';
import { replyFromNode, replyPath } from './reply.js';
import {
  FILTER,
  NAT,
  clusterIPRejectRule,
  clusterIPRule,
  endpointRule,
  extRules,
  filterJump,
  nodePortFilterRule,
  nodePortRule,
  sepRules,
  servicePortInfo,
  type ServicePortInfo,
} from './rules.js';
import {
  CLIENT_IP,
  type Decision,
  type EndpointChoice,
  type LoadBalancerRequest,
  type OutsideRequest,
  type PodRequest,
  type TraceError,
  type TraceRequest,
  type Traced,
} from './types.js';

// ---- the public entry ----

export function trace(cluster: Cluster, request: OutsideRequest): Traced;
export function trace(cluster: Cluster, request: TraceRequest): Traced | TraceError;
export function trace(cluster: Cluster, request: TraceRequest): Traced | TraceError {
  switch (request.from) {
    case 'outside':
      return fromOutside(cluster, request);
    case 'pod':
      return fromPod(cluster, request);
    case 'load-balancer':
      return throughLoadBalancer(cluster, request);
  }
}

// ---- from the laptop ----

function fromOutside(cluster: Cluster, request: OutsideRequest): Traced {
  const client = { ip: CLIENT_IP, port: ephemeralPort(cluster) };
  const walk = new Walk(packet('SYN', client, { ip: request.ip, port: request.port }));
  const ctx: Ctx = { cluster, walk, request, client };
  const first = walk.pass({ place: 'client', where: `${LAPTOP} (${CLIENT_IP})`, note: "the connection's first packet (SYN): the one the NAT rules see" });
  if (LOOPBACK.test(request.ip)) {
    return finish(ctx, refused('local-nothing-listening', first, `${request.ip} is your laptop itself, not the cluster, and nothing listens on port ${request.port} there`));
  }
  const node = nodeWithAddress(cluster, request.ip);
  if (!node) {
    const why = inPodNetwork(cluster, request.ip)
      ? `${request.ip} is a pod address: it exists only inside the cluster's pod network, and your laptop has no route to it`
      : inServiceNetwork(cluster, request.ip)
        ? `${request.ip} is a cluster IP: it exists only in the nodes' iptables rules, and your laptop has no route to it`
        : `no machine in this simulation has the address ${request.ip}`;
    return finish(ctx, timedOut(inPodNetwork(cluster, request.ip) || inServiceNetwork(cluster, request.ip) ? 'not-routable' : 'unknown-address', first, why));
  }
  ctx.node = node;
  const allowed = firewallAllows(cluster, request.port);
  const decided: Decision[] = [{ by: 'firewall', port: request.port, allowed }];
  const isPublic = request.ip === externalIP(node);
  if (!allowed) {
    // Dropped before the cloud translates anything: no word about the private IP.
    const at = walk.stop({ place: 'firewall', where: FIREWALL_WHERE, decided, note: `port ${request.port} is not allowed in from outside: the packet is dropped without an answer` });
    return finish(ctx, timedOut('firewall', at, `the nodes' firewall does not let port ${request.port} in (firewall open ${request.port} allows it)`));
  }
  if (isPublic) {
    ctx.publicIP = request.ip;
    decided.push({ by: 'address', text: `${request.ip} is the public IP of ${node.metadata.name}; the cloud hands the packet to its private IP ${internalIP(node)}` });
  }
  walk.pass(
    { place: 'firewall', where: FIREWALL_WHERE, decided, ...(isPublic ? { nat: 'public IP' as const } : {}), note: `port ${request.port} is allowed in` },
    isPublic ? withDst(walk.packet, { ip: internalIP(node), port: request.port }) : walk.packet,
  );
  walk.pass({ place: 'node-nic', where: nicWhere(node), node: node.metadata.name, note: 'the packet arrives at the node' });
  return atNodePort(ctx, node);
}

// ---- through a LoadBalancer service's cloud load balancer ----

const EXCLUDED_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

function throughLoadBalancer(cluster: Cluster, request: LoadBalancerRequest): Traced | TraceError {
  const service = findService(cluster, request.service);
  if (!service) return { ok: false, error: `service "${request.service}" not found` };
  if (service.spec.type !== 'LoadBalancer') {
    return { ok: false, error: `service ${request.service} is of type ${service.spec.type}: only a LoadBalancer service gets a cloud load balancer` };
  }
  const port = request.port === undefined ? service.spec.ports[0] : service.spec.ports.find((p) => p.port === request.port && p.protocol === 'TCP');
  if (!port || port.nodePort === undefined) {
    const ports = service.spec.ports.map((p) => p.port).join(', ');
    return { ok: false, error: `the load balancer of service ${request.service} listens on port ${ports}, not ${request.port ?? '?'}` };
  }
  const lbAddress = { ip: `lb/${service.metadata.name}`, port: port.port };
  const client = { ip: CLIENT_IP, port: ephemeralPort(cluster) };
  const walk = new Walk(packet('SYN', client, lbAddress));
  const ctx: Ctx = { cluster, walk, request, client, lb: { service, port: port.port } };
  walk.pass({ place: 'client', where: `${LAPTOP} (${CLIENT_IP})`, note: "the connection's first packet (SYN): the one the NAT rules see" });

  // The cloud registers every node but those labelled out; with Local, its health checks
  // (kube-proxy's healthCheckNodePort) pass only on nodes that run an endpoint.
  const sp = servicePortInfo(service, port);
  const eligible = cluster.nodes.filter((n) => !(EXCLUDED_FROM_LB in n.metadata.labels));
  const local = service.spec.externalTrafficPolicy === 'Local';
  const withPods = new Set(endpointChoices(cluster, sp).map((e) => e.node));
  const healthy = local ? eligible.filter((n) => withPods.has(n.metadata.name)) : eligible;
  const targets = healthy.length > 0 ? healthy : eligible;
  const pick = nextInt(ctx.cluster.rng, targets.length);
  if (pick.state !== ctx.cluster.rng) ctx.cluster = { ...ctx.cluster, rng: pick.state };
  const node = targets[pick.value];
  if (!node) return { ok: false, error: 'the cluster has no node a load balancer could send to' };
  ctx.node = node;
  const note = local
    ? healthy.length > 0
      ? 'externalTrafficPolicy Local: health checks pass only on nodes with an endpoint, so it sends to one of those'
      : 'externalTrafficPolicy Local and no node passes the health check: the load balancer sends to any node (fail open)'
    : 'it sends to any registered node; kube-proxy on that node does the rest';
  walk.pass(
    {
      place: 'load-balancer',
      where: `cloud load balancer of service default/${service.metadata.name} (port ${port.port}; its EXTERNAL-IP stays <pending> in this simulation)`,
      decided: [
        { by: 'load-balancer', nodes: targets.map((n) => n.metadata.name), chosen: node.metadata.name, nodePort: port.nodePort },
        { by: 'address', text: "the cloud controller added the load balancer to the nodes' firewall, so it is always let in" },
      ],
      nat: 'DNAT',
      note,
    },
    withDst(walk.packet, { ip: internalIP(node), port: port.nodePort }),
  );
  walk.pass({ place: 'node-nic', where: nicWhere(node), node: node.metadata.name, note: 'the packet arrives at the node' });
  return atNodePort(ctx, node);
}

// ---- from a pod ----

function fromPod(cluster: Cluster, request: PodRequest): Traced | TraceError {
  const pod = findPod(cluster, request.pod);
  if (!pod) return { ok: false, error: `pod "${request.pod}" not found` };
  if (cluster.now < pod.timeline.startedAt) return { ok: false, error: `pod ${request.pod} is not running yet: nothing in it can open a connection` };
  const myNode = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
  if (!myNode) return { ok: false, error: `pod ${request.pod} is on no node` };
  const loopback = LOOPBACK.test(request.ip);
  const client = { ip: loopback ? '127.0.0.1' : pod.status.podIP, port: ephemeralPort(cluster, 1) };
  const walk = new Walk(packet('SYN', client, { ip: request.ip, port: request.port }));
  const ctx: Ctx = { cluster, walk, request, client, clientPod: pod, node: myNode };
  const first = walk.pass({ place: 'client', where: `pod/${pod.metadata.name} (${pod.status.podIP}) on ${pod.spec.nodeName}`, node: pod.spec.nodeName, note: "the connection's first packet (SYN): the one the NAT rules see" });

  if (loopback || request.ip === pod.status.podIP) return arrive(ctx, pod.status.podIP, request.port, 'inside');

  const service = serviceWithClusterIP(cluster, request.ip);
  if (service || inServiceNetwork(cluster, request.ip)) {
    const port = service?.spec.ports.find((p) => p.port === request.port && p.protocol === 'TCP');
    if (!service || !port) {
      walk.pass({
        place: 'iptables',
        where: chainWhere(myNode, 'nat', 'PREROUTING -> KUBE-SERVICES'),
        node: myNode.metadata.name,
        rules: [NAT.prerouting],
        note: service ? `no rule matches: kube-proxy captures ${request.ip} only on the service's own ports` : `no rule matches: no Service has the cluster IP ${request.ip}`,
      });
      const at = walk.stop({ place: 'node', where: onNode(myNode, 'routing'), node: myNode.metadata.name, note: 'untranslated, the packet leaves by the default route, and nothing anywhere has that address' });
      const why = service
        ? `service ${service.metadata.name} has cluster IP ${request.ip} but no port ${request.port} (its ports: ${service.spec.ports.map((p) => p.port).join(', ')}); a cluster IP is no real address, so nothing answers`
        : `no Service has the cluster IP ${request.ip}; a cluster IP is no real address, so nothing answers`;
      return finish(ctx, timedOut('no-service-port', at, why));
    }
    ctx.service = service;
    ctx.servicePort = port;
    const sp = servicePortInfo(service, port);
    const eps = endpointChoices(cluster, sp);
    const portDecision: Decision = { by: 'port', service: sp.name, clusterIP: request.ip, port: request.port };
    if (eps.length === 0) {
      walk.pass({
        place: 'iptables',
        where: chainWhere(myNode, 'nat', 'PREROUTING -> KUBE-SERVICES'),
        node: myNode.metadata.name,
        rules: [NAT.prerouting],
        decided: [portDecision],
        note: `no nat rule for ${request.ip}:${request.port}: kube-proxy writes none while ${sp.name} has no endpoints`,
      });
      const at = walk.stop({
        place: 'iptables',
        where: chainWhere(myNode, 'filter', 'FORWARD -> KUBE-SERVICES'),
        node: myNode.metadata.name,
        rules: [filterJump('FORWARD', 'KUBE-SERVICES'), clusterIPRejectRule(sp)],
        decided: [{ by: 'selector', service: sp.name, selector: service.spec.selector }],
        note: 'REJECT: the node answers at once with ICMP port unreachable',
      });
      const reply = replyFromNode(ctx, myNode, 'ICMP port unreachable', 'the REJECT rule', { ip: bridgeAddress(myNode) });
      return finish(ctx, refused('no-endpoints', at, noEndpointsWhy(sp)), reply);
    }
    walk.pass({
      place: 'iptables',
      where: chainWhere(myNode, 'nat', 'PREROUTING -> KUBE-SERVICES'),
      node: myNode.metadata.name,
      rules: [NAT.prerouting, clusterIPRule(sp)],
      decided: [portDecision],
      note: `the cluster IP and port ${request.port} of ${sp.name}: to its chain`,
    });
    return balance(ctx, myNode, sp, sp.chains.svc, eps, false);
  }

  const node = nodeWithAddress(cluster, request.ip);
  if (node) {
    if (node !== myNode) crossNodes(ctx, myNode, node, 'node network');
    walk.pass({ place: 'node-nic', where: nicWhere(node), node: node.metadata.name, note: 'the packet arrives at the node' });
    return atNodePort(ctx, node);
  }

  const target = podByIP(cluster, request.ip);
  if (target) {
    const targetNode = cluster.nodes.find((n) => n.metadata.name === target.spec.nodeName);
    if (targetNode && targetNode !== myNode) crossNodes(ctx, myNode, targetNode, 'pod network');
    return arrive(ctx, request.ip, request.port, 'pod');
  }
  const why = inPodNetwork(cluster, request.ip)
    ? `no pod has the address ${request.ip}`
    : `${request.ip} is outside the cluster, and nothing outside it is simulated`;
  return finish(ctx, timedOut('unknown-address', first, why));
}

// ---- on a node: a packet to one of its own addresses ----

function atNodePort(ctx: Ctx, node: Node): Traced {
  const { walk, cluster } = ctx;
  const name = node.metadata.name;
  const port = walk.packet.dst.port ?? 0;
  const fromPod = inPodNetwork(cluster, walk.packet.src.ip);
  walk.pass({
    place: 'iptables',
    where: chainWhere(node, 'nat', 'PREROUTING -> KUBE-SERVICES'),
    node: name,
    rules: [NAT.prerouting, NAT.toNodePorts],
    decided: [{ by: 'address', text: `${walk.packet.dst.ip} is one of ${name}'s own addresses (--dst-type LOCAL), and no cluster IP rule matches it` }],
    note: 'on to the node-port rules',
  });
  const target = serviceOnNodePort(cluster, port, 'TCP');
  if (!target) {
    walk.pass({ place: 'iptables', where: chainWhere(node, 'nat', 'KUBE-NODEPORTS'), node: name, note: `no rule for port ${port}: no Service has nodePort ${port}, so the packet goes on, untranslated, to the node itself` });
    const at = walk.stop({ place: 'node', where: onNode(node, 'its own TCP stack'), node: name, note: `nothing on ${name} listens on port ${port}: the kernel answers with a reset (RST)` });
    const reply = replyFromNode(ctx, node, 'RST', "the node's kernel", { ip: walk.packet.dst.ip, port });
    return finish(ctx, refused('no-service-on-port', at, `no Service has nodePort ${port}, and nothing on ${name} listens on it`), reply);
  }
  ctx.service = target.service;
  ctx.servicePort = target.port;
  const sp = servicePortInfo(target.service, target.port);
  const eps = endpointChoices(cluster, sp);
  const nodePortDecision: Decision = { by: 'nodePort', service: sp.name, nodePort: port };
  if (eps.length === 0) {
    walk.pass({ place: 'iptables', where: chainWhere(node, 'nat', 'KUBE-NODEPORTS'), node: name, decided: [nodePortDecision], note: `no rule for port ${port}: kube-proxy writes none while ${sp.name} has no endpoints` });
    const at = walk.stop({
      place: 'iptables',
      where: chainWhere(node, 'filter', 'INPUT -> KUBE-EXTERNAL-SERVICES'),
      node: name,
      rules: [filterJump('INPUT', 'KUBE-EXTERNAL-SERVICES'), nodePortFilterRule(sp, 'no-endpoints')],
      decided: [{ by: 'selector', service: sp.name, selector: target.service.spec.selector }],
      note: 'REJECT: the node answers at once with ICMP port unreachable',
    });
    const reply = replyFromNode(ctx, node, 'ICMP port unreachable', 'the REJECT rule', { ip: walk.packet.dst.ip });
    return finish(ctx, refused('no-endpoints', at, noEndpointsWhy(sp)), reply);
  }
  walk.pass({ place: 'iptables', where: chainWhere(node, 'nat', 'KUBE-NODEPORTS'), node: name, rules: [nodePortRule(sp)], decided: [nodePortDecision], note: `nodePort ${port} is ${sp.name}'s: to its external chain` });

  const podCidr = formatCidr(cluster.config.podCidr);
  const policy = target.service.spec.externalTrafficPolicy ?? 'Cluster';
  const policyDecision: Decision = { by: 'externalTrafficPolicy', service: sp.name, policy };
  const mine = eps.filter((e) => e.node === name);
  const ext = extRules(sp, podCidr, mine.length > 0);
  const extWhere = chainWhere(node, 'nat', sp.chains.ext);
  if (policy === 'Cluster') {
    walk.pass({
      place: 'iptables',
      where: extWhere,
      node: name,
      rules: [ext.masquerade, NAT.markMasq, ext.policy],
      decided: [policyDecision],
      note: 'marked for masquerade (0x4000): the pod may be on another node, and its answer must come back through this one',
    });
    return balance(ctx, node, sp, sp.chains.svc, eps, true);
  }
  if (fromPod) {
    walk.pass({ place: 'iptables', where: extWhere, node: name, rules: [ext.podTraffic], decided: [policyDecision], note: "a pod's connection skips the Local policy: every endpoint, no masquerade" });
    return balance(ctx, node, sp, sp.chains.svc, eps, false);
  }
  if (mine.length === 0) {
    walk.pass({ place: 'iptables', where: extWhere, node: name, decided: [policyDecision], note: `Local, and no endpoint on ${name}: no rule here sends the packet on, so it stays untranslated` });
    const at = walk.stop({
      place: 'iptables',
      where: chainWhere(node, 'filter', 'INPUT -> KUBE-EXTERNAL-SERVICES'),
      node: name,
      rules: [filterJump('INPUT', 'KUBE-EXTERNAL-SERVICES'), nodePortFilterRule(sp, 'no-local-endpoints')],
      note: 'DROP: the packet is thrown away without an answer',
    });
    const where = [...new Set(eps.map((e) => e.node))].join(', ');
    return finish(ctx, timedOut('no-local-endpoints', at, `${sp.name} has externalTrafficPolicy Local and no ready pod on ${name} (its pods run on ${where}): the node drops the connection, and the client waits`));
  }
  walk.pass({ place: 'iptables', where: extWhere, node: name, rules: [ext.policy], decided: [policyDecision], note: "Local: only this node's own endpoints, and no masquerade: the pod will see the client's own address" });
  return balance(ctx, node, sp, sp.chains.svl, mine, false);
}

function noEndpointsWhy(sp: ServicePortInfo): string {
  return `${sp.name} has no endpoints (its selector ${selectorText(sp.service)} matches no ready pod), so kube-proxy rejects the connection`;
}

// ---- kube-proxy's pick and DNAT ----

function balance(ctx: Ctx, node: Node, sp: ServicePortInfo, chain: string, eps: readonly EndpointChoice[], marked: boolean): Traced {
  const { walk } = ctx;
  const name = node.metadata.name;
  const n = eps.length;
  // kube-proxy's rules pick among several endpoints at random; with one there is nothing to draw.
  const pick = n > 1 ? nextInt(ctx.cluster.rng, n) : { value: 0, state: ctx.cluster.rng };
  if (pick.state !== ctx.cluster.rng) ctx.cluster = { ...ctx.cluster, rng: pick.state };
  const i = pick.value;
  const ep = eps[i]!;
  const large = largeClusterMode(ctx.cluster);
  walk.pass({
    place: 'service',
    where: onNode(node, `Service ${sp.name}, iptables nat ${chain}`),
    node: name,
    rules: [endpointRule(sp, chain, ep, i, n, large)],
    decided: [
      { by: 'selector', service: sp.name, selector: sp.service.spec.selector },
      { by: 'endpoint', endpoints: eps, chosen: i, local: chain === sp.chains.svl },
    ],
    note: n > 1 ? `rule ${i + 1} of ${n} matched: each endpoint gets 1 in ${n} new connections` : 'one endpoint: its rule always matches',
  });
  const hairpin = walk.packet.src.ip === ep.ip;
  const sep = sepRules(sp, ep, large);
  ctx.nat = { node, src: walk.packet.src, dst: walk.packet.dst };
  ctx.endpoint = ep;
  walk.pass(
    {
      place: 'iptables',
      where: chainWhere(node, 'nat', ep.chain),
      node: name,
      rules: hairpin ? [sep.hairpin, NAT.markMasq, sep.dnat] : [sep.dnat],
      nat: 'DNAT',
      decided: [{ by: 'targetPort', service: sp.name, port: sp.port.port, targetPort: sp.port.targetPort, resolved: ep.port }],
      note: `DNAT to ${ep.ip}:${ep.port}: the pod's IP and the targetPort${hairpin ? '; the pod is reaching itself, so it is marked for masquerade (hairpin)' : ''}`,
    },
    withDst(walk.packet, { ip: ep.ip, port: ep.port }),
  );
  return deliver(ctx, node, ep, marked || hairpin);
}

function deliver(ctx: Ctx, node: Node, ep: EndpointChoice, marked: boolean): Traced {
  const { walk } = ctx;
  const name = node.metadata.name;
  if (marked) {
    walk.pass({
      place: 'iptables',
      where: chainWhere(node, 'filter', 'FORWARD -> KUBE-FORWARD'),
      node: name,
      rules: [filterJump('FORWARD', 'KUBE-FORWARD'), FILTER.forwardMarked],
      note: 'forwarded: kube-proxy accepts marked connections whatever the FORWARD policy',
    });
    const src = { ip: masqueradeSource(node, ep.node), port: masqueradePort(walk.packet.src.port ?? 0, node) };
    walk.pass(
      {
        place: 'iptables',
        where: chainWhere(node, 'nat', 'POSTROUTING -> KUBE-POSTROUTING'),
        node: name,
        rules: [NAT.postrouting, NAT.clearMark, NAT.masquerade],
        nat: 'SNAT',
        note: `MASQUERADE: the source becomes ${name}'s own address toward the pod, ${src.ip}`,
      },
      withSrc(walk.packet, src),
    );
  } else {
    walk.pass({
      place: 'iptables',
      where: chainWhere(node, 'nat', 'POSTROUTING -> KUBE-POSTROUTING'),
      node: name,
      rules: [NAT.postrouting, NAT.notMarked],
      note: `not marked: no SNAT, the pod will see ${walk.packet.src.ip}`,
    });
  }
  if (ep.node !== name) {
    const to = ctx.cluster.nodes.find((n) => n.metadata.name === ep.node);
    if (to) crossNodes(ctx, node, to, nodeWithAddress(ctx.cluster, ep.ip) ? 'node network' : 'pod network');
  }
  return arrive(ctx, ep.ip, ep.port, 'service');
}

function crossNodes(ctx: Ctx, from: Node, to: Node, network: 'pod network' | 'node network'): void {
  const dst = ctx.walk.packet.dst.ip;
  const text =
    network === 'pod network'
      ? `${dst} is in ${to.metadata.name}'s pod CIDR ${to.spec.podCIDR}`
      : `${dst} is ${to.metadata.name}'s address`;
  ctx.walk.pass({
    place: 'pod-network',
    where: network === 'pod network'
      ? `pod network: ${from.metadata.name} -> ${to.metadata.name} (VXLAN between ${internalIP(from)} and ${internalIP(to)})`
      : `node network: ${from.metadata.name} -> ${to.metadata.name}`,
    decided: [{ by: 'address', text }],
    note: network === 'pod network' ? 'the packet travels inside a VXLAN packet between the nodes, unchanged' : 'routed to the other node, unchanged',
  });
}

const bridgeAddress = (node: Node): string => node.spec.podCIDR.replace(/\.0\/\d+$/, '.1');

// ---- the end of the way: a pod (or the API server on a node) ----

type Via = 'service' | 'pod' | 'inside';

function arrive(ctx: Ctx, ip: string, port: number, via: Via): Traced {
  const { walk, cluster } = ctx;
  const seen = walk.packet.src.ip;
  const hostNode = nodeWithAddress(cluster, ip);
  if (hostNode) {
    const name = hostNode.metadata.name;
    if (isControlPlane(hostNode) && port === cluster.config.apiServerPort) {
      walk.pass({ place: 'node', where: onNode(hostNode, `kube-apiserver (listening on ${port})`), node: name, note: 'the API server accepts; it speaks HTTPS only' });
      ctx.seenFrom = seen;
      const outcome = answered({ kind: 'node', node: hostNode, process: 'kube-apiserver' }, HTTP_TO_HTTPS, seen);
      return finish(ctx, outcome, replyPath(ctx, 'SYN-ACK', { place: 'node', where: onNode(hostNode, 'kube-apiserver'), node: name }));
    }
    const at = walk.stop({ place: 'node', where: onNode(hostNode, 'its own TCP stack'), node: name, note: `nothing on ${name} listens on port ${port}: a reset (RST)` });
    return finish(ctx, refused('nothing-listening', at, `nothing on ${name} listens on port ${port}`), replyPath(ctx, 'RST', { place: 'node', where: onNode(hostNode, 'its own TCP stack'), node: name }));
  }
  const pod = podByIP(cluster, ip);
  if (!pod) {
    const at = walk.stop({ place: 'pod-network', where: 'pod network', note: `no pod has the address ${ip}` });
    return finish(ctx, timedOut('unknown-address', at, `no pod has the address ${ip}`));
  }
  const answer = whatAnswers(cluster, ip, port);
  const where = via === 'inside' ? `pod/${pod.metadata.name} ${LOOPBACK.test(walk.packet.dst.ip) ? 'lo (127.0.0.1)' : `eth0 (${pod.status.podIP})`}, inside the pod` : podWhere(pod);
  const listening = pod.spec.containers.flatMap((c) => (knownImage(c.image)?.listens ?? []).filter((l) => l.protocol === 'TCP').map((l) => l.port));
  const container = pod.spec.containers.find((c) => knownImage(c.image)?.listens.some((l) => l.port === port && l.protocol === 'TCP')) ?? pod.spec.containers[0];
  const containerDecision: Decision = {
    by: 'containerPort',
    pod: pod.metadata.name,
    container: container?.name ?? '',
    declared: pod.spec.containers.flatMap((c) => c.ports.map((p) => p.containerPort)),
    listening,
  };
  const podHop = { place: 'pod' as const, where, node: pod.spec.nodeName };
  ctx.seenFrom = seen;
  if (answer.kind !== 'listening' || !container) {
    const notStarted = answer.kind === 'refused' && answer.reason === 'not-started';
    const at = walk.stop({
      ...podHop,
      decided: [containerDecision],
      note: notStarted
        ? `the container has not started yet, so nothing listens on ${port}: the pod's kernel answers with a reset (RST)`
        : `nothing in the pod listens on port ${port}: the pod's kernel answers with a reset (RST)`,
    });
    const listens = listening.length ? ` (it listens on ${[...new Set(listening)].join(', ')})` : '';
    const why =
      via === 'service' && ctx.servicePort
        ? `nothing in pod/${pod.metadata.name} listens on port ${port}${listens}: the Service's targetPort (${String(ctx.servicePort.targetPort)}) must be the port the container listens on`
        : `nothing in pod/${pod.metadata.name} listens on port ${port}${listens}`;
    return finish(ctx, refused('nothing-listening', at, why), replyPath(ctx, 'RST', podHop));
  }
  walk.pass({ ...podHop, note: via === 'inside' ? 'the connection never leaves the pod' : `delivered through ${pod.spec.nodeName}'s cni0 bridge into the pod's network namespace` });
  walk.pass({
    place: 'container',
    where: `container ${container.name} (${container.image}) in pod/${pod.metadata.name}`,
    node: pod.spec.nodeName,
    decided: [containerDecision],
    note: `${answer.image.server.split('/')[0] ?? 'the server'} listens on port ${port} and accepts`,
  });
  const http = httpOf(ctx);
  const response = serveHttp(answer.image, http.method, http.path, cluster.now);
  const outcome = answered({ kind: 'pod', pod, container: container.name, image: answer.image }, response, seen);
  return finish(ctx, outcome, replyPath(ctx, 'SYN-ACK', { place: 'container', where: `container ${container.name} in pod/${pod.metadata.name}`, node: pod.spec.nodeName }));
}

