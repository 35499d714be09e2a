// apply, create and delete -f of an apps/v1 Deployment manifest. What the real kubectl 1.32 prints
// without a cluster (client dry runs, a delete the server answers 404) is compared with it, over a
// small server that only answers discovery; the rest follows apply.go (created / configured /
// unchanged, "serverside-applied" with --server-side) and delete.go (--ignore-not-found).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COLLECTION_DELAY_MS, deploymentsOf, findDeployment, LAST_APPLIED_ANNOTATION, ownedReplicaSets } from '../../../src/core/cluster/index.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { learnerPods } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';
import { discoveryAt, served } from '../../helpers/discovery.js';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp1-deployment
  labels:
    app: myapp1
spec:
  replicas: 3
  selector:
    matchLabels:
      app: myapp1
  template:
    metadata:
      name: myapp1-pod
      labels:
        app: myapp1
    spec:
      containers:
        - name: myapp1-container
          image: stacksimplify/kubenginx:1.0.0
          ports:
            - containerPort: 80
`;
const FILES = {
  'deploy.yaml': DEPLOY,
  'deploy2.yaml': DEPLOY.replace('replicas: 3', 'replicas: 2'),
  'deploy-v2.yaml': DEPLOY.replace('kubenginx:1.0.0', 'kubenginx:2.0.0'),
  'typo.yaml': DEPLOY.replace('    spec:\n      containers', '    spec:\n      containerz'),
  'nomatch.yaml': DEPLOY.replace('      labels:\n        app: myapp1\n    spec', '      labels:\n        app: other\n    spec'),
};

describe('a Deployment manifest with -f', () => {
  it('apply creates it, again is unchanged, a changed manifest is configured (apply.go)', () => {
    const s = new Session(1, FILES);
    assert.equal(s.run('apply -f deploy.yaml').stdout, 'deployment.apps/myapp1-deployment created\n');
    s.wait(10);
    const d = findDeployment(s.cluster, 'myapp1-deployment');
    assert.ok(d);
    assert.match(d.metadata.annotations[LAST_APPLIED_ANNOTATION] ?? '', /"kind":"Deployment"/);
    assert.equal(s.cluster.pods.filter((p) => p.metadata.name.startsWith('myapp1-deployment-')).length, 3);
    assert.equal(s.run('apply -f deploy.yaml').stdout, 'deployment.apps/myapp1-deployment unchanged\n');
    assert.equal(s.run('apply -f deploy2.yaml').stdout, 'deployment.apps/myapp1-deployment configured\n');
    assert.equal(findDeployment(s.cluster, 'myapp1-deployment')?.spec.replicas, 2);
    assert.equal(s.run('apply -f deploy-v2.yaml').stdout, 'deployment.apps/myapp1-deployment configured\n');
    s.wait(60);
    assert.equal(ownedReplicaSets(s.cluster, findDeployment(s.cluster, 'myapp1-deployment')!).length, 2, 'a new template rolls out a second ReplicaSet');
    assert.equal(s.run('apply -f deploy-v2.yaml --server-side').stdout, 'deployment.apps/myapp1-deployment serverside-applied\n');
  });

  it('a deployment made by create deployment gets the missing-annotation warning, then is configured', () => {
    const s = new Session(1, FILES);
    s.run('create -f deploy.yaml');
    const r = s.run('apply -f deploy.yaml');
    // resource.Info.ObjectName names the resource without its group, as the real kubectl 1.32
    // prints it (server-side-annotation.test.ts compares the two).
    assert.match(r.stderr, /^Warning: resource deployments\/myapp1-deployment is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/);
    assert.equal(r.stdout, 'deployment.apps/myapp1-deployment configured\n');
  });

  it('create twice: AlreadyExists names the file; delete -f twice: NotFound, unless --ignore-not-found', () => {
    const s = new Session(1, FILES);
    assert.equal(s.run('create -f deploy.yaml').stdout, 'deployment.apps/myapp1-deployment created\n');
    assert.equal(
      s.run('create -f deploy.yaml').stderr,
      'Error from server (AlreadyExists): error when creating "deploy.yaml": deployments.apps "myapp1-deployment" already exists\n',
    );
    s.wait(5);
    assert.equal(s.run('delete -f deploy.yaml').stdout, 'deployment.apps "myapp1-deployment" deleted\n');
    assert.equal(deploymentsOf(s.cluster).filter((d) => d.metadata.namespace === 'default').length, 0);
    assert.equal(learnerPods(s.cluster).length, 3, 'the garbage collector takes the ReplicaSet a moment later');
    s.wait(COLLECTION_DELAY_MS / 1000);
    assert.ok(
      learnerPods(s.cluster).every((p) => p.terminating),
      'the pods terminate with their ReplicaSet',
    );
    s.wait(1);
    assert.equal(learnerPods(s.cluster).length, 0, 'and are gone once they have stopped');
    const again = s.run('delete -f deploy.yaml');
    assert.equal(again.stderr, 'Error from server (NotFound): error when deleting "deploy.yaml": deployments.apps "myapp1-deployment" not found\n');
    assert.equal(again.exitCode, 1);
    const quiet = s.run('delete -f deploy.yaml --ignore-not-found');
    assert.equal(quiet.stdout + quiet.stderr, '');
    assert.equal(quiet.exitCode, 0);
  });

  it("strict decoding names an unknown field; a selector that misses the template is the API's Invalid", () => {
    const s = new Session(1, FILES);
    assert.equal(
      s.run('apply -f typo.yaml').stderr,
      'Error from server (BadRequest): error when creating "typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containerz"\n',
    );
    assert.match(
      s.run('apply -f nomatch.yaml').stderr,
      /^The Deployment "myapp1-deployment" is invalid: spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":"other"\}: `selector` does not match template `labels`/,
    );
    assert.equal(deploymentsOf(s.cluster).filter((d) => d.metadata.namespace === 'default').length, 0);
  });
});

describe('a Deployment manifest, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server;
  let kubeconfig = '';
  const dir = tempDir('nodeport-lab-deploy-');

  before(async () => {
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update'];
    const discovery = { v1: [served('pods', 'Pod', ['po'], verbs)], 'apps/v1': [served('deployments', 'Deployment', ['deploy'], verbs)] };
    server = createServer((req, res) => {
      const url = (req.url ?? '').split('?')[0];
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const found = discoveryAt(url ?? '', discovery);
      if (found) return send(200, found);
      const m = /^\/apis\/apps\/v1\/namespaces\/default\/deployments\/([^/]+)$/.exec(url ?? '');
      if (m)
        return send(404, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `deployments.apps "${m[1]}" not found`,
          reason: 'NotFound',
          details: { name: m[1], group: 'apps', kind: 'deployments' },
          code: 404,
        });
      return send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
    });
    kubeconfig = await kubeconfigFor(server);
  });

  after(() => {
    server?.close();
  });

  // --validate=false: this server has no OpenAPI documents for the client to validate against.
  const cases = [
    'create -f deploy.yaml --dry-run=client --validate=false',
    'create -f deploy.yaml --dry-run=client -o name --validate=false',
    'create -f deploy.yaml --dry-run=client -o yaml --validate=false',
    'apply -f deploy.yaml --dry-run=client --validate=false',
    'apply -f deploy.yaml --dry-run=client -o yaml --validate=false',
    'apply -f deploy.yaml --dry-run=client -o json --validate=false',
    'delete -f deploy.yaml',
    'delete -f deploy.yaml --ignore-not-found',
  ];
  for (const line of cases) {
    it(`kubectl ${line}`, async () => {
      const real = await realKubectl(line.split(' '), kubeconfig, dir);
      const sim = new Session(1, FILES).run(line);
      assert.equal(sim.stdout, real.stdout);
      assert.equal(sim.stderr, real.stderr.replace(/^E\d{4} .*\n/gm, ''));
      assert.equal(sim.exitCode === 0, real.code === 0);
    });
  }
});
