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
  knownImage,
  loadBalancerIngressIP,
  nextInt,
  podByIP,
  serveHttp,
  serviceOnNodePort,
  serviceWithClusterIP,
  serviceWithLoadBalancerIP,
  whatAnswers,
  type Cluster,
  type Node,
  type Service,
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
import { flannelRules } from './flannel.js';
import { HTTP_TO_HTTPS, nodeProcess, type NodeProcess } from './node-processes.js';
import { answered, refused, timedOut } from './outcome.js';
import { pickEndpoint, pickNote } from './pick.js';
import { flannelForwardRule, flannelReturn, leaveNode } from './pod-network.js';
import { replyFromNode, replyPath } from './reply.js';
import {
  FILTER,
  NAT,
  clusterIPRejectRule,
  clusterIPRule,
  endpointRule,
  extRules,
  filterJump,
  loadBalancerFilterRule,
  loadBalancerIPRule,
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
  type IptablesRule,
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
    return finish(
      ctx,
      refused('local-nothing-listening', first, `${request.ip} is your laptop itself, not the cluster, and nothing listens on port ${request.port} there`),
    );
  }
  const balancer = serviceWithLoadBalancerIP(cluster, request.ip);
  if (balancer) return viaLoadBalancer(ctx, balancer, request.ip, request.port);
  // The laptop reaches a node only by its public address, through the cloud firewall.
  const node = cluster.nodes.find((n) => externalIP(n) === request.ip);
  if (!node) {
    const privateNode = nodeWithAddress(cluster, request.ip);
    const why = privateNode
      ? `${request.ip} is the INTERNAL-IP of ${privateNode.metadata.name}, an address on the cluster's private network: your laptop has no route to it (from outside, use its EXTERNAL-IP ${externalIP(privateNode) ?? '(none)'})`
      : inPodNetwork(cluster, request.ip)
        ? `${request.ip} is a pod address: it exists only inside the cluster's pod network, and your laptop has no route to it`
        : inServiceNetwork(cluster, request.ip)
          ? `${request.ip} is a cluster IP: it exists only in the nodes' iptables rules, and your laptop has no route to it`
          : `no machine in this simulation has the address ${request.ip}`;
    const routable = !privateNode && !inPodNetwork(cluster, request.ip) && !inServiceNetwork(cluster, request.ip);
    return finish(ctx, timedOut(routable ? 'unknown-address' : 'not-routable', first, why));
  }
  ctx.node = node;
  const allowed = firewallAllows(cluster, request.port);
  const decided: Decision[] = [{ by: 'firewall', port: request.port, allowed }];
  if (!allowed) {
    // Dropped before the cloud translates anything: no word about the private IP.
    const at = walk.stop({
      place: 'firewall',
      where: FIREWALL_WHERE,
      decided,
      note: `port ${request.port} is not allowed in from outside: the packet is dropped without an answer`,
    });
    return finish(ctx, timedOut('firewall', at, `the nodes' firewall does not let port ${request.port} in (firewall open ${request.port} allows it)`));
  }
  ctx.publicIP = request.ip;
  decided.push({
    by: 'address',
    text: `${request.ip} is the public IP of ${node.metadata.name}; the cloud hands the packet to its private IP ${internalIP(node)}`,
  });
  walk.pass(
    { place: 'firewall', where: FIREWALL_WHERE, decided, nat: 'cloud NAT', note: `port ${request.port} is allowed in` },
    withDst(walk.packet, { ip: internalIP(node), port: request.port }),
  );
  walk.pass({ place: 'node-nic', where: nicWhere(node), node: node.metadata.name, note: 'the packet arrives at the node' });
  return atNodePort(ctx, node);
}

// ---- through a LoadBalancer service's cloud load balancer ----

const EXCLUDED_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** `trace lb/NAME[:PORT]`: to the address the cloud gave the service's load balancer. */
function throughLoadBalancer(cluster: Cluster, request: LoadBalancerRequest): Traced | TraceError {
  const service = findService(cluster, request.service);
  if (!service) return { ok: false, error: `service "${request.service}" not found` };
  if (service.spec.type !== 'LoadBalancer') {
    return { ok: false, error: `service ${request.service} is of type ${service.spec.type}: only a LoadBalancer service gets a cloud load balancer` };
  }
  const ip = loadBalancerIngressIP(cluster, service);
  if (!ip) {
    return {
      ok: false,
      error: `service ${request.service} has no load balancer yet: its EXTERNAL-IP is <pending> until the cloud reports the address (a few seconds after the Service asks for it)`,
    };
  }
  const port = request.port === undefined ? service.spec.ports[0] : service.spec.ports.find((p) => p.port === request.port && p.protocol === 'TCP');
  if (!port || port.nodePort === undefined) {
    const ports = service.spec.ports.map((p) => p.port).join(', ');
    return { ok: false, error: `the load balancer of service ${request.service} listens on port ${ports}, not ${request.port ?? '?'}` };
  }
  const client = { ip: CLIENT_IP, port: ephemeralPort(cluster) };
  const walk = new Walk(packet('SYN', client, { ip, port: port.port }));
  const ctx: Ctx = { cluster, walk, request, client };
  walk.pass({ place: 'client', where: `${LAPTOP} (${CLIENT_IP})`, note: "the connection's first packet (SYN): the one the NAT rules see" });
  return viaLoadBalancer(ctx, service, ip, port.port);
}

function lbWhere(service: Service, ip: string): string {
  return `cloud load balancer ${ip} of service ${service.metadata.namespace}/${service.metadata.name}`;
}

/** The cloud load balancer has no listener on the port asked for: it drops the packet, and the client waits. */
function noListener(ctx: Ctx, service: Service, ip: string, portNumber: number): Traced {
  const at = ctx.walk.stop({
    place: 'load-balancer',
    where: lbWhere(service, ip),
    note: `the load balancer has no listener on port ${portNumber}: it drops the packet`,
  });
  const ports = service.spec.ports.map((p) => p.port).join(', ');
  return finish(
    ctx,
    timedOut('no-listener', at, `the load balancer of service ${service.metadata.name} listens only on port ${ports}, so nothing answers on ${portNumber}`),
  );
}

/** The cloud load balancer: it picks a registered node and sends the connection to its node port. */
function viaLoadBalancer(ctx: Ctx, service: Service, ip: string, portNumber: number): Traced {
  const { walk, cluster } = ctx;
  const port = service.spec.ports.find((p) => p.port === portNumber && p.protocol === 'TCP');
  if (!port || port.nodePort === undefined) {
    return noListener(ctx, service, ip, portNumber);
  }
  ctx.lb = { service, port: port.port, ip };
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
  const node = targets[pick.value] ?? cluster.nodes[0]!;
  ctx.node = node;
  const note = local
    ? healthy.length > 0
      ? 'externalTrafficPolicy Local: health checks pass only on nodes with an endpoint, so it sends to one of those'
      : 'externalTrafficPolicy Local and no node passes the health check: the load balancer sends to any node (fail open)'
    : 'it sends to any registered node; kube-proxy on that node does the rest';
  walk.pass(
    {
      place: 'load-balancer',
      where: `${lbWhere(service, ip)} (port ${port.port})`,
      decided: [
        { by: 'address', text: `${ip} is the EXTERNAL-IP the cloud gave service ${service.metadata.name} (kubectl get svc shows it)` },
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
  const pod = findPod(cluster, request.pod, request.namespace);
  if (!pod) return { ok: false, error: `pod "${request.pod}" not found` };
  if (pod.spec.nodeName === undefined) {
    return { ok: false, error: `pod ${request.pod} is Pending: the scheduler has found no node for it, so it has no IP and nothing in it runs` };
  }
  if (cluster.now < pod.timeline.startedAt) return { ok: false, error: `pod ${request.pod} is not running yet: nothing in it can open a connection` };
  const myNode = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
  const podIP = pod.status.podIP;
  if (!myNode || podIP === undefined) return { ok: false, error: `pod ${request.pod} is on no node` };
  const loopback = LOOPBACK.test(request.ip);
  const client = { ip: loopback ? '127.0.0.1' : podIP, port: ephemeralPort(cluster, 1) };
  const walk = new Walk(packet('SYN', client, { ip: request.ip, port: request.port }));
  const ctx: Ctx = { cluster, walk, request, client, clientPod: pod, node: myNode };
  const first = walk.pass({
    place: 'client',
    where: `pod/${pod.metadata.name} (${pod.status.podIP}) on ${pod.spec.nodeName}`,
    node: pod.spec.nodeName,
    note: "the connection's first packet (SYN): the one the NAT rules see",
  });

  if (loopback || request.ip === podIP) return arrive(ctx, podIP, request.port, 'inside');

  const service = serviceWithClusterIP(cluster, request.ip);
  if (service || inServiceNetwork(cluster, request.ip)) {
    const port = service?.spec.ports.find((p) => p.port === request.port && p.protocol === 'TCP');
    if (!service || !port) {
      walk.pass({
        place: 'iptables',
        where: chainWhere(myNode, 'nat', 'PREROUTING -> KUBE-SERVICES'),
        node: myNode.metadata.name,
        rules: [NAT.prerouting],
        note: service
          ? `no rule matches: kube-proxy captures ${request.ip} only on the service's own ports`
          : `no rule matches: no Service has the cluster IP ${request.ip}`,
      });
      const at = walk.stop({
        place: 'node',
        where: onNode(myNode, 'routing'),
        node: myNode.metadata.name,
        note: 'untranslated, the packet leaves by the default route, and nothing anywhere has that address',
      });
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

  const balancer = serviceWithLoadBalancerIP(cluster, request.ip);
  if (balancer) return toLoadBalancerIP(ctx, myNode, balancer, request.ip, request.port);

  const node = nodeWithAddress(cluster, request.ip);
  if (node) {
    if (node !== myNode) {
      leaveNode(
        ctx,
        myNode,
        `${request.ip} is not a cluster IP and not one of ${myNode.metadata.name}'s own addresses: no kube-proxy rule matches, and the packet is routed out`,
      );
      crossNodes(ctx, myNode, node, 'node network');
    }
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

/** From a pod to a load balancer's address: kube-proxy catches it on the pod's own node. */
function toLoadBalancerIP(ctx: Ctx, node: Node, service: Service, ip: string, portNumber: number): Traced {
  const { walk, cluster } = ctx;
  const name = node.metadata.name;
  const port = service.spec.ports.find((p) => p.port === portNumber && p.protocol === 'TCP');
  const where = chainWhere(node, 'nat', 'PREROUTING -> KUBE-SERVICES');
  if (!port) {
    walk.pass({
      place: 'iptables',
      where,
      node: name,
      rules: [NAT.prerouting],
      note: `no rule matches: kube-proxy captures ${ip} only on the service's own ports`,
    });
    leaveNode(ctx, node, `${ip} is the load balancer of ${service.metadata.name}, which has no port ${portNumber}`);
    return noListener(ctx, service, ip, portNumber);
  }
  ctx.service = service;
  ctx.servicePort = port;
  const sp = servicePortInfo(service, port);
  const eps = endpointChoices(cluster, sp);
  const seen: Decision = {
    by: 'address',
    text: `${ip} is the EXTERNAL-IP of ${sp.name}'s load balancer: kube-proxy writes a rule for it on every node, so the packet never goes out to the cloud`,
  };
  if (eps.length === 0) {
    walk.pass({
      place: 'iptables',
      where,
      node: name,
      rules: [NAT.prerouting],
      decided: [seen],
      note: `no nat rule for ${ip}:${portNumber}: kube-proxy writes none while ${sp.name} has no endpoints`,
    });
    const at = walk.stop({
      place: 'iptables',
      where: chainWhere(node, 'filter', 'FORWARD -> KUBE-EXTERNAL-SERVICES'),
      node: name,
      rules: [filterJump('FORWARD', 'KUBE-EXTERNAL-SERVICES'), loadBalancerFilterRule(sp, ip, 'no-endpoints')],
      decided: [{ by: 'selector', service: sp.name, selector: service.spec.selector }],
      note: 'REJECT: the node answers at once with ICMP port unreachable',
    });
    const reply = replyFromNode(ctx, node, 'ICMP port unreachable', 'the REJECT rule', { ip: bridgeAddress(node) });
    return finish(ctx, refused('no-endpoints', at, noEndpointsWhy(sp)), reply);
  }
  walk.pass({
    place: 'iptables',
    where,
    node: name,
    rules: [NAT.prerouting, loadBalancerIPRule(sp, ip)],
    decided: [seen],
    note: `the load balancer's address and port ${portNumber} of ${sp.name}: to its external chain`,
  });
  return externalChain(ctx, node, sp, eps, true, loadBalancerFilterRule(sp, ip, 'no-local-endpoints'), 'FORWARD');
}

// ---- on a node: a packet to one of its own addresses ----

function atNodePort(ctx: Ctx, node: Node): Traced {
  const { walk, cluster } = ctx;
  const name = node.metadata.name;
  const port = walk.packet.dst.port ?? 0;
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
    const listener = nodeProcess(cluster, node, port);
    walk.pass({
      place: 'iptables',
      where: chainWhere(node, 'nat', 'KUBE-NODEPORTS'),
      node: name,
      note: `no rule for port ${port}: no Service has nodePort ${port}, so the packet goes on, untranslated, to the node itself`,
    });
    if (listener) return nodeAnswers(ctx, node, listener);
    const at = walk.stop({
      place: 'node',
      where: onNode(node, 'its own TCP stack'),
      node: name,
      note: `nothing on ${name} listens on port ${port}: the kernel answers with a reset (RST)`,
    });
    const reply = replyFromNode(ctx, node, 'RST', "the node's kernel", { ip: walk.packet.dst.ip, port });
    return finish(ctx, refused('no-service-on-port', at, `no Service has nodePort ${port}, and nothing on ${name} listens on it`), reply);
  }
  ctx.service = target.service;
  ctx.servicePort = target.port;
  const sp = servicePortInfo(target.service, target.port);
  const eps = endpointChoices(cluster, sp);
  const nodePortDecision: Decision = { by: 'nodePort', service: sp.name, nodePort: port };
  if (eps.length === 0) {
    walk.pass({
      place: 'iptables',
      where: chainWhere(node, 'nat', 'KUBE-NODEPORTS'),
      node: name,
      decided: [nodePortDecision],
      note: `no rule for port ${port}: kube-proxy writes none while ${sp.name} has no endpoints`,
    });
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
  walk.pass({
    place: 'iptables',
    where: chainWhere(node, 'nat', 'KUBE-NODEPORTS'),
    node: name,
    rules: [nodePortRule(sp)],
    decided: [nodePortDecision],
    note: `nodePort ${port} is ${sp.name}'s: to its external chain`,
  });
  return externalChain(ctx, node, sp, eps, inPodNetwork(cluster, walk.packet.src.ip), nodePortFilterRule(sp, 'no-local-endpoints'), 'INPUT');
}

/**
 * KUBE-EXT-: the external traffic policy at work, for a packet that came by the node port or the
 * load balancer's address. `dropRule` is the filter rule that drops it under Local when this node
 * has no endpoint; `filterChain` the built-in chain that jumps there (INPUT for the node's own
 * address, FORWARD for one it routes).
 */
function externalChain(
  ctx: Ctx,
  node: Node,
  sp: ServicePortInfo,
  eps: readonly EndpointChoice[],
  fromPod: boolean,
  dropRule: IptablesRule,
  filterChain: 'INPUT' | 'FORWARD',
): Traced {
  const { walk, cluster } = ctx;
  const name = node.metadata.name;
  const podCidr = formatCidr(cluster.config.podCidr);
  const policy = sp.service.spec.externalTrafficPolicy ?? 'Cluster';
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
    walk.pass({
      place: 'iptables',
      where: extWhere,
      node: name,
      rules: [ext.podTraffic],
      decided: [policyDecision],
      note: "a pod's connection skips the Local policy: every endpoint, no masquerade",
    });
    return balance(ctx, node, sp, sp.chains.svc, eps, false);
  }
  const masqueraded = ctx.podMasq
    ? `the source is ${ctx.podMasq.node.metadata.name}'s address ${walk.packet.src.ip} (flannel masqueraded the pod's packet), not a pod address, so the pod-traffic rule (-s ${podCidr}) does not match. `
    : '';
  if (mine.length === 0) {
    walk.pass({
      place: 'iptables',
      where: extWhere,
      node: name,
      decided: [policyDecision],
      note: `${masqueraded}Local, and no endpoint on ${name}: no rule here sends the packet on, so it stays untranslated`,
    });
    const at = walk.stop({
      place: 'iptables',
      where: chainWhere(node, 'filter', `${filterChain} -> KUBE-EXTERNAL-SERVICES`),
      node: name,
      rules: [filterJump(filterChain, 'KUBE-EXTERNAL-SERVICES'), dropRule],
      note: 'DROP: the packet is thrown away without an answer',
    });
    const where = [...new Set(eps.map((e) => e.node))].join(', ');
    return finish(
      ctx,
      timedOut(
        'no-local-endpoints',
        at,
        `${sp.name} has externalTrafficPolicy Local and no ready pod on ${name} (its pods run on ${where}): the node drops the connection, and the client waits`,
      ),
    );
  }
  walk.pass({
    place: 'iptables',
    where: extWhere,
    node: name,
    rules: [ext.policy],
    decided: [policyDecision],
    note: `${masqueraded}Local: only this node's own endpoints, and no masquerade: the pod will see the client's own address`,
  });
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
  const pick = pickEndpoint(ctx.cluster.rng, n);
  if (pick.state !== ctx.cluster.rng) ctx.cluster = { ...ctx.cluster, rng: pick.state };
  const i = pick.chosen;
  const ep = eps[i]!;
  const large = largeClusterMode(ctx.cluster);
  const tried = eps.slice(0, i + 1).map((e, j) => endpointRule(sp, chain, e, j, n, large));
  // The lecture's picture has a ClusterIP hop; in the rules it is this chain, shared with the cluster IP.
  const byClusterIP = walk.packet.dst.ip === sp.service.spec.clusterIP;
  const clusterIPService = `the ClusterIP service ${sp.service.spec.clusterIP}:${sp.port.port}`;
  const decided: Decision[] = [
    { by: 'selector', service: sp.name, selector: sp.service.spec.selector },
    { by: 'endpoint', endpoints: eps, chosen: i, local: chain === sp.chains.svl, draws: pick.draws },
  ];
  if (!byClusterIP && chain === sp.chains.svc) {
    decided.unshift({ by: 'address', text: `${clusterIPService}: the same chain a request to the cluster IP takes; the packet never carries that address` });
  }
  walk.pass({
    place: 'service',
    where: onNode(node, `Service ${sp.name} (${clusterIPService}), iptables nat ${chain}`),
    node: name,
    rules: tried,
    decided,
    note: n > 1 ? pickNote(pick.draws, i, n) : 'one endpoint: its rule always matches',
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
    if (!nodeWithAddress(ctx.cluster, ep.ip)) {
      walk.pass({
        place: 'iptables',
        where: chainWhere(node, 'filter', 'FORWARD -> KUBE-FORWARD'),
        node: name,
        rules: [filterJump('FORWARD', 'KUBE-FORWARD'), flannelRules(formatCidr(ctx.cluster.config.podCidr), node).forward, flannelForwardRule(ctx, node)],
        note: "a new connection, not marked: KUBE-FORWARD lets it through (it drops only INVALID packets), and flannel's FLANNEL-FWD accepts traffic to the pod network",
      });
    }
    const flannel = flannelRules(formatCidr(ctx.cluster.config.podCidr), node);
    walk.pass({
      place: 'iptables',
      where: chainWhere(node, 'nat', 'POSTROUTING -> KUBE-POSTROUTING'),
      node: name,
      rules: [NAT.postrouting, NAT.notMarked, flannel.postrouting, flannelReturn(ctx, node)],
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
  const text = network === 'pod network' ? `${dst} is in ${to.metadata.name}'s pod CIDR ${to.spec.podCIDR}` : `${dst} is ${to.metadata.name}'s address`;
  ctx.walk.pass({
    place: 'pod-network',
    where:
      network === 'pod network'
        ? `pod network: ${from.metadata.name} -> ${to.metadata.name} (VXLAN between ${internalIP(from)} and ${internalIP(to)})`
        : `node network: ${from.metadata.name} -> ${to.metadata.name}`,
    decided: [{ by: 'address', text }],
    note: network === 'pod network' ? 'the packet travels inside a VXLAN packet between the nodes, unchanged' : 'routed to the other node, unchanged',
  });
}

const bridgeAddress = (node: Node): string => node.spec.podCIDR.replace(/\.0\/\d+$/, '.1');

// ---- the end of the way: a pod (or the API server on a node) ----

/** A process on the node itself accepts: sshd, the kubelet or the API server. */
function nodeAnswers(ctx: Ctx, node: Node, listener: NodeProcess): Traced {
  const { walk } = ctx;
  const name = node.metadata.name;
  const port = walk.packet.dst.port ?? 0;
  const seen = walk.packet.src.ip;
  const speaks =
    listener.speaks === 'ssh'
      ? `it speaks SSH, not HTTP: it sends its banner (${listener.banner}) first`
      : 'it speaks HTTPS only: a plain http:// request gets a 400 answer, an https:// one its certificate';
  walk.pass({ place: 'node', where: onNode(node, `${listener.process} (listening on ${port})`), node: name, note: `${listener.process} accepts; ${speaks}` });
  ctx.seenFrom = seen;
  const response = listener.speaks === 'https' ? HTTP_TO_HTTPS : { status: 0, reason: '', headers: [], body: `${listener.banner}\r\n` };
  const outcome = answered({ kind: 'node', node, process: listener.process, listener }, response, seen);
  return finish(ctx, outcome, replyPath(ctx, 'SYN-ACK', { place: 'node', where: onNode(node, listener.process), node: name }));
}

type Via = 'service' | 'pod' | 'inside';

function arrive(ctx: Ctx, ip: string, port: number, via: Via): Traced {
  const { walk, cluster } = ctx;
  const seen = walk.packet.src.ip;
  const hostNode = nodeWithAddress(cluster, ip);
  if (hostNode) {
    const name = hostNode.metadata.name;
    const listener = nodeProcess(cluster, hostNode, port);
    if (listener) return nodeAnswers(ctx, hostNode, listener);
    const at = walk.stop({
      place: 'node',
      where: onNode(hostNode, 'its own TCP stack'),
      node: name,
      note: `nothing on ${name} listens on port ${port}: a reset (RST)`,
    });
    return finish(
      ctx,
      refused('nothing-listening', at, `nothing on ${name} listens on port ${port}`),
      replyPath(ctx, 'RST', { place: 'node', where: onNode(hostNode, 'its own TCP stack'), node: name }),
    );
  }
  const pod = podByIP(cluster, ip);
  if (!pod) {
    const at = walk.stop({ place: 'pod-network', where: 'pod network', note: `no pod has the address ${ip}` });
    return finish(ctx, timedOut('unknown-address', at, `no pod has the address ${ip}`));
  }
  const answer = whatAnswers(cluster, ip, port);
  const where =
    via === 'inside'
      ? `pod/${pod.metadata.name} ${LOOPBACK.test(walk.packet.dst.ip) ? 'lo (127.0.0.1)' : `eth0 (${pod.status.podIP})`}, inside the pod`
      : podWhere(pod);
  const listening = pod.spec.containers.flatMap((c) => (knownImage(c.image)?.listens ?? []).filter((l) => l.protocol === 'TCP').map((l) => l.port));
  const container =
    pod.spec.containers.find((c) => knownImage(c.image)?.listens.some((l) => l.port === port && l.protocol === 'TCP')) ?? pod.spec.containers[0];
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
  walk.pass({
    ...podHop,
    note: via === 'inside' ? 'the connection never leaves the pod' : `delivered through ${pod.spec.nodeName}'s cni0 bridge into the pod's network namespace`,
  });
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
  return finish(
    ctx,
    outcome,
    replyPath(ctx, 'SYN-ACK', { place: 'container', where: `container ${container.name} in pod/${pod.metadata.name}`, node: pod.spec.nodeName }),
  );
}
