import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { endpointChain, hash16, kubeProxyProbability, portProtoHash, savedProbability, saveString, serviceChains } from '../../../src/core/trace/index.js';

/** base32 (RFC 4648) the long way round, as a check on the bit-twiddling in chains.ts. */
function base32Prefix(text: string): string {
  const digest = createHash('sha256').update(text).digest();
  const bits = [...digest].map((b) => b.toString(2).padStart(8, '0')).join('');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out.slice(0, 16);
}

describe("kube-proxy's chain names", () => {
  it('match the values in the Kubernetes sources and tests', () => {
    // pkg/proxy/iptables/proxier_test.go: service port "ns1/svc1:p80", tcp, endpoint 10.180.0.1:80
    assert.equal(serviceChains('ns1/svc1:p80', 'TCP').svc, 'KUBE-SVC-XPGD46QRK7WJZT7O');
    assert.equal(endpointChain('ns1/svc1:p80', 'TCP', '10.180.0.1:80'), 'KUBE-SEP-SXIVWICOYRO3J4NJ');
    // The kubernetes service on every cluster.
    assert.equal(serviceChains('default/kubernetes:https', 'TCP').svc, 'KUBE-SVC-NPX46M4PTMTKRN6Y');
  });

  it('are sha256 of name + lower-case protocol, base32, 16 characters, with one hash for SVC, SVL, EXT and FW', () => {
    for (const name of ['default/my-first-service', 'default/myapp-pod-nodeport-service:http', 'default/lonely:80-80', 'x/y']) {
      assert.equal(hash16(`${name}tcp`), base32Prefix(`${name}tcp`), name);
      const h = portProtoHash(name, 'TCP');
      assert.equal(h, base32Prefix(`${name}tcp`));
      assert.deepEqual(serviceChains(name, 'TCP'), { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` });
      assert.equal(endpointChain(name, 'TCP', '10.244.1.2:80'), `KUBE-SEP-${base32Prefix(`${name}tcp10.244.1.2:80`)}`);
      assert.match(h, /^[A-Z2-7]{16}$/);
      assert.ok(`KUBE-SEP-${h}`.length <= 28, 'iptables chain names stay within 28 characters');
    }
    assert.notEqual(portProtoHash('default/a', 'TCP'), portProtoHash('default/a', 'UDP'));
  });
});

describe('probabilities and comments as iptables-save prints them', () => {
  it('kube-proxy writes 1/n with ten decimals; the kernel keeps 2^31ths; iptables-save prints eleven', () => {
    assert.equal(kubeProxyProbability(2), '0.5000000000');
    assert.equal(kubeProxyProbability(3), '0.3333333333');
    assert.equal(kubeProxyProbability(7), '0.1428571429');
    assert.equal(savedProbability(2), '0.50000000000');
    assert.equal(savedProbability(3), '0.33333333349');
    assert.equal(savedProbability(4), '0.25000000000');
    assert.equal(savedProbability(7), '0.14285714272');
    assert.equal(savedProbability(1000), '0.00100000016');
  });

  it('quotes a comment unless it is only letters, digits, - and _', () => {
    assert.equal(saveString('default/web'), '"default/web"');
    assert.equal(saveString('kubernetes service portals'), '"kubernetes service portals"');
    assert.equal(saveString('plain-word_1'), 'plain-word_1');
    assert.equal(saveString('say "hi"'), '"say \\"hi\\""');
  });
});
