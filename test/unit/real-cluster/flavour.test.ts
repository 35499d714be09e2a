import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextInfo, readKubeconfig } from '../../../src/core/real-cluster/kubeconfig.js';
import { detectFlavour, nodeFacts, type ClusterFacts } from '../../../src/core/real-cluster/flavour.js';
import { reachRecipe } from '../../../src/core/real-cluster/reach.js';
import { FLAVOURS } from '../../fixtures/real-cluster/flavours.js';

function configOf(text: string) {
  const config = readKubeconfig(text);
  assert.ok(config.ok);
  return config.value;
}

function factsOf(name: keyof typeof FLAVOURS): ClusterFacts {
  const fixture = FLAVOURS[name];
  const config = readKubeconfig(fixture.kubeconfig);
  assert.ok(config.ok);
  const context = contextInfo(config.value);
  assert.ok(context.ok, context.ok ? '' : context.message);
  return {
    context: context.value.name,
    clusterName: context.value.cluster,
    server: context.value.server,
    gitVersion: fixture.gitVersion,
    nodes: fixture.nodes.map(nodeFacts),
  };
}

describe('a kubeconfig as kubectl reads it', () => {
  it('resolves the current context to its server, namespace and credentials', () => {
    const config = readKubeconfig(FLAVOURS.kind.kubeconfig);
    assert.ok(config.ok);
    assert.deepEqual(config.value.contexts, ['kind-kind']);
    const info = contextInfo(config.value);
    assert.ok(info.ok);
    assert.equal(info.value.server, 'https://127.0.0.1:41235');
    assert.equal(info.value.namespace, 'default');
    assert.match(info.value.caData ?? '', /BEGIN CERTIFICATE/);
    assert.deepEqual(info.value.credentials, { kind: 'certificate', cert: 'CERT', key: 'KEY' });
  });

  it('tells a token, an exec plugin and no credentials apart', () => {
    const token = contextInfo(configOf(FLAVOURS.microk8s.kubeconfig));
    assert.ok(token.ok);
    assert.deepEqual(token.value.credentials, { kind: 'token', token: 'abc' });
    const eks = contextInfo(configOf(FLAVOURS.eks.kubeconfig));
    assert.ok(eks.ok);
    assert.deepEqual(eks.value.credentials, { kind: 'plugin', command: 'aws' });
    const lab = contextInfo(configOf(FLAVOURS.lab.kubeconfig));
    assert.ok(lab.ok);
    assert.deepEqual(lab.value.credentials, { kind: 'none' });
  });

  it('names the contexts there are when the one asked for is missing', () => {
    const config = readKubeconfig(FLAVOURS.kind.kubeconfig);
    assert.ok(config.ok);
    const info = contextInfo(config.value, 'prod');
    assert.deepEqual(info, { ok: false, message: 'no context "prod" in the kubeconfig (contexts: kind-kind)' });
    assert.equal(readKubeconfig('a: [').ok, false);
    const empty = readKubeconfig('');
    assert.ok(empty.ok);
    assert.equal(contextInfo(empty.value).ok, false);
  });

  it('reads a context named __proto__ as a name like any other', () => {
    const text = FLAVOURS.lab.kubeconfig.replaceAll('nodeport-lab', '__proto__');
    const config = readKubeconfig(text);
    assert.ok(config.ok);
    const info = contextInfo(config.value);
    assert.ok(info.ok);
    assert.equal(info.value.server, 'http://127.0.0.1:6443');
  });
});

describe('the flavour of a cluster, from its kubeconfig, /version and nodes', () => {
  const expected: Record<keyof typeof FLAVOURS, [string, boolean]> = {
    kind: ['kind', false],
    'kind-lab': ['kind', false],
    'minikube-linux': ['minikube', false],
    'minikube-mac': ['minikube', false],
    k3d: ['k3d', false],
    k3s: ['k3s', false],
    'docker-desktop': ['docker-desktop', false],
    orbstack: ['orbstack', false],
    microk8s: ['microk8s', false],
    eks: ['remote', true],
    gke: ['remote', true],
    'company-remote': ['remote', true],
    lab: ['nodeport-lab', false],
  };
  for (const [name, [flavour, shared]] of Object.entries(expected)) {
    it(`${name}: ${flavour}${shared ? ', shared (needs --yes-really)' : ''}`, () => {
      const detected = detectFlavour(factsOf(name as keyof typeof FLAVOURS));
      assert.equal(detected.flavour, flavour, detected.because);
      assert.equal(detected.shared, shared);
    });
  }

  it('names the cloud', () => {
    assert.equal(detectFlavour(factsOf('eks')).cloud, 'EKS');
    assert.equal(detectFlavour(factsOf('gke')).cloud, 'GKE');
  });

  it('a kind- context whose server is far away is not taken for kind', () => {
    const facts = { ...factsOf('company-remote'), context: 'kind-prod' };
    assert.equal(detectFlavour(facts).flavour, 'remote');
  });

  it('with no nodes to read, the context name still places a local tool', () => {
    assert.equal(detectFlavour({ ...factsOf('kind'), nodes: [] }).flavour, 'kind');
    assert.equal(detectFlavour({ ...factsOf('minikube-linux'), nodes: [] }).flavour, 'minikube');
    assert.equal(detectFlavour({ ...factsOf('lab'), nodes: [] }).flavour, 'nodeport-lab');
  });
});

describe('how a node port is reached, per flavour', () => {
  const recipe = (name: keyof typeof FLAVOURS, platform: string, nodePort = 31231) => {
    const facts = factsOf(name);
    return reachRecipe({
      flavour: detectFlavour(facts).flavour,
      platform,
      server: facts.server,
      context: facts.context,
      nodes: facts.nodes,
      nodePort,
      service: 'web',
      namespace: 'nodeport-lab-sandbox',
      servicePort: 80,
    });
  };

  it("kind on Linux: a worker's container address", () => {
    assert.equal(recipe('kind', 'linux').url, 'http://172.18.0.2:31231');
  });
  it('kind on macOS: port-forward, said out loud, unless the lab made the cluster and maps the port', () => {
    const mac = recipe('kind', 'darwin');
    assert.equal(mac.command, 'kubectl port-forward -n nodeport-lab-sandbox service/web 8080:80');
    assert.match(mac.how, /kube-proxy's rules are skipped/);
    assert.equal(recipe('kind-lab', 'darwin').url, 'http://localhost:31231');
    assert.equal(recipe('kind-lab', 'win32', 30080).url, 'http://localhost:30080');
    assert.equal(recipe('kind-lab', 'darwin', 32000).command, 'kubectl port-forward -n nodeport-lab-sandbox service/web 8080:80');
  });
  it('minikube: the node IP on Linux, minikube service --url with Docker on macOS', () => {
    assert.equal(recipe('minikube-linux', 'linux').url, 'http://192.168.49.2:31231');
    const mac = recipe('minikube-mac', 'darwin');
    assert.equal(mac.url, undefined);
    assert.equal(mac.command, 'minikube service web -n nodeport-lab-sandbox --url');
  });
  it('k3d: the node container on Linux; elsewhere the ports mapped at creation', () => {
    assert.equal(recipe('k3d', 'linux').url, 'http://172.19.0.3:31231');
    assert.match(recipe('k3d', 'darwin').limits ?? '', /-p "31231:31231@server:0"/);
  });
  it('Docker Desktop and OrbStack: localhost, best effort', () => {
    assert.equal(recipe('docker-desktop', 'darwin').url, 'http://localhost:31231');
    assert.match(recipe('docker-desktop', 'darwin').limits ?? '', /Best effort/);
    assert.equal(recipe('orbstack', 'darwin').url, 'http://localhost:31231');
  });
  it('microk8s and k3s: the node address', () => {
    assert.equal(recipe('microk8s', 'linux').url, 'http://10.0.2.15:31231');
    assert.equal(recipe('k3s', 'linux').url, 'http://192.168.1.50:31231');
  });
  it('a cloud cluster: the external IP, and the firewall that may drop it', () => {
    const eks = recipe('eks', 'linux');
    assert.equal(eks.url, 'http://203.0.113.10:31231');
    assert.match(eks.limits ?? '', /firewall/);
    assert.equal(recipe('company-remote', 'linux').command, 'kubectl port-forward -n nodeport-lab-sandbox service/web 8080:80');
  });
  it("the lab's own API: 127.0.0.1", () => {
    assert.equal(recipe('lab', 'linux').url, 'http://127.0.0.1:31231');
  });
});
