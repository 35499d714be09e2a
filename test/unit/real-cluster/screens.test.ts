import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { agreed, consentDecision, consentLines } from '../../../src/core/real-cluster/consent.js';
import { foldLine } from '../../../src/text/hard-wrap.js';
import { proxyModeOf, traceLabel } from '../../../src/core/real-cluster/proxy-mode.js';
import { kindConfig, mappedPorts } from '../../../src/core/real-cluster/kind-config.js';
import { formatRulesDiff, rulesDiff } from '../../../src/core/real-cluster/rules-diff.js';
import { parseOptions } from '../../../src/commands/options.js';

describe('consent before a real cluster is touched', () => {
  const base = { interactive: false, yes: false, yesReally: false, shared: false, context: 'kind-kind' };
  it('without a terminal, --yes gives it; with one, it is asked', () => {
    assert.equal(consentDecision(base).kind, 'refused');
    assert.equal(consentDecision({ ...base, yes: true }).kind, 'given');
    assert.equal(consentDecision({ ...base, interactive: true }).kind, 'ask');
  });
  it('a shared or cloud context needs --yes-really, asked or not', () => {
    const shared = { ...base, shared: true, context: 'prod' };
    const refused = consentDecision({ ...shared, yes: true });
    assert.equal(refused.kind, 'refused');
    assert.match((refused as { message: string }).message, /--yes-really/);
    assert.equal(consentDecision({ ...shared, interactive: true }).kind, 'refused');
    assert.equal(consentDecision({ ...shared, yes: true, yesReally: true }).kind, 'given');
    assert.equal(consentDecision({ ...shared, interactive: true, yesReally: true }).kind, 'ask');
  });
  it('the screen names the context, server, version, flavour, namespace and label', () => {
    const text = consentLines({
      context: 'kind-kind',
      server: 'https://127.0.0.1:41235',
      serverVersion: 'v1.32.2',
      kubectlVersion: 'v1.32.4',
      detected: { flavour: 'kind', shared: false, because: 'a node with a kind:// provider ID' },
      namespace: 'nodeport-lab-sandbox',
      notes: [],
    }).join('\n');
    for (const part of [
      'kind-kind',
      'https://127.0.0.1:41235',
      'v1.32.2',
      'kind, from a node with a kind:// provider ID',
      'nodeport-lab-sandbox',
      'app.kubernetes.io/managed-by=nodeport-lab',
      'nodeport-lab clean --cluster kind-kind',
    ])
      assert.ok(text.includes(part), part);
    assert.doesNotMatch(text, /shared/);
    const cloud = consentLines({
      context: 'gke_x',
      server: 'https://34.76.0.1',
      serverVersion: 'v1.32.2-gke.1',
      kubectlVersion: 'v1.32.4',
      detected: { flavour: 'remote', cloud: 'GKE', shared: true, because: 'GKE signs' },
      namespace: 'n',
      notes: ['a note'],
    }).join('\n');
    assert.match(cloud, /a remote cluster \(GKE\)/);
    assert.match(cloud, /looks like a shared or cloud cluster/);
    assert.match(cloud, /a note/);
  });
  it("folds to the terminal: no row wider than it, no word cut, the label's column kept", () => {
    const lines = consentLines({
      context: 'kind-kind',
      server: 'https://127.0.0.1:41235',
      serverVersion: 'v1.32.2',
      kubectlVersion: 'v1.32.4',
      detected: { flavour: 'kind', shared: false, because: 'a node with a kind:// provider ID, and a server on the loopback as kind writes it' },
      namespace: 'nodeport-lab-sandbox',
      notes: [],
    });
    for (const columns of [60, 80]) {
      const rows = lines.flatMap((l) => foldLine(l, columns));
      for (const row of rows) assert.ok(row.length <= columns, `${row.length} > ${columns}: ${row}`);
      assert.equal(rows.join(' ').replace(/\s+/g, ' '), lines.join(' ').replace(/\s+/g, ' '), 'the same words in the same order');
      const flavour = rows.findIndex((r) => r.startsWith('  flavour'));
      assert.match(rows[flavour + 1] ?? '', /^ {14}\S/, 'the flavour line goes on under its value');
    }
  });
  it('reads y and yes as agreement, anything else as no', () => {
    assert.equal(agreed('y'), true);
    assert.equal(agreed(' YES '), true);
    assert.equal(agreed(''), false);
    assert.equal(agreed('yep'), false);
  });
});

describe("kube-proxy's mode from its ConfigMap", () => {
  // kube-system/kube-proxy as kubeadm writes it (key config.conf, a KubeProxyConfiguration).
  const configMap = (mode: string) => ({
    data: { 'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\nclusterCIDR: 10.244.0.0/16\n` },
  });
  it('"" and iptables are iptables; ipvs and nftables are named; no ConfigMap is unknown', () => {
    assert.equal(proxyModeOf(configMap('""')), 'iptables');
    assert.equal(proxyModeOf(configMap('iptables')), 'iptables');
    assert.equal(proxyModeOf(configMap('ipvs')), 'ipvs');
    assert.equal(proxyModeOf(configMap('nftables')), 'nftables');
    assert.equal(proxyModeOf(null), 'unknown');
    assert.equal(proxyModeOf({ data: { 'config.conf': 'mode: [' } }), 'unknown');
  });
  it('labels a trace as the path the rules would give', () => {
    assert.match(traceLabel('iptables', 'kind-kind'), /^The path the rules would give, worked out from the real objects of context "kind-kind"/);
    assert.match(traceLabel('ipvs', 'x'), /rules on the nodes are ipvs's/);
  });
});

describe('the kind cluster nodeport-lab makes', () => {
  it('one control plane and two workers, the mapped node ports on 127.0.0.1, the range shrunk to them', () => {
    const config = parse(kindConfig()) as {
      kind: string;
      name: string;
      nodes: { role: string; extraPortMappings?: { containerPort: number; hostPort: number; listenAddress: string }[]; kubeadmConfigPatches?: string[] }[];
    };
    assert.equal(config.kind, 'Cluster');
    assert.equal(config.name, 'nodeport-lab');
    assert.deepEqual(
      config.nodes.map((n) => n.role),
      ['control-plane', 'worker', 'worker'],
    );
    const mapped = config.nodes[0]!.extraPortMappings!;
    assert.deepEqual(
      mapped.map((m) => m.hostPort),
      mappedPorts(),
    );
    assert.ok(mapped.every((m) => m.containerPort === m.hostPort && m.listenAddress === '127.0.0.1'));
    assert.ok(mappedPorts().includes(31231));
    assert.match(config.nodes[0]!.kubeadmConfigPatches![0]!, /service-node-port-range: "31200-31239"/);
  });
});

describe("a kind node's own rules beside the trace's", () => {
  // Recorded shape: `iptables-save -t nat` on a kind worker with kube-proxy 1.32 in iptables mode
  // (rule format as in kube-proxy's pkg/proxy/iptables/proxier_test.go), for a service with two pods.
  const ours = [
    '-A KUBE-NODEPORTS -p tcp -m comment --comment "nodeport-lab-sandbox/web" -m tcp --dport 31231 -j KUBE-EXT-AAAA',
    '-A KUBE-SVC-AAAA -m comment --comment "nodeport-lab-sandbox/web -> 10.244.1.2:80" -j KUBE-SEP-BBBB',
    '-A KUBE-SEP-BBBB -p tcp -m comment --comment "nodeport-lab-sandbox/web" -m tcp -j DNAT --to-destination 10.244.1.2:80',
  ].join('\n');
  const node = [
    '# Generated by iptables-save v1.8.9 (nf_tables)',
    '*nat',
    ':KUBE-NODEPORTS - [0:0]',
    '-A KUBE-NODEPORTS -p tcp -m comment --comment "kube-system/other" -m tcp --dport 30001 -j KUBE-EXT-CCCC',
    '-A KUBE-NODEPORTS  -p tcp -m comment --comment "nodeport-lab-sandbox/web" -m tcp --dport 31231 -j KUBE-EXT-AAAA',
    '-A KUBE-SVC-AAAA -m comment --comment "nodeport-lab-sandbox/web -> 10.244.1.2:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-BBBB',
    '-A KUBE-SVC-AAAA -m comment --comment "nodeport-lab-sandbox/web -> 10.244.2.7:80" -j KUBE-SEP-DDDD',
    '-A KUBE-SEP-BBBB -p tcp -m comment --comment "nodeport-lab-sandbox/web" -m tcp -j DNAT --to-destination 10.244.1.2:80',
    'COMMIT',
  ].join('\n');
  it('marks what both have, what only the trace has, and what only the node has; other namespaces stay out', () => {
    const diff = rulesDiff(ours, node, 'nodeport-lab-sandbox');
    assert.deepEqual(
      diff.map((d) => d.mark),
      ['both', 'ours', 'both', 'node', 'node'],
    );
    assert.ok(diff.every((d) => !d.rule.includes('kube-system')));
    const text = formatRulesDiff(diff, 'kind-worker');
    assert.match(text, /^kind-worker's own rules \(docker exec kind-worker iptables-save\) beside the trace's/);
    assert.match(text, /\n\+ -A KUBE-SVC-AAAA .*10\.244\.2\.7:80/);
    assert.match(text, /\n- -A KUBE-SVC-AAAA -m comment --comment "nodeport-lab-sandbox\/web -> 10\.244\.1\.2:80" -j KUBE-SEP-BBBB/);
  });
  it('says so when they match', () => {
    assert.match(formatRulesDiff(rulesDiff(ours, ours, 'nodeport-lab-sandbox'), 'kind-worker'), /match the trace's, rule for rule/);
    assert.match(formatRulesDiff([], 'kind-worker'), /No kube-proxy rule/);
  });
});

describe('--cluster on the command line', () => {
  const options = (...argv: string[]) => {
    const parsed = parseOptions(argv, {});
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    return parsed.options;
  };
  it('takes a context, or none for the current one', () => {
    assert.deepEqual(options('--cluster').cluster, { context: undefined });
    assert.deepEqual(options('--cluster', 'kind-kind').cluster, { context: 'kind-kind' });
    assert.deepEqual(options('--cluster=kind-kind', '--yes').cluster, { context: 'kind-kind' });
    const sandbox = options('sandbox', '--cluster', '--yes');
    assert.equal(sandbox.command, 'sandbox');
    assert.deepEqual(sandbox.cluster, { context: undefined });
    const named = options('sandbox', '--cluster', 'minikube');
    assert.deepEqual(named.cluster, { context: 'minikube' });
    const first = options('--cluster', 'sandbox');
    assert.equal(first.command, 'sandbox');
    assert.equal(options('clean', '--cluster', '--yes', '--yes-really').yesReally, true);
    assert.equal(options().cluster, undefined);
  });
});
