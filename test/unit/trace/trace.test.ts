import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeFirewall, openFirewall } from '../../../src/core/cluster/index.js';
import { CLIENT_IP, hash16, trace, type Hop, type Trace } from '../../../src/core/trace/index.js';
import { lab, lecture } from './helpers.js';

const places = (hops: readonly Hop[]): string[] => hops.map((h) => h.place);
const ruleTexts = (hops: readonly Hop[]): string[] => hops.flatMap((h) => h.rules.map((r) => r.text));
const failingHop = (t: Trace): Hop => {
  assert.notEqual(t.outcome.kind, 'answered');
  const o = t.outcome as { hop: number };
  return t.hops[o.hop]!;
};

describe("trace: the lecture's services from outside", () => {
  const l = lecture();
  const port = l.nodePort('my-first-service');
  const podIP = l.pod('my-first-pod').status.podIP;
  const podNode = l.pod('my-first-pod').spec.nodeName;
  const h = hash16('default/my-first-servicetcp');

  it('my-first-service through a node without the pod: DNAT, masquerade, the pod network, and back', () => {
    const { withoutPod } = l.externalIPs('my-first-pod');
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: withoutPod, port });
    assert.deepEqual(places(t.hops), [
      'client',
      'firewall',
      'node-nic',
      'iptables',
      'iptables',
      'iptables',
      'service',
      'iptables',
      'iptables',
      'iptables',
      'pod-network',
      'pod',
      'container',
    ]);
    const entry = t.hops[2]!.node!;
    assert.notEqual(entry, podNode);
    // The packet as it arrives and leaves: the cloud's public IP, then DNAT, then SNAT.
    assert.equal(t.hops[0]!.in.src.ip, CLIENT_IP);
    assert.equal(t.hops[1]!.in.dst.ip, withoutPod);
    assert.match(t.hops[1]!.out!.dst.ip, /^192\.168\.49\.\d$/);
    const sep = t.hops[7]!;
    assert.equal(sep.nat, 'DNAT');
    assert.deepEqual(sep.out!.dst, { ip: podIP, port: 80 });
    const snat = t.hops[9]!;
    assert.equal(snat.nat, 'SNAT');
    assert.match(snat.out!.src.ip, /^10\.244\.\d\.0$/, "across nodes, the entry node's overlay address");
    // What decided it and the rules that matched, with the real chain names.
    assert.deepEqual(t.hops[4]!.decided, [{ by: 'nodePort', service: 'default/my-first-service', nodePort: port }]);
    assert.deepEqual(
      t.hops[4]!.rules.map((r) => r.text),
      [`-A KUBE-NODEPORTS -p tcp -m comment --comment "default/my-first-service" -m tcp --dport ${port} -j KUBE-EXT-${h}`],
    );
    assert.ok(ruleTexts(t.hops).includes(`-A KUBE-EXT-${h} -j KUBE-SVC-${h}`));
    assert.ok(ruleTexts(t.hops).some((r) => r.startsWith(`-A KUBE-SVC-${h} -m comment --comment "default/my-first-service -> ${podIP}:80" -j KUBE-SEP-`)));
    assert.ok(t.hops[7]!.decided.some((d) => d.by === 'targetPort' && d.resolved === 80));
    assert.ok(t.hops[6]!.decided.some((d) => d.by === 'selector' && d.selector?.run === 'my-first-pod'));
    assert.ok(t.hops[12]!.decided.some((d) => d.by === 'containerPort' && d.listening.includes(80) && d.declared.length === 0));
    // The answer, and the way back through conntrack and the public IP.
    assert.equal(t.outcome.kind, 'answered');
    if (t.outcome.kind === 'answered') {
      assert.equal(t.outcome.response.status, 200);
      assert.match(t.outcome.response.body, /Welcome to Stack Simplify/);
    }
    assert.equal(t.seenFrom, snat.out!.src.ip);
    assert.deepEqual(places(t.reply), ['container', 'pod-network', 'conntrack', 'firewall', 'client']);
    const back = t.reply[t.reply.length - 1]!.in;
    assert.deepEqual(back.src, { ip: withoutPod, port });
    assert.deepEqual(back.dst, t.hops[0]!.in.src);
  });

  it('through the node with the pod: no pod network, and the bridge address as the source', () => {
    const { withPod } = l.externalIPs('my-first-pod');
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: withPod, port });
    assert.ok(!places(t.hops).includes('pod-network'));
    assert.match(t.seenFrom ?? '', /^10\.244\.\d\.1$/);
    assert.deepEqual(places(t.reply), ['container', 'conntrack', 'firewall', 'client']);
  });

  it("not on a node's INTERNAL-IP: the laptop has no route to the cluster's private network (the course's own quiz says so)", () => {
    const node = l.cluster().nodes[1]!;
    const internal = node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
    const external = node.status.addresses.find((a) => a.type === 'ExternalIP')!.address;
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: internal, port });
    assert.ok(t.outcome.kind === 'timeout' && t.outcome.reason === 'not-routable');
    assert.equal(t.outcome.hop, 0);
    assert.ok(
      t.outcome.why.includes(`${internal} is the INTERNAL-IP of ${node.metadata.name}`) && t.outcome.why.includes(`use its EXTERNAL-IP ${external}`),
      t.outcome.why,
    );
    assert.deepEqual(t.reply, []);
  });

  it('myapp-pod-nodeport-service: the named port is part of the chain hash and the comments', () => {
    const hn = hash16('default/myapp-pod-nodeport-service:httptcp');
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: '203.0.113.12', port: 31231 });
    assert.equal(t.outcome.kind, 'answered');
    assert.ok(
      ruleTexts(t.hops).includes(
        `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/myapp-pod-nodeport-service:http" -m tcp --dport 31231 -j KUBE-EXT-${hn}`,
      ),
    );
    assert.equal(t.endpoint?.ip, l.pod('myapp-pod').status.podIP);
    assert.ok(t.hops.at(-1)!.decided.some((d) => d.by === 'containerPort' && d.declared.includes(80)));
  });

  it('sends nothing: tracing the same thing twice gives the same path, and a single endpoint draws nothing', () => {
    const before = l.cluster();
    const a = trace(before, { from: 'outside', ip: '203.0.113.11', port });
    const b = trace(before, { from: 'outside', ip: '203.0.113.11', port });
    assert.deepEqual(a.trace, b.trace);
    assert.equal(a.cluster.rng, before.rng);
  });
});

describe('trace: where each fault stops the connection', () => {
  const l = lab();
  l.run('kubectl run web --image stacksimplify/kubenginx:1.0.0');
  l.run('sleep 10');
  l.run('kubectl expose pod web --type=NodePort --port=80 --name=web');
  l.run('kubectl expose pod web --type=NodePort --port=81 --name=web81');
  l.run('kubectl create service nodeport lonely --tcp=80:80');
  const web = l.nodePort('web');

  it('no endpoints: kube-proxy writes no nat rule, and filter KUBE-EXTERNAL-SERVICES rejects at once', () => {
    const port = l.nodePort('lonely');
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: '203.0.113.11', port });
    assert.equal(t.outcome.kind, 'refused');
    assert.equal(t.outcome.kind === 'refused' && t.outcome.reason, 'no-endpoints');
    const hop = failingHop(t);
    assert.equal(hop.where, 'worker-1: iptables filter INPUT -> KUBE-EXTERNAL-SERVICES');
    assert.equal(
      hop.rules.at(-1)!.text,
      `-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/lonely:80-80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport ${port} -j REJECT --reject-with icmp-port-unreachable`,
    );
    assert.equal(t.hops[t.hops.length - 2]!.rules.length, 0, 'KUBE-NODEPORTS has no rule for it');
    assert.equal(t.reply[0]!.in.kind, 'ICMP port unreachable');
    assert.equal(t.reply.at(-1)!.in.src.ip, '203.0.113.11');
  });

  it('a targetPort where nothing listens: DNAT works, the pod answers with a reset', () => {
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: '203.0.113.11', port: l.nodePort('web81') });
    assert.equal(t.outcome.kind === 'refused' && t.outcome.reason, 'nothing-listening');
    const hop = failingHop(t);
    assert.equal(hop.place, 'pod');
    assert.deepEqual(hop.in.dst, { ip: l.pod('web').status.podIP, port: 81 });
    assert.match(t.outcome.kind === 'refused' ? t.outcome.why : '', /listens on port 81 \(it listens on 80\).*targetPort \(81\)/);
    assert.equal(t.reply[0]!.in.kind, 'RST');
    assert.deepEqual(t.reply.at(-1)!.in.src, { ip: '203.0.113.11', port: l.nodePort('web81') }, 'conntrack undoes the NAT on the reset too');
  });

  it('a port no service uses: no node-port rule, and the node itself refuses', () => {
    const unused = [30000, 30001].find((p) => p !== web)!;
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: '203.0.113.12', port: unused });
    assert.equal(t.outcome.kind === 'refused' && t.outcome.reason, 'no-service-on-port');
    assert.equal(failingHop(t).where, 'worker-2: its own TCP stack');
    assert.equal(t.service, undefined);
  });

  it('a closed firewall: dropped before the node, the client times out; opening the port lets it through', () => {
    const closed = closeFirewall(l.cluster(), 'all');
    const { trace: t } = trace(closed, { from: 'outside', ip: '203.0.113.11', port: web });
    assert.equal(t.outcome.kind === 'timeout' && t.outcome.reason, 'firewall');
    assert.equal(failingHop(t).place, 'firewall');
    assert.deepEqual(failingHop(t).decided, [{ by: 'firewall', port: web, allowed: false }], 'a dropped packet is never handed on to the private IP');
    assert.equal(failingHop(t).nat, undefined);
    assert.deepEqual(t.reply, []);
    const opened = openFirewall(closed, { from: web, to: web });
    assert.equal(trace(opened, { from: 'outside', ip: '203.0.113.11', port: web }).trace.outcome.kind, 'answered');
    const other = closeFirewall(l.cluster(), { from: web, to: web });
    assert.equal(trace(other, { from: 'outside', ip: '203.0.113.11', port: web }).trace.outcome.kind, 'timeout');
  });

  it('addresses that are not nodes: pod and cluster IPs are not routable, others unknown, loopback is the laptop', () => {
    const outcome = (ip: string, port = 80) => trace(l.cluster(), { from: 'outside', ip, port }).trace.outcome;
    assert.deepEqual(
      [outcome(l.pod('web').status.podIP ?? '').kind, (outcome(l.pod('web').status.podIP ?? '') as { reason: string }).reason],
      ['timeout', 'not-routable'],
    );
    assert.equal((outcome(l.service('web').spec.clusterIP) as { reason: string }).reason, 'not-routable');
    assert.equal((outcome('8.8.8.8') as { reason: string }).reason, 'unknown-address');
    assert.equal((outcome('127.0.0.1', 8080) as { reason: string }).reason, 'local-nothing-listening');
  });
});

const LOCAL_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: local-policy
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    run: web
  ports:
    - port: 80
`;

describe('trace: externalTrafficPolicy Local and Cluster', () => {
  const l = lab(42, { 'local.yml': LOCAL_SERVICE });
  l.run('kubectl run web --image stacksimplify/kubenginx:1.0.0');
  l.run('sleep 10');
  l.run('kubectl expose pod web --type=NodePort --port=80 --name=cluster-policy');
  l.run('kubectl apply -f local.yml');
  const { withPod, withoutPod } = l.externalIPs('web');
  const hl = hash16('default/local-policytcp');

  it('the API accepts the field', () => {
    assert.equal(l.service('local-policy').spec.externalTrafficPolicy, 'Local');
  });

  it("Local on the pod's node: KUBE-SVL, no masquerade, the pod sees the client's own address", () => {
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: withPod, port: l.nodePort('local-policy') });
    assert.equal(t.outcome.kind, 'answered');
    assert.equal(t.seenFrom, CLIENT_IP);
    assert.ok(ruleTexts(t.hops).includes(`-A KUBE-EXT-${hl} -j KUBE-SVL-${hl}`));
    assert.ok(ruleTexts(t.hops).includes('-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN'));
    assert.ok(!t.hops.some((hop) => hop.nat === 'SNAT'));
    assert.deepEqual(places(t.reply), ['container', 'conntrack', 'firewall', 'client']);
  });

  it('Local on a node without the pod: dropped, and the client times out', () => {
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: withoutPod, port: l.nodePort('local-policy') });
    assert.equal(t.outcome.kind === 'timeout' && t.outcome.reason, 'no-local-endpoints');
    const hop = failingHop(t);
    assert.match(hop.where, /iptables filter INPUT -> KUBE-EXTERNAL-SERVICES$/);
    assert.equal(
      hop.rules.at(-1)!.text,
      `-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/local-policy has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport ${l.nodePort('local-policy')} -j DROP`,
    );
    assert.deepEqual(t.reply, []);
  });

  it('Cluster on the same node without the pod: forwarded and masqueraded', () => {
    const { trace: t } = trace(l.cluster(), { from: 'outside', ip: withoutPod, port: l.nodePort('cluster-policy') });
    assert.equal(t.outcome.kind, 'answered');
    assert.match(t.seenFrom ?? '', /^10\.244\.\d\.0$/);
    assert.ok(places(t.hops).includes('pod-network'));
  });
});

describe('trace: from a pod, and through a load balancer', () => {
  const l = lab();
  l.run('kubectl run web --image stacksimplify/kubenginx:1.0.0');
  l.run('kubectl run client --image nginx');
  l.run('sleep 10');
  l.run('kubectl expose pod web --port=80 --name=inside');
  l.run('kubectl create service clusterip empty --tcp=80:80');
  l.run('kubectl expose pod web --type=LoadBalancer --port=80 --name=lb');
  l.run('sleep 5');
  const clusterIP = l.service('inside').spec.clusterIP;
  const hi = hash16('default/insidetcp');

  it("to a ClusterIP and port: no node port, DNAT on the client pod's own node, no masquerade", () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip: clusterIP, port: 80 });
    assert.ok(result.ok);
    const t = result.trace;
    assert.equal(t.outcome.kind, 'answered');
    assert.equal(t.hops[0]!.node, l.pod('client').spec.nodeName);
    assert.ok(
      ruleTexts(t.hops).includes(
        `-A KUBE-SERVICES -d ${clusterIP}/32 -p tcp -m comment --comment "default/inside cluster IP" -m tcp --dport 80 -j KUBE-SVC-${hi}`,
      ),
    );
    assert.ok(!ruleTexts(t.hops).some((r) => r.includes('KUBE-NODEPORTS')));
    assert.ok(t.hops[1]!.decided.some((d) => d.by === 'port' && d.port === 80 && d.clusterIP === clusterIP));
    assert.equal(t.seenFrom, l.pod('client').status.podIP);
    const conntrack = t.reply.find((hop) => hop.place === 'conntrack')!;
    assert.deepEqual(conntrack.out!.src, { ip: clusterIP, port: 80 });
  });

  it('to a ClusterIP on a port the service does not have: nothing matches, nothing answers', () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip: clusterIP, port: 8080 });
    assert.ok(result.ok && result.trace.outcome.kind === 'timeout' && result.trace.outcome.reason === 'no-service-port');
  });

  it('to a ClusterIP with no endpoints: REJECT in filter KUBE-SERVICES', () => {
    const ip = l.service('empty').spec.clusterIP;
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip, port: 80 });
    assert.ok(result.ok);
    const hop = failingHop(result.trace);
    assert.match(hop.where, /filter FORWARD -> KUBE-SERVICES$/);
    assert.equal(
      hop.rules.at(-1)!.text,
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/empty:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
    );
  });

  it('to the kubernetes service: the API server on the control-plane node, HTTPS only', () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip: '10.96.0.1', port: 443 });
    assert.ok(result.ok && result.trace.outcome.kind === 'answered');
    assert.equal(result.trace.outcome.kind === 'answered' && result.trace.outcome.server.kind, 'node');
    assert.deepEqual(result.trace.endpoint, { ip: '192.168.49.2', port: 6443 });
  });

  it('to itself through its own service: hairpin, marked and masqueraded', () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'web', ip: clusterIP, port: 80 });
    assert.ok(result.ok);
    assert.match(result.trace.seenFrom ?? '', /^10\.244\.\d\.1$/);
    assert.ok(
      ruleTexts(result.trace.hops).some((r) => /^-A KUBE-SEP-\w+ -s 10\.244\.\d\.\d+\/32 -m comment --comment "default\/inside" -j KUBE-MARK-MASQ$/.test(r)),
    );
  });

  it('refuses a pod that does not exist or a service that has no load balancer', () => {
    assert.deepEqual(trace(l.cluster(), { from: 'pod', pod: 'nope', ip: clusterIP, port: 80 }), { ok: false, error: 'pod "nope" not found' });
    const notLb = trace(l.cluster(), { from: 'load-balancer', service: 'inside' });
    assert.ok(!notLb.ok && /of type ClusterIP/.test(notLb.error));
  });

  it('through a LoadBalancer: the load balancer picks a worker (never the control plane) and sends to its node port', () => {
    const result = trace(l.cluster(), { from: 'load-balancer', service: 'lb' });
    assert.ok(result.ok);
    const t = result.trace;
    assert.deepEqual(places(t.hops).slice(0, 4), ['client', 'load-balancer', 'node-nic', 'iptables']);
    const lbHop = t.hops[1]!;
    assert.deepEqual(lbHop.in.dst, { ip: '203.0.113.100', port: 80 });
    assert.equal(lbHop.out!.dst.port, l.nodePort('lb'));
    const decision = lbHop.decided.find((d) => d.by === 'load-balancer');
    assert.ok(decision && decision.by === 'load-balancer' && !decision.nodes.includes('control-plane'));
    assert.equal(t.outcome.kind, 'answered');
    assert.deepEqual(t.reply.at(-1)!.in.src, { ip: '203.0.113.100', port: 80 });
  });
});

describe('trace: several endpoints', () => {
  const l = lab(7);
  for (const name of ['a', 'b', 'c']) l.run(`kubectl run ${name} --image nginx --labels app=web`);
  l.run('sleep 10');
  l.run('kubectl create service nodeport web --tcp=80:80');

  it('orders the endpoints as kube-proxy does and draws one from the seeded generator', () => {
    const before = l.cluster();
    const result = trace(before, { from: 'outside', ip: '203.0.113.11', port: l.nodePort('web') });
    assert.notEqual(result.cluster.rng, before.rng, 'the pick advances the generator');
    const svc = result.trace.hops.find((hop) => hop.place === 'service')!;
    const decision = svc.decided.find((d) => d.by === 'endpoint');
    assert.ok(decision && decision.by === 'endpoint');
    assert.equal(decision.endpoints.length, 3);
    const keys = decision.endpoints.map((e) => `${e.ip}:${e.port}`);
    assert.deepEqual(keys, [...keys].sort());
    const rule = svc.rules.at(-1)!.text;
    const expected = ['0.33333333349', '0.50000000000', undefined][decision.chosen];
    if (expected) assert.match(rule, new RegExp(`-m statistic --mode random --probability ${expected.replace('.', '\\.')} -j KUBE-SEP-`));
    else assert.doesNotMatch(rule, /statistic/);
    assert.equal(result.trace.endpoint?.ip, decision.endpoints[decision.chosen]!.ip);
  });
});
