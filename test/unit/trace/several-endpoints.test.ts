// Three pods behind one NodePort: kube-proxy's probability rules exactly as proxier.go writes
// them (writeServiceToEndpointRules: `-m statistic --mode random --probability` with
// fmt.Sprintf("%0.10f", 1.0/float64(n-i)) on every rule but the last; the kernel keeps it in
// 2^31ths and iptables-save prints it with eleven decimals), and the trace says which rule
// matched and why: each rule draws a fresh random number (xt_statistic), seeded here.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextUint32, seedRng } from '../../../src/core/random.js';
import { hash16, iptablesSave, kubeProxyProbability, trace } from '../../../src/core/trace/index.js';
import { pickEndpoint, storedProbability } from '../../../src/core/trace/pick.js';
import { lab } from './helpers.js';

function threePods(seed = 7) {
  const l = lab(seed);
  for (const name of ['a', 'b', 'c']) l.run(`kubectl run ${name} --image nginx --labels app=web`);
  l.run('sleep 10');
  l.run('kubectl create service nodeport web --tcp=80:80');
  return l;
}

describe('three ready endpoints behind a NodePort', () => {
  const l = threePods();
  const svc = `KUBE-SVC-${hash16('default/web:80-80tcp')}`;

  it('get ep lists the three, and iptables-save has one rule each: 1/3, 1/2, then the rest', () => {
    const ips = ['a', 'b', 'c'].map((n) => l.pod(n).status.podIP).sort();
    assert.match(l.run('kubectl get ep web').stdout, new RegExp(`web +${ips.map((ip) => `${(ip ?? '').replace(/\./g, '\\.')}:80`).join(',')} `));
    const lines = iptablesSave(l.cluster(), l.cluster().nodes[1]!, ['nat'])
      .split('\n')
      .filter((x) => x.startsWith(`-A ${svc} -m comment`));
    const sep = (ip: string) => `KUBE-SEP-${hash16(`default/web:80-80tcp${ip}:80`)}`;
    assert.deepEqual(lines, [
      `-A ${svc} -m comment --comment "default/web:80-80 -> ${ips[0]}:80" -m statistic --mode random --probability 0.33333333349 -j ${sep(ips[0]!)}`,
      `-A ${svc} -m comment --comment "default/web:80-80 -> ${ips[1]}:80" -m statistic --mode random --probability 0.50000000000 -j ${sep(ips[1]!)}`,
      `-A ${svc} -m comment --comment "default/web:80-80 -> ${ips[2]}:80" -j ${sep(ips[2]!)}`,
    ]);
    // What kube-proxy handed to iptables-restore for those two, before the kernel rounded them.
    assert.deepEqual([kubeProxyProbability(3), kubeProxyProbability(2)], ['0.3333333333', '0.5000000000']);
  });

  it('the trace shows the rules it tried, the draws, and the endpoint the matching rule sent to', () => {
    const before = l.cluster();
    const result = trace(before, { from: 'outside', ip: '203.0.113.11', port: l.nodePort('web') });
    const hop = result.trace.hops.find((h) => h.place === 'service')!;
    const decision = hop.decided.find((d) => d.by === 'endpoint');
    assert.ok(decision && decision.by === 'endpoint' && decision.draws);
    // The draws are the kernel's: a 31-bit number from the seeded generator per rule tried, below the stored probability or not.
    let state = before.rng;
    decision.draws.forEach((d, j) => {
      const next = nextUint32(state);
      state = next.state;
      assert.equal(d.draw, (next.value & 0x7fffffff) / 0x80000000);
      assert.equal(d.matched, (next.value & 0x7fffffff) < storedProbability(3 - j));
      assert.equal(d.probability, ['0.33333333349', '0.50000000000'][j]);
    });
    assert.equal(result.cluster.rng, state, 'the generator advanced by exactly the draws made');
    const matched = decision.draws.findIndex((d) => d.matched);
    assert.equal(decision.chosen, matched === -1 ? 2 : matched);
    assert.equal(hop.rules.length, decision.chosen + 1, 'the rules tried, up to the one that matched');
    assert.ok(hop.rules.at(-1)!.text.endsWith(`-j ${decision.endpoints[decision.chosen]!.chain}`));
    assert.equal(result.trace.endpoint?.ip, decision.endpoints[decision.chosen]!.ip);
    assert.match(hop.note ?? '', /rule 1 \(--probability 0\.33333333349\) drew 0\.\d{5}: /);
    // Seeded: the same cluster picks the same endpoint.
    assert.deepEqual(trace(before, { from: 'outside', ip: '203.0.113.11', port: l.nodePort('web') }).trace.endpoint, result.trace.endpoint);
  });

  it('connection after connection, every pod gets its turn, and curl reaches the one the trace picked', () => {
    const seen = new Set<string>();
    const url = `http://203.0.113.12:${l.nodePort('web')}/`;
    for (let i = 0; i < 12; i++) {
      const next = trace(l.cluster(), { from: 'outside', ip: '203.0.113.12', port: l.nodePort('web') }).trace;
      assert.ok(next.outcome.kind === 'answered' && next.outcome.server.kind === 'pod');
      const pod = next.outcome.server.pod.metadata.name;
      const logged = l.pod(pod).log.length;
      assert.equal(l.run(`curl -s ${url}`, 0).exitCode, 0);
      assert.equal(l.pod(pod).log.length, logged + 1, `connection ${i + 1} reached pod/${pod}`);
      seen.add(pod);
    }
    assert.deepEqual([...seen].sort(), ['a', 'b', 'c']);
  });
});

describe("the kernel's pick over many connections", () => {
  it('gives each of n endpoints about 1/n of them', () => {
    for (const n of [2, 3, 5]) {
      const counts = new Array<number>(n).fill(0);
      let state = seedRng(n);
      const total = 30_000;
      for (let i = 0; i < total; i++) {
        const pick = pickEndpoint(state, n);
        counts[pick.chosen]! += 1;
        state = pick.state;
      }
      for (const c of counts) assert.ok(Math.abs(c / total - 1 / n) < 0.015, `${n}: ${counts.join(',')}`);
    }
  });

  it('draws nothing for a single endpoint', () => {
    const state = seedRng(1);
    assert.deepEqual(pickEndpoint(state, 1), { chosen: 0, draws: [], state });
  });
});
