import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardKubectl, isOurs, manifestProblem, namespaceFor, OWNER_LABEL } from '../../../src/core/real-cluster/ownership.js';
import { splitShellWords } from '../../../src/core/kubectl/shell-words.js';

const NS = 'nodeport-lab-sandbox';
const files: Record<string, string> = {
  'pod.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: nginx}]\n',
  'ours.yml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: ${NS}\n`,
  'elsewhere.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: kube-system\n',
  'ns.yml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n',
  'role.yml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: me-admin\n',
  'list.yml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a, namespace: default}\n',
};
const guard = (line: string) => {
  const split = splitShellWords(line);
  assert.ok(split.ok);
  return guardKubectl(split.words.slice(1), NS, (path) => (path === 'huge.yml' ? null : files[path]));
};
const refused = (line: string, why: RegExp) => {
  const g = guard(line);
  assert.equal(g.ok, false, `${line} was let through`);
  if (!g.ok) assert.match(g.message, why);
};

describe("the course's namespaces", () => {
  it('one per lesson, a DNS label', () => {
    assert.equal(namespaceFor('expose-imperatively'), 'nodeport-lab-expose-imperatively');
    assert.equal(namespaceFor('Odd_Name!'), 'nodeport-lab-odd-name');
    assert.ok(namespaceFor('x'.repeat(80)).length <= 63);
  });
  it('ours only with our label', () => {
    assert.equal(isOurs({ [OWNER_LABEL]: 'nodeport-lab' }), true);
    assert.equal(isOurs({ [OWNER_LABEL]: 'helm' }), false);
    assert.equal(isOurs({}), false);
    assert.equal(isOurs(undefined), false);
  });
});

describe('the guard in front of the real kubectl', () => {
  it("lets the lessons' commands through, with our namespace given explicitly", () => {
    for (const line of [
      'kubectl run web --image nginx',
      'kubectl expose pod web --type=NodePort --port=80',
      'kubectl get pods -o wide',
      'kubectl get nodes -o wide',
      'kubectl describe svc web',
      'kubectl create service nodeport x --tcp=80:80 --node-port=29999',
      'kubectl apply -f pod.yml',
      'kubectl apply -f ours.yml',
      'kubectl delete pod web',
      `kubectl get pods -n ${NS}`,
      'kubectl logs -f web',
      'kubectl explain service.spec.ports',
    ]) {
      const g = guard(line);
      assert.ok(g.ok, `${line}: ${g.ok ? '' : g.message}`);
      assert.equal(g.args[0], `--namespace=${NS}`);
    }
  });

  it('refuses another namespace, every namespace, or another context or user', () => {
    refused('kubectl get pods -n kube-system', /namespace "kube-system" is not the course's/);
    refused('kubectl delete pod coredns --namespace=kube-system', /kube-system/);
    refused('kubectl -nkube-system delete pods --all', /kube-system/);
    refused('kubectl get pods -A', /all-namespaces/);
    refused('kubectl delete pods --all --all-namespaces', /all-namespaces/);
    refused('kubectl get pods --context prod', /--context/);
    refused('kubectl --kubeconfig /etc/kubernetes/admin.conf get pods', /--kubeconfig/);
    refused('kubectl get pods -s https://prod:6443', /another server/);
    refused('kubectl get pods --as=system:admin', /--as/);
  });

  it('refuses writes to cluster-wide objects, but reads them', () => {
    refused('kubectl delete namespace kube-system', /whole cluster/);
    refused('kubectl delete ns nodeport-lab-sandbox', /whole cluster/);
    refused('kubectl create namespace mine', /whole cluster/);
    refused('kubectl label node kind-worker x=y', /whole cluster/);
    refused('kubectl delete node/kind-worker', /whole cluster/);
    refused('kubectl create clusterrolebinding me --clusterrole=cluster-admin --user=me', /whole cluster|--user/);
    assert.ok(guard('kubectl get ns').ok);
    assert.ok(guard('kubectl describe node kind-worker').ok);
  });

  it('refuses commands that reach anywhere (config, proxy, edit, raw, kustomize, stdin, URLs)', () => {
    refused('kubectl config use-context prod', /kubectl config is not run/);
    refused('kubectl proxy', /kubectl proxy is not run/);
    refused('kubectl get --raw /api/v1/namespaces/kube-system/secrets', /--raw/);
    refused('kubectl apply -k .', /kustomize/);
    refused('kubectl apply -f -', /from files/);
    refused('kubectl apply -f https://example.com/evil.yml', /from files/);
    refused('kubectl auth reconcile -f role.yml', /only kubectl auth can-i/);
  });

  it('writes name only kinds a namespace holds; create makes only a few kinds by name', () => {
    for (const line of [
      'kubectl create deployment web --image nginx',
      'kubectl delete all --all',
      'kubectl scale deploy/web --replicas 2',
      'kubectl label pods web tier=front',
      'kubectl delete svc,po web',
      'kubectl set image deploy/web web=stacksimplify/kubenginx:2.0.0',
      'kubectl rollout status deployment/web',
      'kubectl rollout restart deploy web',
      'kubectl label pod/web app=web/v1',
    ]) {
      assert.ok(guard(line).ok, line);
    }
    refused('kubectl create ingressclass x --controller=y', /not run here; write it as a manifest/);
    refused('kubectl create priorityclass high --value=1000', /whole cluster/);
    refused('kubectl delete ingressclasses nginx', /whole cluster/);
    refused('kubectl delete widgets.example.com w', /not a kind/);
    refused('kubectl annotate pods,nodes --all x=y', /nodes changes the whole cluster/);
    refused('kubectl rollout restart daemonset/kube-proxy -n kube-system', /kube-system/);
    refused('kubectl set env node/kind-worker A=B', /whole cluster/);
  });

  it('reads each manifest: only namespaced kinds, only in our namespace', () => {
    refused('kubectl apply -R -f manifests/', /-R reads folders/);
    refused('kubectl apply -f huge.yml', /cannot be read here .* cannot be checked/);
    refused('kubectl apply -f elsewhere.yml', /namespace "kube-system"/);
    refused('kubectl create -f ns.yml', /a Namespace is not created from here/);
    refused('kubectl apply --filename=role.yml', /ClusterRoleBinding/);
    refused('kubectl apply -f list.yml', /namespace "default"/);
    assert.equal(manifestProblem(files['pod.yml']!, NS), null);
  });
});

describe('kubectl edit at the course prompt on a real cluster', () => {
  it('is refused with what does the same (patch, or apply of a changed file), not as a reach beyond the namespace', () => {
    const g = guard('kubectl edit svc typo-service');
    assert.equal(g.ok, false);
    const message = g.ok ? '' : g.message;
    assert.match(message, /needs a text editor/);
    assert.match(message, /kubectl patch/);
    assert.match(message, /kubectl apply -f/);
    assert.doesNotMatch(message, /beyond the course's namespace/);
  });
});
