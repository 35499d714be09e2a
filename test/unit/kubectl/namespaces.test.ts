// kubectl in namespaces: -n/--namespace on every verb, -A with the NAMESPACE column, create
// namespace, Namespace manifests, a manifest's metadata.namespace against -n, and the kubeconfig's
// namespace as the fallback. Texts per staging/src/k8s.io/kubectl/pkg/cmd/get/get.go ("No resources
// found in foo namespace."), cmd/create/create_namespace.go, cli-runtime/pkg/resource/visitor.go
// (SetNamespace's mismatch error; a NotFound object whose namespace is missing names the
// namespace) and cmd/delete/delete.go.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Session } from './helpers.js';

const IN_OTHER = `apiVersion: v1
kind: Pod
metadata:
  name: p2
  namespace: other
spec:
  containers:
  - name: c
    image: nginx
`;

const NS_AND_POD = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: a
---
apiVersion: v1
kind: Pod
metadata:
  name: p1
  namespace: shop
spec:
  containers:
  - name: c
    image: nginx
`;

const PLAIN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
  - name: c
    image: nginx
`;

describe('kubectl in namespaces', () => {
  it('run -n into a missing namespace is the API NotFound, and nothing is created', () => {
    const s = new Session(1);
    const r = s.run('run web --image=nginx -n foo');
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'Error from server (NotFound): namespaces "foo" not found\n');
    assert.equal(r.exitCode, 1);
    assert.equal(s.cluster.pods.filter((p) => p.metadata.namespace === 'foo').length, 0);
  });

  it('create namespace, run in it, get -n, get -A with the NAMESPACE column', () => {
    const s = new Session(1);
    assert.equal(s.run('create namespace foo').stdout, 'namespace/foo created\n');
    assert.equal(s.run('create ns foo').stderr, 'Error from server (AlreadyExists): namespaces "foo" already exists\n');
    assert.equal(s.run('run web --image=nginx -n foo').stdout, 'pod/web created\n');
    assert.equal(s.run('--namespace=foo run api --image=nginx').stdout, 'pod/api created\n');
    s.wait(30);
    assert.equal(s.run('get pods').stderr, 'No resources found in default namespace.\n');
    assert.match(s.run('get pods -n foo').stdout, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\napi\s+1\/1\s+Running\s+0\s+\S+\nweb\s+1\/1/);
    const all = s.run('get pods -A').stdout.split('\n');
    assert.match(all[0] ?? '', /^NAMESPACE\s+NAME\s+READY/);
    assert.match(all[1] ?? '', /^foo\s+api\s/);
    assert.match(all[2] ?? '', /^foo\s+web\s/);
    assert.match(s.run('get pods -A -o wide').stdout.split('\n')[0] ?? '', /^NAMESPACE\s+NAME\s+READY.*NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    assert.equal(s.run('get pods -n bar').stderr, 'No resources found in bar namespace.\n');
    assert.equal(s.run('get pod web').stderr, 'Error from server (NotFound): pods "web" not found\n');
    assert.equal(s.run('get pod web -n bar').stderr, 'Error from server (NotFound): namespaces "bar" not found\n');
    assert.equal(s.run('get pod web -A').stderr, 'error: a resource cannot be retrieved by name across all namespaces\n');
  });

  it('get ns lists no NAMESPACE column even with -A; labels, -l and --show-labels', () => {
    const s = new Session(1);
    s.run('create ns shop');
    assert.equal(s.run('label ns shop team=a').stdout, 'namespace/shop labeled\n');
    const rows = s.run('get ns -A').stdout.split('\n');
    assert.match(rows[0] ?? '', /^NAME\s+STATUS\s+AGE$/);
    assert.deepEqual(
      rows.slice(1, -1).map((r) => r.split(/\s+/)[0]),
      ['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system', 'shop'],
    );
    assert.match(s.run('get ns -l team=a').stdout, /^NAME\s+STATUS\s+AGE\nshop\s+Active\s+\S+\n$/);
    assert.match(s.run('get ns shop --show-labels').stdout, /kubernetes\.io\/metadata\.name=shop,team=a\n$/);
    assert.equal(s.run('label ns shop team-').stdout, 'namespace/shop unlabeled\n');
  });

  it('every verb takes -n: expose, describe, label, logs, exec, scale, set image, rollout, wait, patch, delete', () => {
    const s = new Session(1);
    s.run('create ns shop');
    s.run('run web --image=nginx --port=80 -n shop');
    s.run('create deployment api --image=nginx --replicas=2 -n shop');
    s.wait(30);
    assert.equal(s.run('expose pod web --port=80 --type=NodePort -n shop').stdout, 'service/web exposed\n');
    assert.match(s.run('describe svc web -n shop').stdout, /^Name:\s+web\nNamespace:\s+shop\n[\s\S]*Endpoints:\s+10\.244\.\d+\.\d+:80\n/);
    assert.match(s.run('describe pod web -n shop').stdout, /Successfully assigned shop\/web to worker-/);
    assert.equal(s.run('label pod web tier=front -n shop').stdout, 'pod/web labeled\n');
    assert.match(s.run('logs web -n shop').stdout, /nginx/);
    assert.equal(s.run('exec web -n shop -- echo hi').stdout, 'hi\n');
    assert.equal(s.run('scale deployment api --replicas=3 -n shop').stdout, 'deployment.apps/api scaled\n');
    assert.equal(s.run('set image deployment/api nginx=nginx:1.27 -n shop').stdout, 'deployment.apps/api image updated\n');
    assert.match(s.run('rollout status deployment/api -n shop').stdout, /successfully rolled out\n$/);
    assert.equal(s.run('wait --for=condition=Ready pod/web -n shop').stdout, 'pod/web condition met\n');
    assert.equal(s.run(`patch svc web -n shop -p '{"spec":{"sessionAffinity":"ClientIP"}}'`).stdout, 'service/web patched\n');
    assert.equal(s.run('delete svc web -n shop').stdout, 'service "web" deleted\n');
    // None of that reached default.
    assert.equal(
      s
        .run('get all')
        .stdout.split('\n')
        .filter((l) => l.startsWith('service/')).length,
      1,
    );
    assert.equal(s.run('logs web').stderr, 'error: error from server (NotFound): pods "web" not found in namespace "default"\n');
  });

  it('a manifest creates its Namespace and objects in it; its metadata.namespace must agree with -n', () => {
    const s = new Session(1, { 'ns.yaml': NS_AND_POD, 'other.yaml': IN_OTHER, 'plain.yaml': PLAIN_POD });
    assert.equal(s.run('apply -f ns.yaml').stdout, 'namespace/shop created\npod/p1 created\n');
    assert.equal(s.run('apply -f ns.yaml').stdout, 'namespace/shop unchanged\npod/p1 unchanged\n');
    assert.equal(s.run('get pod p1 -n shop -o jsonpath={.metadata.namespace}').stdout, 'shop');
    assert.match(s.run('get pod p1 -n shop -o yaml').stdout, /"namespace":"shop"/);
    assert.equal(s.run('apply -f other.yaml').stderr, 'Error from server (NotFound): error when creating "other.yaml": namespaces "other" not found\n');
    assert.equal(
      s.run('apply -f other.yaml -n shop').stderr,
      `error: the namespace from the provided object "other" does not match the namespace "shop". You must pass '--namespace=other' to perform this operation.\n`,
    );
    assert.equal(s.run('create -f plain.yaml -n shop').stdout, 'pod/plain created\n');
    assert.equal(s.run('get pod plain -n shop -o jsonpath={.metadata.namespace}').stdout, 'shop');
    assert.equal(s.run('delete -f plain.yaml -n shop').stdout, 'pod "plain" deleted\n');
    assert.equal(
      s.run('create ns shop --dry-run=client -o yaml').stdout,
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: shop\nspec: {}\nstatus: {}\n',
    );
    assert.equal(s.run('create ns').stderr, "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n");
  });

  it('delete ns deletes what is in it; the built-in namespaces are refused', () => {
    const s = new Session(1);
    s.run('create ns shop');
    s.run('run web --image=nginx -n shop');
    s.run('run web --image=nginx');
    assert.equal(s.run('delete ns shop').stdout, 'namespace "shop" deleted\n');
    assert.ok(!s.run('get pods -A').stdout.includes('shop '), 'nothing of shop is left');
    assert.match(s.run('get pods -A').stdout, /\ndefault\s+web\s/);
    assert.equal(s.run('get pods -n shop').stderr, 'No resources found in shop namespace.\n');
    assert.equal(s.run('delete ns default').stderr, 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
    assert.equal(s.run('delete namespace shop').stderr, 'Error from server (NotFound): namespaces "shop" not found\n');
    assert.equal(s.run('delete namespace shop --ignore-not-found').stderr, '');
  });

  it("a kubeconfig context's namespace is what a command without -n works in", () => {
    const s = new Session(1);
    s.run('create ns shop');
    s.namespace = 'shop';
    assert.equal(s.run('run web --image=nginx').stdout, 'pod/web created\n');
    assert.equal(s.run('get pods -n default').stderr, 'No resources found in default namespace.\n');
    assert.match(s.run('get pods').stdout, /^NAME[^\n]*\nweb\s/);
    s.namespace = undefined;
    assert.equal(s.run('get pods').stderr, 'No resources found in default namespace.\n');
  });

  it("inside a pod a service's short name resolves in the pod's namespace, NAME.NAMESPACE anywhere", () => {
    const s = new Session(1);
    s.run('create ns shop');
    s.run('run cart --image=nginx --port=80 -n shop');
    s.run('expose pod cart --port=80 -n shop');
    s.run('run client --image=nginx');
    s.wait(30);
    assert.equal(s.run('exec client -- curl -s -o /dev/null -w %{http_code} cart.shop').stdout, '200');
    assert.equal(s.run('exec client -- curl -s -o /dev/null -w %{http_code} cart.shop.svc.cluster.local').stdout, '200');
    assert.notEqual(s.run('exec client -- curl -s cart').exitCode, 0);
    s.run('run near --image=nginx -n shop');
    s.wait(30);
    assert.equal(s.run('exec near -n shop -- curl -s -o /dev/null -w %{http_code} cart').stdout, '200');
  });
});
