// kubectl replace -f of every kind a learner writes (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go):
// a Deployment and a ReplicaSet through the workload routine, a Pod as ValidatePodUpdate
// (pkg/apis/core/validation/validation.go) lets it change, a Namespace's labels
// (pkg/registry/core/namespace/strategy.go), and --force (forceReplace: delete, wait, create).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPod } from '../../../src/core/cluster/index.js';
import { Session } from './helpers.js';

const pod = (labels: string, image: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  labels:\n${labels}\nspec:\n${extra}  containers:\n    - name: c\n      image: ${image}\n`;
const deployment = (replicas: number): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n`;

const files = {
  'pod.yml': pod('    app: p1', 'nginx'),
  'pod-relabelled.yml': pod('    app: p2\n    tier: front', 'nginx:1.27'),
  'pod-never.yml': pod('    app: p1', 'nginx', '  restartPolicy: Never\n'),
  'dep.yml': deployment(2),
  'dep-3.yml': deployment(3),
  'ns.yml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    tier: x\n',
};

describe('kubectl replace -f', () => {
  it('a Deployment: replaced, or NotFound with the file; dry runs keep it; -o name', () => {
    const s = new Session(2, files);
    const missing = s.run('replace -f dep.yml');
    assert.equal(missing.stderr, 'Error from server (NotFound): error when replacing "dep.yml": deployments.apps "web" not found\n');
    assert.equal(s.run('create -f dep.yml').stdout, 'deployment.apps/web created\n');
    assert.equal(s.run('replace -f dep-3.yml --dry-run=server').stdout, 'deployment.apps/web replaced (server dry run)\n');
    assert.equal(s.run('replace -f dep-3.yml --dry-run=client').stdout, 'deployment.apps/web replaced (dry run)\n');
    assert.equal(s.run('get deploy web -o jsonpath={.spec.replicas}').stdout, '2');
    assert.equal(s.run('replace -f dep-3.yml -o name').stdout, 'deployment.apps/web\n');
    assert.equal(s.run('get deploy web -o jsonpath={.spec.replicas}').stdout, '3');
  });

  it('a Pod: labels replaced whole, a new image restarts the container (kuberuntime_manager.go computePodActions)', () => {
    const s = new Session(2, files);
    assert.equal(s.run('replace -f pod.yml').stderr, 'Error from server (NotFound): error when replacing "pod.yml": pods "p1" not found\n');
    s.run('apply -f pod.yml');
    s.wait(10);
    const replaced = s.run('replace -f pod-relabelled.yml');
    assert.equal(replaced.stdout, 'pod/p1 replaced\n');
    const live = findPod(s.cluster, 'p1');
    assert.deepEqual(live?.metadata.labels, { app: 'p2', tier: 'front' });
    // PUT keeps nothing of the old metadata: the last-applied annotation is gone.
    assert.deepEqual(live?.metadata.annotations, {});
    assert.equal(live?.spec.containers[0]?.image, 'nginx:1.27');
    assert.equal(live?.restartCount, 1);
  });

  it('a Pod whose spec changes beyond the images: the 422 with its go-cmp diff', () => {
    const s = new Session(2, files);
    s.run('apply -f pod.yml');
    const refused = s.run('replace -f pod-never.yml');
    assert.equal(refused.exitCode, 1);
    assert.match(refused.stderr, /^The Pod "p1" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
    assert.match(refused.stderr, /\n- \tRestartPolicy: +"Always",\n\+ \tRestartPolicy: +"Never",\n/);
    assert.equal(findPod(s.cluster, 'p1')?.spec.restartPolicy, 'Always');
  });

  it("a Namespace: its labels become the file's, with its name label kept", () => {
    const s = new Session(2, files);
    s.run('create namespace team');
    s.run('label namespace team old=1');
    assert.equal(s.run('replace -f ns.yml').stdout, 'namespace/team replaced\n');
    assert.equal(s.run('get ns team -o jsonpath={.metadata.labels}').stdout, '{"kubernetes.io/metadata.name":"team","tier":"x"}');
  });

  it('--force: deleted, waited for, created; a missing one is no error; no dry run', () => {
    const s = new Session(2, files);
    s.run('apply -f pod.yml');
    s.wait(5);
    const uid = findPod(s.cluster, 'p1')?.metadata.uid;
    const forced = s.run('replace --force -f pod-relabelled.yml');
    assert.equal(forced.stdout, 'pod "p1" deleted\npod/p1 replaced\n');
    assert.notEqual(findPod(s.cluster, 'p1')?.metadata.uid, uid);
    assert.deepEqual(findPod(s.cluster, 'p1')?.metadata.labels, { app: 'p2', tier: 'front' });
    s.run('delete pod p1');
    // delete.go DeleteResult counts the file's object as found even when its DELETE is NotFound.
    assert.equal(s.run('replace --force -f pod.yml -o name').stdout, 'pod/p1\n');
    assert.equal(s.run('replace --force -f pod.yml --dry-run=client').stderr, 'error: --dry-run can not be used when --force is set\n');
    s.run('create -f dep.yml');
    assert.equal(s.run('replace --force -f dep-3.yml').stdout, 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n');
    assert.equal(s.run('get deploy web -o jsonpath={.spec.replicas}').stdout, '3');
  });
});
