// --dry-run=server changes nothing: no object kept, no pod scheduled, no event, no endpoint, no
// resourceVersion consumed, no cluster IP or node port taken; and its answer is the registry's
// dry run's, against Kubernetes 1.32:
// - staging/src/k8s.io/apiserver/pkg/registry/generic/registry/dryrun.go: a created object comes
//   back with a uid and a creationTimestamp but no resourceVersion;
// - pkg/registry/core/service/ipallocator/bitmap.go allocateNext: a dry run answers the service
//   CIDR's first (network) address rather than look for a free one;
// - pkg/registry/core/service/portallocator/operation.go AllocateNext: a dry run's node port is one
//   more than the largest the operation holds, from 32769;
// - staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go and patch/patch.go: --dry-run, and
//   `scaled (server dry run)`, `patched (server dry run)`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handle } from '../../../src/core/api/handle.js';
import { findDeployment, type Cluster } from '../../../src/core/cluster/index.js';
import { Session } from './helpers.js';

const FILES: Record<string, string> = {
  'pod.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dp\n  labels:\n    app: dp\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
  'svc.yml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: ds\nspec:\n  type: NodePort\n  selector:\n    app: dp\n  ports:\n  - name: a\n    port: 80\n    nodePort: 31231\n  - name: b\n    port: 81\n  - name: c\n    port: 81\n    protocol: UDP\n',
  'dep.yml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dd\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: dd\n  template:\n    metadata:\n      labels:\n        app: dd\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
  'web-svc.yml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: dep\nspec:\n  type: LoadBalancer\n  selector:\n    app: dep\n  ports:\n  - name: http\n    port: 80\n  - name: https\n    port: 443\n',
};

function session(): Session {
  const s = new Session(2, FILES);
  s.run('run web --image=nginx --labels=app=web');
  s.run('create deployment dep --image=nginx --replicas=2');
  s.run('expose deploy dep --port=80');
  s.wait(10);
  return s;
}

/** The whole cluster but its clock, which only the time between commands moves. */
const state = (c: Cluster): string => JSON.stringify({ ...c, now: 0 });

describe('--dry-run=server keeps nothing', () => {
  const lines = [
    'create -f pod.yml',
    'create -f svc.yml',
    'create -f dep.yml',
    'apply -f pod.yml',
    'apply -f svc.yml',
    'apply -f dep.yml',
    'apply -f web-svc.yml',
    'replace -f web-svc.yml',
    'expose pod web --port=80 --type=NodePort',
    'run x --image=nginx',
    'run y --image=nginx --port=80 --expose',
    'create service nodeport np --tcp=80:80',
    'create deployment cd --image=nginx',
    'create namespace nsx',
    'scale deploy dep --replicas=5',
    `patch svc dep -p '{"spec":{"type":"NodePort"}}'`,
    `patch deploy dep -p '{"spec":{"replicas":4}}'`,
    'label pod web x=y',
    'delete pod web',
    'delete deploy dep',
    'delete deploy dep --cascade=foreground',
    'delete svc dep',
  ];
  for (const line of lines) {
    it(`kubectl ${line}`, () => {
      const s = session();
      const before = s.cluster;
      const r = s.run(`${line} --dry-run=server`);
      assert.equal(r.exitCode, 0, r.stderr);
      assert.match(r.stdout, /\(server dry run\)\n$/);
      assert.equal(state(s.cluster), state(before));
    });
  }
});

describe('what a server dry run answers', () => {
  it("a Service: the CIDR's first address, node ports from one more than the largest held, 32769 when none", () => {
    const s = session();
    const yaml = s.run('create -f svc.yml --dry-run=server -o yaml').stdout;
    assert.match(yaml, /\n {2}clusterIP: 10\.96\.0\.0\n {2}clusterIPs:\n {2}- 10\.96\.0\.0\n/);
    // 31231 was asked for; port 81 gets 31232; 81/UDP shares 81/TCP's (allocNodePorts).
    assert.deepEqual(
      [...yaml.matchAll(/nodePort: (\d+)/g)].map((m) => m[1]),
      ['31231', '31232', '31232'],
    );
    assert.doesNotMatch(yaml, /resourceVersion/);
    assert.match(yaml, /\n {2}uid: [0-9a-f-]{36}\n/);
    const two = s.run('create service nodeport np --tcp=80:80,443:443 --dry-run=server -o jsonpath={.spec.ports[*].nodePort}');
    assert.equal(two.stdout, '32769 32770');
    const lb = s.run('apply -f web-svc.yml --dry-run=server -o jsonpath={.spec.ports[*].nodePort}');
    assert.equal(lb.stdout, '32769 32770', 'an update that needs new node ports allocates them the dry-run way too');
  });

  it('scale: --dry-run=server and =client print and keep the replicas; a bad value is refused', () => {
    const s = session();
    assert.equal(s.run('scale deploy dep --replicas=5 --dry-run=server').stdout, 'deployment.apps/dep scaled (server dry run)\n');
    assert.equal(s.run('scale deploy dep --replicas=5 --dry-run=client').stdout, 'deployment.apps/dep scaled (dry run)\n');
    assert.equal(findDeployment(s.cluster, 'dep')?.spec.replicas, 2);
    const bad = s.run('scale deploy dep --replicas=5 --dry-run=maybe');
    assert.equal(bad.stderr, 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    assert.equal(s.run('scale deploy nope --replicas=5 --dry-run=server').stderr, 'error: no objects passed to scale deployments.apps "nope" not found\n');
  });

  it('patch: the change is reported and not kept; no change says so', () => {
    const s = session();
    assert.equal(s.run(`patch svc dep -p '{"spec":{"type":"NodePort"}}' --dry-run=server`).stdout, 'service/dep patched (server dry run)\n');
    assert.equal(s.run(`patch svc dep -p '{"spec":{"type":"ClusterIP"}}' --dry-run=server`).stdout, 'service/dep patched (no change) (server dry run)\n');
    assert.match(s.run('get svc dep').stdout, /^dep +ClusterIP /m);
  });
});

describe("?dryRun=All through the lab's API", () => {
  const request = (method: string, path: string, body: unknown, contentType = 'application/strategic-merge-patch+json') => ({
    method,
    path,
    query: new Map([['dryRun', 'All']]),
    accept: 'application/json',
    contentType,
    body: JSON.stringify(body),
  });

  it('PATCH answers the patched object, with dry-run node ports, and keeps nothing', () => {
    const s = session();
    const answer = handle(s.cluster, request('PATCH', '/api/v1/namespaces/default/services/dep', { spec: { type: 'NodePort' } }));
    assert.equal(answer.response.status, 200);
    const spec = (JSON.parse(answer.response.body) as { spec: { type: string; ports: { nodePort: number }[] } }).spec;
    assert.equal(spec.type, 'NodePort');
    assert.equal(spec.ports[0]?.nodePort, 32769);
    assert.equal(answer.cluster, s.cluster);
  });

  it('POST of a Service answers 10.96.0.0 and 32769 without a resourceVersion, and keeps nothing', () => {
    const s = session();
    const body = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'n' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    const answer = handle(s.cluster, request('POST', '/api/v1/namespaces/default/services', body, 'application/json'));
    assert.equal(answer.response.status, 201);
    const made = JSON.parse(answer.response.body) as { metadata: Record<string, unknown>; spec: { clusterIP: string; ports: { nodePort: number }[] } };
    assert.equal(made.spec.clusterIP, '10.96.0.0');
    assert.equal(made.spec.ports[0]?.nodePort, 32769);
    assert.equal(made.metadata.resourceVersion, undefined);
    assert.equal(answer.cluster, s.cluster);
  });

  it('PUT of a Deployment keeps nothing', () => {
    const s = session();
    const live = JSON.parse(
      handle(s.cluster, { ...request('GET', '/apis/apps/v1/namespaces/default/deployments/dep', ''), query: new Map() }).response.body,
    ) as {
      spec: { replicas: number };
    };
    const answer = handle(
      s.cluster,
      request('PUT', '/apis/apps/v1/namespaces/default/deployments/dep', { ...live, spec: { ...live.spec, replicas: 7 } }, 'application/json'),
    );
    assert.equal(answer.response.status, 200, answer.response.body);
    assert.equal(answer.cluster, s.cluster);
    assert.equal(findDeployment(answer.cluster, 'dep')?.spec.replicas, 2);
  });
});
