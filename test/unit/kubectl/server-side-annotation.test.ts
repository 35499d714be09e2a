// `kubectl apply --server-side` leaves kubectl.kubernetes.io/last-applied-configuration alone: it
// adds none (the API server's field manager tracks what was applied), and when a client-side apply
// left one before, the server keeps it up to date for the `kubectl` manager
// (apimachinery pkg/util/managedfields/internal/lastappliedupdater.go). A later client-side apply
// of an object made server-side therefore finds no annotation: kubectl warns that it is missing,
// patches it in and says "configured" (kubectl/pkg/cmd/apply/apply.go, warningNoLastAppliedConfigAnnotation).
// The sandbox and the lab API do the same, and the real kubectl 1.32 against the lab prints what
// the sandbox prints.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { createCluster, findDeployment, findPod, LAST_APPLIED_ANNOTATION } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

const pod = (label: string): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    '  labels:',
    `    app: ${label}`,
    'spec:',
    '  containers:',
    '  - name: web',
    '    image: nginx:1.27',
    '',
  ].join('\n');

const deployment = (replicas: number): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: shop',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    '      app: shop',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: shop',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    '        image: nginx:1.27',
    '',
  ].join('\n');

const WARNING = /^Warning: resource pods\/web is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/;

describe('apply --server-side and the last-applied annotation, in the sandbox', () => {
  it('a pod made server-side has no annotation; a client-side apply after it warns, adds it and says configured', () => {
    const s = new Session(1, { 'p.yaml': pod('web') });
    assert.equal(s.run('apply --server-side -f p.yaml').stdout, 'pod/web serverside-applied\n');
    assert.equal(findPod(s.cluster, 'web')?.metadata.annotations[LAST_APPLIED_ANNOTATION], undefined);
    assert.equal(s.run('get pod web -o yaml').stdout.includes('last-applied-configuration'), false);
    const again = s.run('apply --server-side -f p.yaml');
    assert.equal(again.stderr, '', 'server-side apply never warns of the annotation');
    const client = s.run('apply -f p.yaml');
    assert.match(client.stderr, WARNING);
    assert.equal(client.stdout, 'pod/web configured\n');
    assert.match(findPod(s.cluster, 'web')?.metadata.annotations[LAST_APPLIED_ANNOTATION] ?? '', /"app":"web"/);
    assert.equal(s.run('apply -f p.yaml').stdout, 'pod/web unchanged\n');
  });

  it('after a client-side apply, a server-side apply keeps the annotation and brings it up to date', () => {
    const s = new Session(1, { 'a.yaml': pod('web'), 'b.yaml': pod('shop') });
    s.run('apply -f a.yaml');
    assert.equal(s.run('apply --server-side -f b.yaml').stdout, 'pod/web serverside-applied\n');
    const annotation = findPod(s.cluster, 'web')?.metadata.annotations[LAST_APPLIED_ANNOTATION] ?? '';
    assert.match(annotation, /"app":"shop"/);
    assert.doesNotMatch(annotation, /"app":"web"/);
    // The client-side apply of the same manifest then finds nothing to change.
    const client = s.run('apply -f b.yaml');
    assert.equal(client.stdout, 'pod/web unchanged\n');
    assert.equal(client.stderr, '');
  });

  it('a Deployment made server-side has no annotation either, and its client-side apply warns', () => {
    const s = new Session(1, { 'd.yaml': deployment(2) });
    assert.equal(s.run('apply --server-side -f d.yaml').stdout, 'deployment.apps/shop serverside-applied\n');
    assert.equal(findDeployment(s.cluster, 'shop')?.metadata.annotations[LAST_APPLIED_ANNOTATION], undefined);
    const client = s.run('apply -f d.yaml');
    assert.match(client.stderr, /^Warning: resource deployments\/shop is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/);
    assert.equal(client.stdout, 'deployment.apps/shop configured\n');
    assert.notEqual(findDeployment(s.cluster, 'shop')?.metadata.annotations[LAST_APPLIED_ANNOTATION], undefined);
  });

  it('a client dry run of a new object server-side prints it without the annotation', () => {
    const s = new Session(1, { 'p.yaml': pod('web') });
    const out = s.run('apply --server-side --dry-run=client -f p.yaml -o yaml').stdout;
    assert.match(out, /name: web/);
    assert.equal(out.includes('last-applied-configuration'), false);
  });
});

describe('apply --server-side and the last-applied annotation, in the lab API', () => {
  const ssa = (path: string, body: string) => ({
    method: 'PATCH',
    path,
    query: new Map([['fieldManager', 'kubectl']]),
    accept: 'application/json',
    contentType: 'application/apply-patch+yaml',
    body,
  });
  it('creates a pod and a deployment with no annotation', () => {
    const first = handle(createCluster({ seed: 1 }), ssa('/api/v1/namespaces/default/pods/web', pod('web')));
    assert.equal(first.response.status, 201, first.response.body);
    assert.equal(findPod(first.cluster, 'web')?.metadata.annotations[LAST_APPLIED_ANNOTATION], undefined);
    assert.equal(first.response.body.includes('last-applied-configuration'), false);
    const second = handle(first.cluster, ssa('/apis/apps/v1/namespaces/default/deployments/shop', deployment(2)));
    assert.equal(second.response.status, 201, second.response.body);
    assert.equal(findDeployment(second.cluster, 'shop')?.metadata.annotations[LAST_APPLIED_ANNOTATION], undefined);
  });
});

describe('kubectl apply --server-side, then apply, against the lab: as in the sandbox', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  const dir = tempDir('nodeport-lab-ssa-annotation-');
  before(async () => {
    server = await startServer({ seed: 4, port: 0, home: dir, log: () => undefined });
  });
  after(async () => {
    await server?.stop();
  });
  it('the same lines, the missing-annotation warning included', async () => {
    const files: Record<string, string> = {};
    const sandbox = new Session(4, files);
    const steps: [string[], string][] = [
      [['apply', '--server-side'], pod('web')],
      [['apply'], pod('web')],
      [['apply', '--server-side'], pod('shop')],
      [['apply'], pod('shop')],
      [['apply', '--server-side'], deployment(2)],
      [['apply'], deployment(2)],
    ];
    for (const [i, [verb, text]] of steps.entries()) {
      const file = join(dir, `step-${i}.yaml`);
      writeFileSync(file, text);
      files[file] = text;
      const real = await realKubectl([...verb, '-f', file], server.kubeconfig);
      const sim = sandbox.run(`${verb.join(' ')} -f ${file}`);
      assert.equal(sim.stdout, real.stdout, `step ${i}`);
      assert.equal(sim.stderr, real.stderr, `step ${i}`);
    }
    const annotation = await realKubectl(
      ['get', 'pod', 'web', '-o', `jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}`],
      server.kubeconfig,
    );
    assert.match(annotation.stdout, /"app":"shop"/);
  });
});
