// kube-proxy runs on every node, the control plane included, and opens a NodePort Service's node
// port there too (kubernetes-facts.md; pkg/proxy/iptables/proxier.go writes KUBE-NODEPORTS on each
// node it runs on): curl to the control plane's external IP at the node port answers as a worker's does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposedPod, session } from './helpers.js';

describe('the node port on the control-plane node', () => {
  it('answers with the same page as on the workers, and its rules are in the nat table there', () => {
    const { run } = session();
    const port = exposedPod(run);
    const nodes = run('kubectl get nodes -o wide').stdout.split('\n');
    const ipOf = (name: string) => (nodes.find((l) => l.startsWith(`${name} `)) ?? '').split(/\s+/)[6] ?? '';
    const controlPlane = ipOf('control-plane');
    assert.match(controlPlane, /^\d+\.\d+\.\d+\.\d+$/);
    const there = run(`curl -s http://${controlPlane}:${port}`);
    const worker = run(`curl -s http://${ipOf('worker-1')}:${port}`);
    assert.equal(there.exitCode, 0, there.stderr);
    assert.match(there.stdout, /Welcome to Stack Simplify/);
    assert.equal(there.stdout, worker.stdout);
    const rules = run('iptables-save --node control-plane -t nat').stdout;
    assert.match(rules, new RegExp(`-A KUBE-NODEPORTS .*--dport ${port} `));
  });
});
