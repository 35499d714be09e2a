// metadata.generation and status.observedGeneration, by the registry strategies' rules:
// - a ReplicaSet's moves on any change of its spec and on nothing else
//   (pkg/registry/apps/replicaset/strategy.go PrepareForUpdate): apply, replace, scale, and the
//   deployment controller scaling it (pkg/controller/deployment/sync.go scaleReplicaSet); one the
//   controller makes is created with its replicas (sync.go getNewReplicaSet), at 1;
// - a Deployment's moves on a change of its spec or of its annotations
//   (pkg/registry/apps/deployment/strategy.go PrepareForUpdate): an apply that only adds the
//   last-applied annotation moves it too;
// - Services and, in 1.32, pods have none (pkg/registry/core/service/strategy.go never sets it;
//   a pod's came with 1.33, kubernetes/kubernetes#130181).
// Each controller reports the generation it has acted on as status.observedGeneration at once.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDeployment, findReplicaSet, replicaSetsOf, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { Session } from './helpers.js';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    tier: frontend
spec:
  replicas: 2
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: web
        image: nginx
`;
const DEPLOY = RS.replace('kind: ReplicaSet', 'kind: Deployment').replace('name: frontend', 'name: web');
const FILES = {
  'rs.yaml': RS,
  'rs-three.yaml': RS.replace('replicas: 2', 'replicas: 3'),
  'rs-labelled.yaml': RS.replace('replicas: 2', 'replicas: 3').replace('    tier: frontend\nspec', '    tier: frontend\n    team: blue\nspec'),
  'rs-image.yaml': RS.replace('image: nginx', 'image: nginx:1.27'),
  'deploy.yaml': DEPLOY,
};
/** The same Deployment, its metadata aside, as the JSON body of a PUT. */
const DEPLOY_JSON = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  spec: {
    replicas: 2,
    selector: { matchLabels: { tier: 'frontend' } },
    template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  },
};

type Meta = { generation?: unknown };
type Status = { observedGeneration?: unknown };

/** metadata.generation and status.observedGeneration as `kubectl get -o json` prints them. */
function generations(s: Session, ref: string): { generation: unknown; observed: unknown } {
  const got = s.run(`get ${ref} -o json`);
  assert.equal(got.exitCode, 0, got.stderr);
  const view = JSON.parse(got.stdout) as { metadata: Meta; status?: Status };
  return { generation: view.metadata.generation, observed: view.status?.observedGeneration };
}

/** The deployment controller's updates of a ReplicaSet it made: "Scaled up|down replica set NAME to N from M" (sync.go). */
function scalesAfterCreation(cluster: Cluster, rsName: string): number {
  return cluster.events.filter(
    (e) => e.reason === 'ScalingReplicaSet' && new RegExp(`^Scaled (up|down) replica set ${rsName} to \\d+ from \\d+$`).test(e.message),
  ).length;
}

describe('metadata.generation moves as the API server moves it', () => {
  it('a ReplicaSet: 1 when made; one more for each apply, replace or scale that changes its spec; not for labels alone', () => {
    const s = new Session(1, FILES);
    s.run('apply -f rs.yaml');
    assert.deepEqual(generations(s, 'rs frontend'), { generation: 1, observed: 1 });
    assert.equal(s.run('apply -f rs-three.yaml').stdout, 'replicaset.apps/frontend configured\n');
    assert.deepEqual(generations(s, 'rs frontend'), { generation: 2, observed: 2 });
    // Labels are metadata: configured, and the generation stays.
    assert.equal(s.run('apply -f rs-labelled.yaml').stdout, 'replicaset.apps/frontend configured\n');
    assert.deepEqual(generations(s, 'rs frontend'), { generation: 2, observed: 2 });
    // scale.go's --current-replicas precondition: a ReplicaSet is held to it as a Deployment is.
    const refused = s.run('scale rs frontend --current-replicas=9 --replicas=5');
    assert.equal(refused.stderr, 'error: Expected replicas to be 9, was 3\n');
    assert.equal(refused.exitCode, 1);
    assert.equal(findReplicaSet(s.cluster, 'frontend')?.spec.replicas, 3);
    assert.equal(s.run('scale rs frontend --replicas=5').stdout, 'replicaset.apps/frontend scaled\n');
    assert.equal(findReplicaSet(s.cluster, 'frontend')?.spec.replicas, 5);
    assert.deepEqual(generations(s, 'rs frontend'), { generation: 3, observed: 3 });
    // The same count again is no change of the spec.
    s.run('scale rs frontend --replicas=5');
    assert.deepEqual(generations(s, 'rs frontend'), { generation: 3, observed: 3 });
    assert.equal(s.run('replace -f rs-image.yaml').stdout, 'replicaset.apps/frontend replaced\n');
    assert.deepEqual(generations(s, 'rs frontend'), { generation: 4, observed: 4 });
  });

  it("a Deployment's ReplicaSets: created at 1 with their replicas, then one more for each scale the controller makes", () => {
    const s = new Session(1, FILES);
    s.run('create deployment web --image=nginx --replicas=3');
    s.wait(10);
    s.run('scale deployment web --replicas=2');
    s.wait(10);
    s.run('set image deployment/web nginx=nginx:1.27');
    s.wait(60);
    const owned = replicaSetsOf(s.cluster).filter((rs) => rs.metadata.name.startsWith('web-'));
    assert.equal(owned.length, 2, 'the old ReplicaSet and the new one');
    for (const rs of owned) {
      const scaled = scalesAfterCreation(s.cluster, rs.metadata.name);
      assert.ok(scaled > 0, `${rs.metadata.name} was scaled after it was made`);
      assert.deepEqual(generations(s, `rs ${rs.metadata.name}`), { generation: 1 + scaled, observed: 1 + scaled });
    }
    // The Deployment's own: created, scaled, its template changed.
    assert.deepEqual(generations(s, 'deploy web'), { generation: 3, observed: 3 });
  });

  it('a Deployment: an apply that only adds the last-applied annotation moves it; an unchanged apply does not', () => {
    const s = new Session(1, FILES);
    s.run('create -f deploy.yaml');
    assert.deepEqual(generations(s, 'deploy web'), { generation: 1, observed: 1 });
    assert.equal(s.run('apply -f deploy.yaml').stdout, 'deployment.apps/web configured\n');
    assert.deepEqual(generations(s, 'deploy web'), { generation: 2, observed: 2 });
    assert.equal(s.run('apply -f deploy.yaml').stdout, 'deployment.apps/web unchanged\n');
    assert.deepEqual(generations(s, 'deploy web'), { generation: 2, observed: 2 });
  });

  it("a Deployment replaced through the API with new annotations and the same spec: the generation moves, and the controller's revision comes back", () => {
    const put = (cluster: Cluster, annotations: Record<string, string>): Cluster => {
      const answered = handle(cluster, {
        method: 'PUT',
        path: '/apis/apps/v1/namespaces/default/deployments/web',
        query: new Map(),
        accept: 'application/json',
        contentType: 'application/json',
        body: JSON.stringify({ ...DEPLOY_JSON, metadata: { name: 'web', annotations } }),
      });
      assert.equal(answered.response.status, 200, answered.response.body);
      return answered.cluster;
    };
    const s = new Session(1, FILES);
    s.run('create -f deploy.yaml');
    const before = findDeployment(s.cluster, 'web');
    assert.equal(before?.generation, 1);
    const replaced = put(s.cluster, { note: 'hello' });
    const after = findDeployment(replaced, 'web');
    assert.equal(after?.generation, 2);
    assert.equal(after?.metadata.annotations.note, 'hello');
    assert.equal(after?.metadata.annotations['deployment.kubernetes.io/revision'], before?.metadata.annotations['deployment.kubernetes.io/revision']);
    // A body with the annotations the object now has changes nothing; one without the revision
    // changes the annotations again (the controller puts it back through the status).
    assert.equal(findDeployment(put(replaced, { ...after?.metadata.annotations }), 'web')?.generation, 2);
    assert.equal(findDeployment(put(replaced, { note: 'hello' }), 'web')?.generation, 3);
  });

  it("a ReplicaSet scaled through the lab's API (replicasets/NAME/scale, as kubectl scale sends it): its spec, so its generation", () => {
    const s = new Session(1, FILES);
    s.run('apply -f rs.yaml');
    const scaled = handle(s.cluster, {
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/default/replicasets/frontend/scale',
      query: new Map(),
      accept: 'application/json',
      contentType: 'application/merge-patch+json',
      body: '{"spec":{"replicas":4}}',
    });
    assert.equal(scaled.response.status, 200, scaled.response.body);
    assert.deepEqual((JSON.parse(scaled.response.body) as { spec: unknown }).spec, { replicas: 4 });
    const rs = findReplicaSet(scaled.cluster, 'frontend');
    assert.equal(rs?.spec.replicas, 4);
    assert.equal(rs?.generation, 2);
  });

  it('Services and pods carry no generation, before and after their spec changes', () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    s.run('expose pod web --port=80 --type=NodePort');
    s.wait(10);
    s.run(`patch pod web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}'`);
    s.run(`patch svc web -p '{"spec":{"type":"ClusterIP"}}'`);
    for (const ref of ['pod web', 'svc web']) {
      const { generation, observed } = generations(s, ref);
      assert.equal(generation, undefined, `${ref}: metadata.generation`);
      assert.equal(observed, undefined, `${ref}: status.observedGeneration`);
    }
  });
});
