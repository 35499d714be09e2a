// Small fidelity details, each checked against the kubectl or Kubernetes source named.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Session } from './helpers.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';

describe('kubectl details', () => {
  it('delete --force warns first and says `force deleted` (kubectl/pkg/cmd/delete/delete.go RunDelete, PrintObj)', () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    const r = s.run('delete pod web --force');
    assert.equal(r.stdout, 'pod "web" force deleted\n');
    assert.equal(
      r.stderr,
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    assert.equal(r.exitCode, 0);
    s.run('run web2 --image=nginx');
    assert.equal(s.run('delete pod web2 --grace-period=0').stdout, 'pod "web2" deleted\n', '--grace-period=0 without --force becomes 1');
  });

  it('delete --ignore-not-found: nothing to say, status 0 (delete.go)', () => {
    const s = new Session(1);
    const r = s.run('delete pod nope --ignore-not-found');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', '', 0]);
    assert.equal(s.run('delete pod nope').stderr, 'Error from server (NotFound): pods "nope" not found\n');
  });

  it('apply --server-side says serverside-applied (kubectl/pkg/cmd/apply/apply.go)', () => {
    const s = new Session(1, { 'p.yaml': POD });
    assert.equal(s.run('apply --server-side -f p.yaml').stdout, 'pod/web serverside-applied\n');
    assert.equal(s.run('apply --server-side -f p.yaml').stdout, 'pod/web serverside-applied\n');
  });

  it("changing a running pod's image restarts its container: RESTARTS 1, Killing event, Last State (kuberuntime_manager.go computePodActions)", () => {
    const s = new Session(1, { 'p.yaml': POD, 'p2.yaml': POD.replace('nginx:1.27', 'nginx:1.26') });
    s.run('apply -f p.yaml');
    s.wait(20);
    assert.equal(s.run('apply -f p2.yaml').stdout, 'pod/web configured\n');
    s.wait(20);
    assert.match(s.run('get pod web').stdout, /web +1\/1 +Running +1 \(20s ago\) +40s/);
    const described = s.run('describe pod web').stdout;
    assert.match(described, /Last State: +Terminated\n +Reason: +Completed\n +Exit Code: +0\n/);
    assert.match(described, /Restart Count: +1\n/);
    assert.match(described, /Killing +20s +kubelet +Container web definition changed, will be restarted/);
    assert.match(s.run('logs web').stdout, /\[notice\] 1#1: nginx\/1.26.3/);
  });

  it('logs of a pod whose image cannot be pulled (pkg/kubelet/kubelet_pods.go validateContainerLogStatus)', () => {
    const s = new Session(1);
    s.run('run typo --image=stacksimplfy/kubenginx:1.0.0');
    s.wait(3);
    assert.equal(s.run('logs typo').stderr, 'Error from server (BadRequest): container "typo" in pod "typo" is waiting to start: image can\'t be pulled\n');
    s.wait(10);
    assert.equal(
      s.run('logs typo').stderr,
      'Error from server (BadRequest): container "typo" in pod "typo" is waiting to start: trying and failing to pull image\n',
    );
  });

  it('known images pull, unknown repositories and tags do not (the lecture course images; Docker Hub tags)', () => {
    const s = new Session(1);
    const images = {
      ok: ['nginx', 'nginx:1.27', 'nginx:alpine', 'stacksimplify/kubenginx:1.0.0', 'stacksimplify/kubenginx:4.0.0', 'busybox', 'curlimages/curl:8.11.1'],
      bad: ['stacksimplfy/kubenginx:1.0.0', 'stacksimplify/kubenginx:5.0.0', 'nginx:1.99', 'ngnix'],
    };
    [...images.ok, ...images.bad].forEach((image, i) => s.run(`run p${i} --image=${image}`));
    s.wait(12);
    const table = s.run('get pods').stdout;
    // busybox's and curl's commands end at once: pulled, they run, exit and are restarted (crash-loop.ts).
    images.ok.forEach((image, i) =>
      assert.match(table, new RegExp(`^p${i} +${/busybox|curl/.test(image) ? '0/1 +(CrashLoopBackOff|Completed|Error)' : '1/1 +Running'}`, 'm'), image),
    );
    images.bad.forEach((image, i) => assert.match(table, new RegExp(`^p${images.ok.length + i} +0/1 +(ErrImagePull|ImagePullBackOff)`, 'm'), image));
  });
});
