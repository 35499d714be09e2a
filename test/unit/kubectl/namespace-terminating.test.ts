// Deleting a namespace: the registry marks it (deletionTimestamp, phase Terminating), the namespace
// controller deletes its content and reports it in its conditions
// (pkg/controller/namespace/deletion/status_condition_utils.go), pods go gracefully, and the
// namespace goes on the controller's next pass, estimate/2 + 1 seconds later
// (pkg/controller/namespace/namespace_controller.go). Meanwhile NamespaceLifecycle admission refuses
// new content (staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go)
// and a create of the namespace itself is "object is being deleted"
// (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go). kubectl delete waits by
// default (--wait=true), so virtual time passes until the namespace is gone.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { createCluster, DEFAULT_START, findNamespace } from '../../../src/core/cluster/index.js';
import { apiRequest } from '../../helpers/api-request.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: late',
  '  namespace: shop',
  'spec:',
  '  containers:',
  '  - name: web',
  '    image: nginx',
  '',
].join('\n');

function shopWithPods(): Session {
  const s = new Session(1, { 'p.yaml': POD });
  s.run('create ns shop');
  s.run('run web --image=nginx -n shop');
  s.run('create deployment d --image=nginx --replicas=2 -n shop');
  s.run('expose pod web --port=80 -n shop');
  s.wait(10);
  return s;
}

describe('kubectl delete namespace: Terminating, then gone', () => {
  it('--wait=false returns at once: the namespace is Terminating, its pods too, its services and deployments already gone', () => {
    const s = shopWithPods();
    const before = s.cluster.now;
    assert.equal(s.run('delete ns shop --wait=false').stdout, 'namespace "shop" deleted\n');
    assert.equal(s.cluster.now, before, 'no virtual time passes');
    assert.match(s.run('get ns').stdout, /\nshop +Terminating +10s\n/);
    const pods = s.run('get pods -n shop').stdout.split('\n').slice(1, -1);
    assert.equal(pods.length, 3);
    for (const line of pods) assert.match(line, / Terminating /);
    assert.equal(s.run('get svc,deploy,rs -n shop').stderr, 'No resources found in shop namespace.\n');
    const yaml = s.run('get ns shop -o yaml').stdout;
    assert.match(yaml, /\n {2}deletionTimestamp: "2025-03-01T09:00:10Z"\n/);
    assert.match(yaml, /\n {2}phase: Terminating\n/);
    assert.match(
      yaml,
      /message: 'Some resources are remaining: pods\. has 3 resource instances'\n {4}reason: SomeResourcesRemain\n {4}status: "True"\n {4}type: NamespaceContentRemaining\n/,
    );
    assert.match(s.run('get pod web -n shop -o yaml').stdout, /\n {2}deletionGracePeriodSeconds: 30\n {2}deletionTimestamp: "2025-03-01T09:00:40Z"\n/);
  });

  it('describe pod of a terminating pod: "Terminating (lasts ...)" and its grace period (describe.go describePod)', () => {
    const s = shopWithPods();
    s.run('delete ns shop --wait=false');
    const described = s.run('describe pod web -n shop').stdout;
    // deletionTimestamp is the delete plus the 30 s grace period; translateTimestampUntil counts down to it.
    assert.match(described, /\nStatus: +Terminating \(lasts 30s\)\nTermination Grace Period: +30s\nIP: /);
    assert.doesNotMatch(described, /\nStatus: +Running\n/);
  });

  it('the terminating namespace refuses new content with the admission Forbidden error, and its own re-creation', () => {
    const s = shopWithPods();
    s.run('delete ns shop --wait=false');
    const tail = 'is forbidden: unable to create new content in namespace shop because it is being terminated\n';
    assert.equal(s.run('run x --image=nginx -n shop').stderr, `Error from server (Forbidden): pods "x" ${tail}`);
    // create deployment wraps the API's error (kubectl/pkg/cmd/create/create_deployment.go).
    assert.equal(s.run('create deployment y --image=nginx -n shop').stderr, `error: failed to create deployment: deployments.apps "y" ${tail}`);
    assert.equal(s.run('apply -f p.yaml').stderr, `Error from server (Forbidden): error when creating "p.yaml": pods "late" ${tail}`);
    assert.equal(s.run('create ns shop').stderr, 'Error from server (AlreadyExists): object is being deleted: namespaces "shop" already exists\n');
  });

  it("describe shows the controller's conditions (describe.go describeNamespace)", () => {
    const s = shopWithPods();
    s.run('delete ns shop --wait=false');
    const described = s.run('describe ns shop').stdout;
    assert.match(described, /\nStatus: +Terminating\nConditions:\n {2}Type +Status +LastTransitionTime +Reason +Message\n {2}----/);
    assert.match(
      described,
      /\n {2}NamespaceContentRemaining +True +Sat, 01 Mar 2025 09:00:10 \+0000 +SomeResourcesRemain +Some resources are remaining: pods\. has 3 resource instances\n/,
    );
    assert.match(described, /\n {2}NamespaceFinalizersRemaining +False +Sat, 01 Mar 2025 09:00:10 \+0000 +ContentRemoved +All content successfully removed\n/);
  });

  it("pods go when their containers stop; the namespace on the controller's next pass (30s grace: 16s)", () => {
    const s = shopWithPods();
    s.run('delete ns shop --wait=false');
    s.wait(1);
    assert.equal(s.run('get pods -n shop').stderr, 'No resources found in shop namespace.\n');
    assert.match(s.run('get ns shop').stdout, /Terminating/);
    s.wait(14);
    assert.match(s.run('get ns shop').stdout, /Terminating/);
    s.wait(1);
    assert.equal(s.run('get ns shop').stderr, 'Error from server (NotFound): namespaces "shop" not found\n');
    assert.equal(s.run('create ns shop').stdout, 'namespace/shop created\n');
  });

  it('a plain delete waits until the namespace is gone: the virtual clock moves on', () => {
    const s = shopWithPods();
    const before = s.cluster.now;
    assert.equal(s.run('delete ns shop').stdout, 'namespace "shop" deleted\n');
    assert.equal(s.cluster.now - before, 16_000);
    assert.equal(findNamespace(s.cluster, 'shop'), undefined);
    assert.equal(s.run('get pods -A').stdout.includes('shop'), false);
    // An empty namespace goes on the controller's first pass.
    s.run('create ns empty');
    const at = s.cluster.now;
    s.run('delete ns empty');
    assert.equal(s.cluster.now - at, 1_000);
    assert.equal(findNamespace(s.cluster, 'empty'), undefined);
  });

  it('the built-in namespaces stay immortal', () => {
    const s = new Session(1);
    assert.equal(
      s.run('delete ns kube-system').stderr,
      'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n',
    );
  });
});

describe('a terminating namespace in the lab API', () => {
  it('DELETE answers it marked Terminating; a create in it is 403 Forbidden; it goes as the clock moves', () => {
    let cluster = createCluster({ seed: 1 });
    cluster = handle(
      cluster,
      apiRequest('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })),
    ).cluster;
    const deleted = handle(cluster, apiRequest('DELETE', '/api/v1/namespaces/shop'));
    assert.equal(deleted.response.status, 200);
    const body = JSON.parse(deleted.response.body) as { metadata: { deletionTimestamp?: string }; status: { phase: string } };
    assert.equal(body.status.phase, 'Terminating');
    assert.equal(body.metadata.deletionTimestamp, '2025-03-01T09:00:00Z');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x', image: 'nginx' }] } };
    const refused = handle(deleted.cluster, apiRequest('POST', '/api/v1/namespaces/shop/pods', JSON.stringify(pod)));
    assert.equal(refused.response.status, 403);
    assert.match(refused.response.body, /pods \\"x\\" is forbidden: unable to create new content in namespace shop because it is being terminated/);
  });
});

describe('a terminating namespace, printed by the real kubectl 1.32 from the lab', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  const dir = tempDir('nodeport-lab-ns-terminating-');
  before(async () => {
    // The lab's clock stands still at the sandbox's start, so both clusters are the same one.
    server = await startServer({ seed: 1, port: 0, home: dir, log: () => undefined, clock: () => DEFAULT_START });
  });
  after(async () => {
    await server?.stop();
  });
  it('delete --wait=false, then the namespace, a refused create and describe agree line for line', async () => {
    const file = join(dir, 'late.yaml');
    writeFileSync(file, POD);
    const sandbox = new Session(1, { [file]: POD });
    const lines = [
      'create ns shop',
      'run web --image=nginx -n shop',
      'delete ns shop --wait=false',
      'get ns shop -o yaml',
      'describe ns shop',
      'run x --image=nginx -n shop',
      `apply -f ${file}`,
      'create ns shop',
      'get ns shop -o custom-columns=NAME:.metadata.name,PHASE:.status.phase',
    ];
    // The lab serves no resourcequotas or limitranges, so the real describe leaves out what a real
    // cluster (and the sandbox) prints of them: compare up to there.
    const quotaFree = (text: string): string => text.split('\nNo resource quota.')[0]?.trimEnd() ?? '';
    for (const line of lines) {
      const real = await realKubectl(line.split(' '), server.kubeconfig);
      const sim = sandbox.run(line);
      assert.equal(quotaFree(sim.stdout), quotaFree(real.stdout), line);
      assert.equal(sim.stderr, real.stderr, line);
    }
  });
});
