// One network model for the laptop, the pods and the cloud: the laptop reaches the nodes only by
// their EXTERNAL-IPs (through the cloud firewall) and a LoadBalancer by the address the cloud
// reports; pods reach everything, and the CNI plugin (flannel) masquerades what they send out
// of the pod network. Sources: kubernetes pkg/proxy/iptables/proxier.go (the "loadbalancer IP"
// rules and the KUBE-EXTERNAL-SERVICES filter rules), flannel-io/flannel
// pkg/trafficmngr/iptables/iptables.go (masqRules, forwardRules).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOAD_BALANCER_PROVISION_MS } from '../../../src/core/cluster/index.js';
import { hash16, iptablesSave, trace, type Hop, type Trace } from '../../../src/core/trace/index.js';
import { lab } from './helpers.js';

const ruleTexts = (hops: readonly Hop[]): string[] => hops.flatMap((h) => h.rules.map((r) => r.text));
const stoppedAt = (t: Trace): Hop => t.hops[(t.outcome as { hop: number }).hop]!;

/** web on worker-1 (seed 42), client on worker-2 after it, a NodePort and a LoadBalancer for web. */
function cloud() {
  const l = lab(42);
  l.run('kubectl run web --image nginx');
  l.run('kubectl run client --image nginx');
  l.run('sleep 10');
  l.run('kubectl expose pod web --type=NodePort --port=80 --name=web');
  l.run('kubectl expose pod web --type=LoadBalancer --port=80 --name=front');
  assert.equal(l.pod('web').spec.nodeName, 'worker-1');
  assert.equal(l.pod('client').spec.nodeName, 'worker-2');
  return l;
}

describe('from the laptop: EXTERNAL-IPs only', () => {
  const l = cloud();
  const port = l.nodePort('web');

  it('every INTERNAL-IP, pod IP and cluster IP times out at the laptop, and the trace says why', () => {
    const cases: [string, RegExp][] = [
      [
        '192.168.49.2',
        /^192\.168\.49\.2 is the INTERNAL-IP of control-plane, an address on the cluster's private network: your laptop has no route to it \(from outside, use its EXTERNAL-IP 203\.0\.113\.10\)$/,
      ],
      ['192.168.49.3', /INTERNAL-IP of worker-1.*EXTERNAL-IP 203\.0\.113\.11/],
      [l.pod('web').status.podIP ?? '', /is a pod address: it exists only inside the cluster's pod network/],
      [l.service('web').spec.clusterIP, /is a cluster IP: it exists only in the nodes' iptables rules/],
    ];
    for (const [ip, why] of cases) {
      const t = trace(l.cluster(), { from: 'outside', ip, port }).trace;
      assert.ok(t.outcome.kind === 'timeout' && t.outcome.reason === 'not-routable', ip);
      assert.match(t.outcome.why, why);
      assert.equal(t.hops.length, 1, 'it never leaves the laptop');
    }
    for (const ip of ['203.0.113.10', '203.0.113.11', '203.0.113.12'])
      assert.equal(trace(l.cluster(), { from: 'outside', ip, port }).trace.outcome.kind, 'answered', ip);
  });
});

describe('a LoadBalancer: <pending>, then the address the cloud reports', () => {
  const l = cloud();
  const h = hash16('default/fronttcp');

  it('has no address and no load balancer to trace at first', () => {
    const fresh = lab(42);
    fresh.run('kubectl run web --image nginx');
    fresh.run('sleep 10');
    fresh.run('kubectl expose pod web --type=LoadBalancer --port=80 --name=front');
    assert.match(fresh.run('kubectl get svc front').stdout, /front +LoadBalancer +\S+ +<pending> +80:/);
    const none = trace(fresh.cluster(), { from: 'load-balancer', service: 'front' });
    assert.ok(!none.ok && /EXTERNAL-IP is <pending>/.test(none.error));
    assert.ok(!iptablesSave(fresh.cluster(), fresh.cluster().nodes[1]!).includes('loadbalancer IP'));
  });

  it('a few seconds later: get svc, trace lb/NAME and the laptop all use the same address', () => {
    l.run(`sleep ${LOAD_BALANCER_PROVISION_MS / 1000}`);
    assert.match(l.run('kubectl get svc front').stdout, /front +LoadBalancer +\S+ +203\.0\.113\.100 +80:/);
    const byName = trace(l.cluster(), { from: 'load-balancer', service: 'front' });
    assert.ok(byName.ok);
    assert.deepEqual(byName.trace.hops[0]!.in.dst, { ip: '203.0.113.100', port: 80 });
    const byAddress = trace(l.cluster(), { from: 'outside', ip: '203.0.113.100', port: 80 }).trace;
    assert.equal(byAddress.outcome.kind, 'answered');
    assert.equal(byAddress.hops[1]!.place, 'load-balancer');
    assert.equal(byAddress.hops[1]!.out!.dst.port, l.nodePort('front'), 'the load balancer sends to a node port');
    assert.deepEqual(byAddress.reply.at(-1)!.in.src, { ip: '203.0.113.100', port: 80 });
    // Nothing listens on the load balancer's other ports.
    const other = trace(l.cluster(), { from: 'outside', ip: '203.0.113.100', port: 8080 }).trace;
    assert.ok(other.outcome.kind === 'timeout' && other.outcome.reason === 'no-listener');
  });

  it('kube-proxy writes the "loadbalancer IP" rule in KUBE-SERVICES on every node, as proxier.go does', () => {
    const lbRule = `-A KUBE-SERVICES -d 203.0.113.100/32 -p tcp -m comment --comment "default/front loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-${h}`;
    for (const node of l.cluster().nodes) {
      const lines = iptablesSave(l.cluster(), node, ['nat']).split('\n');
      const at = lines.indexOf(lbRule);
      assert.ok(at > 0, node.metadata.name);
      // After the service's cluster IP rule, before the node ports' tail call.
      assert.ok(lines.findIndex((x) => x.includes('"default/front cluster IP" -m tcp --dport 80 -j KUBE-SVC-')) < at);
      assert.ok(lines.findIndex((x) => x.includes('kubernetes service nodeports; NOTE')) > at);
    }
  });

  it("from a pod, the address is caught by that rule on the pod's own node: the packet never goes to the cloud", () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip: '203.0.113.100', port: 80 });
    assert.ok(result.ok);
    const t = result.trace;
    assert.equal(t.outcome.kind, 'answered');
    assert.ok(!t.hops.some((hop) => hop.place === 'load-balancer'));
    assert.equal(t.hops[1]!.node, 'worker-2');
    assert.ok(
      ruleTexts([t.hops[1]!]).includes(
        `-A KUBE-SERVICES -d 203.0.113.100/32 -p tcp -m comment --comment "default/front loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-${h}`,
      ),
    );
    for (const hop of t.hops)
      for (const rule of hop.rules)
        assert.ok(
          iptablesSave(
            l.cluster(),
            l.cluster().nodes.find((n) => n.metadata.name === (hop.node ?? 'worker-2'))!,
          ).includes(`\n${rule.text}\n`),
          rule.text,
        );
  });

  it('with no endpoints, the address is rejected in filter KUBE-EXTERNAL-SERVICES', () => {
    l.run('kubectl create service loadbalancer empty --tcp=80:80');
    l.run('sleep 5');
    const ip = l.run('kubectl get svc empty').stdout.match(/203\.0\.113\.\d+/)![0];
    const reject = `-A KUBE-EXTERNAL-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/empty:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`;
    assert.ok(iptablesSave(l.cluster(), l.cluster().nodes[1]!, ['filter']).includes(`\n${reject}\n`));
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip, port: 80 });
    assert.ok(result.ok && result.trace.outcome.kind === 'refused' && result.trace.outcome.reason === 'no-endpoints');
    assert.equal(stoppedAt(result.trace).rules.at(-1)!.text, reject);
  });
});

describe("a pod's traffic to another node: flannel's masquerade", () => {
  const l = cloud();

  it("leaves with its node's own address, so the other node sees that node, not the pod", () => {
    // client (worker-2) to sshd on worker-1: no kube-proxy rule, then FLANNEL-POSTRTG.
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip: '192.168.49.3', port: 22 });
    assert.ok(result.ok);
    const t = result.trace;
    const snat = t.hops.find((hop) => hop.nat === 'SNAT')!;
    assert.equal(snat.node, 'worker-2');
    assert.match(snat.where, /POSTROUTING -> FLANNEL-POSTRTG$/);
    assert.deepEqual(
      snat.rules.slice(-2).map((r) => r.text),
      [
        '-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG',
        '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
      ],
    );
    assert.equal(snat.out!.src.ip, '192.168.49.4');
    assert.equal(t.seenFrom, '192.168.49.4');
    assert.equal(t.outcome.kind, 'answered');
    // On the way back, conntrack on worker-2 undoes it: the answer reaches the pod.
    const undo = t.reply.find((hop) => hop.place === 'conntrack' && hop.node === 'worker-2')!;
    assert.equal(undo.out!.dst.ip, l.pod('client').status.podIP);
    assert.equal(t.reply.at(-1)!.in.dst.ip, l.pod('client').status.podIP);
    // Every rule it shows is on that node.
    for (const hop of t.hops)
      for (const rule of hop.rules)
        assert.ok(
          iptablesSave(
            l.cluster(),
            l.cluster().nodes.find((n) => n.metadata.name === hop.node)!,
          ).includes(`\n${rule.text}\n`),
          rule.text,
        );
  });

  it('to a pod on another node, no masquerade: the overlay keeps pod addresses', () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'client', ip: l.pod('web').status.podIP ?? '', port: 80 });
    assert.ok(result.ok);
    assert.ok(!result.trace.hops.some((hop) => hop.nat === 'SNAT'));
    assert.equal(result.trace.seenFrom, l.pod('client').status.podIP);
  });
});

describe('externalTrafficPolicy Local', () => {
  const LOCAL =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: local\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n  selector:\n    run: web\n  ports:\n    - port: 80\n      nodePort: 30080\n';
  const l = lab(42, { 'local.yml': LOCAL });
  l.run('kubectl run web --image nginx');
  l.run('kubectl run client --image nginx');
  l.run('kubectl run near --image nginx');
  l.run('sleep 10');
  l.run('kubectl apply -f local.yml');
  assert.equal(l.pod('web').spec.nodeName, 'worker-1');
  assert.equal(l.pod('near').spec.nodeName, 'worker-1');

  it("a pod on worker-1 to worker-2's node port, the only endpoint on worker-1: masqueraded, then dropped: it times out", () => {
    const result = trace(l.cluster(), { from: 'pod', pod: 'near', ip: '192.168.49.4', port: 30080 });
    assert.ok(result.ok);
    const t = result.trace;
    assert.ok(t.outcome.kind === 'timeout' && t.outcome.reason === 'no-local-endpoints');
    const drop = stoppedAt(t);
    assert.equal(drop.node, 'worker-2');
    assert.equal(
      drop.rules.at(-1)!.text,
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/local has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP',
    );
    // The pod-traffic rule (-s 10.244.0.0/16) cannot match: the source is worker-1's address by now.
    const ext = t.hops.find((hop) => hop.where.includes('KUBE-EXT-'))!;
    assert.equal(ext.in.src.ip, '192.168.49.3');
    assert.match(ext.note ?? '', /flannel masqueraded the pod's packet/);
    // To its own node's node port, the pod-traffic rule does match, and the pod answers.
    const own = trace(l.cluster(), { from: 'pod', pod: 'near', ip: '192.168.49.3', port: 30080 });
    assert.ok(own.ok && own.trace.outcome.kind === 'answered');
  });

  it('packets from outside still pass filter FORWARD: KUBE-FORWARD drops only INVALID ones, flannel accepts the pod network', () => {
    const t = trace(l.cluster(), { from: 'outside', ip: '203.0.113.11', port: 30080 }).trace;
    assert.equal(t.outcome.kind, 'answered');
    assert.equal(t.seenFrom, '198.51.100.7', 'no masquerade under Local');
    const forward = t.hops.find((hop) => hop.where.endsWith('filter FORWARD -> KUBE-FORWARD'))!;
    assert.ok(forward, 'a FORWARD hop');
    assert.deepEqual(
      forward.rules.map((r) => r.text),
      [
        '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
        '-A FORWARD -m comment --comment "flanneld forward" -j FLANNEL-FWD',
        '-A FLANNEL-FWD -d 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT',
      ],
    );
    const save = iptablesSave(l.cluster(), l.cluster().nodes[1]!, ['filter']);
    for (const rule of forward.rules) assert.ok(save.includes(`\n${rule.text}\n`), rule.text);
    assert.ok(t.hops.indexOf(forward) > t.hops.findIndex((hop) => hop.nat === 'DNAT'), 'after the DNAT, on the way to the pod');
  });
});

describe("the lecture's ClusterIP hop, in the rules", () => {
  const l = cloud();

  it('on a node-port trace, the hop where the chain picks the endpoint names the ClusterIP service and its port', () => {
    const svc = l.service('web');
    const t = trace(l.cluster(), { from: 'outside', ip: '203.0.113.12', port: l.nodePort('web') }).trace;
    const hop = t.hops.find((h) => h.place === 'service')!;
    const text = `the ClusterIP service ${svc.spec.clusterIP}:80: the same chain a request to the cluster IP takes; the packet never carries that address`;
    assert.ok(hop.where.includes(`the ClusterIP service ${svc.spec.clusterIP}:80`));
    assert.ok(hop.decided.some((d) => d.by === 'address' && d.text === text));
    assert.ok(t.hops.every((h) => h.in.dst.ip !== svc.spec.clusterIP && h.out?.dst.ip !== svc.spec.clusterIP));
    // A request to the cluster IP itself takes the same chain, without the remark.
    const inside = trace(l.cluster(), { from: 'pod', pod: 'client', ip: svc.spec.clusterIP, port: 80 });
    assert.ok(inside.ok);
    const same = inside.trace.hops.find((h) => h.place === 'service')!;
    assert.equal(same.rules.at(-1)!.text, hop.rules.at(-1)!.text);
    assert.ok(!same.decided.some((d) => d.by === 'address'));
  });
});
