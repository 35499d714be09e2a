// kubectl delete pod on Kubernetes 1.32: the pod registry gives the DELETE its grace period
// (pkg/registry/core/pod/strategy.go CheckGracefulDelete), marks the pod with deletionTimestamp and
// deletionGracePeriodSeconds (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete),
// the kubelet stops its container ("Killing"), and the pod goes once it has stopped. kubectl waits
// for that by default (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go, --wait=true), and its
// ReplicaSet makes a replacement at once (pkg/controller/replicaset, controller.FilterActivePods).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { createCluster, DEFAULT_START, endpointsFor, findPod } from '../../../src/core/cluster/index.js';
import { apiRequest } from '../../helpers/api-request.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

function runningPod(): Session {
  const s = new Session(1);
  s.run('run web --image=nginx --port=80 -l app=web');
  s.run('expose pod web --port=80 --type=NodePort');
  s.wait(10);
  return s;
}

const rows = (s: Session, line: string): string[] => s.run(line).stdout.split('\n').slice(1, -1);

describe('kubectl delete pod: Terminating, then gone', () => {
  it('--wait=false: the pod is Terminating with its 30 s grace period, and no endpoint', () => {
    const s = runningPod();
    const at = s.cluster.now;
    assert.equal(s.run('delete pod web --wait=false').stdout, 'pod "web" deleted\n');
    assert.equal(s.cluster.now, at, 'no virtual time passes');
    assert.match(s.run('get pods').stdout, /\nweb +1\/1 +Terminating +0 +10s\n/);
    const yaml = s.run('get pod web -o yaml').stdout;
    assert.match(yaml, /\n {2}deletionGracePeriodSeconds: 30\n {2}deletionTimestamp: "2025-03-01T09:00:40Z"\n/);
    assert.match(s.run('describe pod web').stdout, /\nStatus: +Terminating \(lasts 30s\)\nTermination Grace Period: +30s\n/);
    assert.match(s.run('describe pod web').stdout, /Normal +Killing +0s +kubelet +Stopping container web\n/);
    const service = s.cluster.services.find((x) => x.metadata.name === 'web');
    assert.ok(service);
    assert.deepEqual(endpointsFor(s.cluster, service).subsets, []);
    s.wait(1);
    assert.equal(s.run('get pods').stderr, 'No resources found in default namespace.\n');
  });

  it('a plain delete waits until the container has stopped: the virtual clock moves on, the pod is gone', () => {
    const s = runningPod();
    const at = s.cluster.now;
    assert.equal(s.run('delete pod web').stdout, 'pod "web" deleted\n');
    assert.equal(s.cluster.now - at, 1_000);
    assert.equal(findPod(s.cluster, 'web'), undefined);
    assert.equal(s.run('get pods').stderr, 'No resources found in default namespace.\n');
  });

  it('--grace-period and --now set the grace period; --force deletes at once after its warning', () => {
    const s = runningPod();
    s.run('delete pod web --grace-period=5 --wait=false');
    assert.match(s.run('get pod web -o yaml').stdout, /\n {2}deletionGracePeriodSeconds: 5\n {2}deletionTimestamp: "2025-03-01T09:00:15Z"\n/);
    // A second delete may shorten the grace period, never lengthen it.
    s.run('delete pod web --wait=false');
    assert.match(s.run('get pod web -o yaml').stdout, /deletionGracePeriodSeconds: 5\n/);
    s.run('delete pod web --now --wait=false');
    assert.match(s.run('get pod web -o yaml').stdout, /\n {2}deletionGracePeriodSeconds: 1\n {2}deletionTimestamp: "2025-03-01T09:00:11Z"\n/);
    const forced = s.run('delete pod web --force');
    assert.equal(
      forced.stderr,
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    assert.equal(forced.stdout, 'pod "web" force deleted\n');
    assert.equal(findPod(s.cluster, 'web'), undefined);
  });

  it('a pod no node has taken goes at once (no grace period)', () => {
    const s = new Session(1);
    // Nodes with no room left: the new pod waits for one.
    s.cluster = { ...s.cluster, nodes: s.cluster.nodes.map((n) => ({ ...n, status: { ...n.status, allocatable: { ...n.status.allocatable, pods: '0' } } })) };
    s.run('run big --image=nginx');
    s.wait(5);
    assert.match(s.run('get pods').stdout, /\nbig +0\/1 +Pending/);
    const at = s.cluster.now;
    assert.equal(s.run('delete pod big').stdout, 'pod "big" deleted\n');
    assert.equal(s.cluster.now, at, 'nothing to wait for');
    assert.equal(findPod(s.cluster, 'big'), undefined);
  });

  it("a Deployment's pod: its ReplicaSet replaces it at once, while it is still Terminating", () => {
    const s = new Session(1);
    s.run('create deployment d --image=nginx --replicas=2');
    s.wait(20);
    const [first = ''] = rows(s, 'get pods').map((r) => r.split(/ +/)[0] ?? '');
    s.run(`delete pod ${first} --wait=false`);
    const after = rows(s, 'get pods');
    assert.equal(after.length, 3);
    assert.match(after.find((r) => r.startsWith(first)) ?? '', / Terminating /);
    assert.equal(after.filter((r) => / (ContainerCreating|Pending) /.test(r)).length, 1);
    assert.match(s.run('describe rs').stdout, /SuccessfulCreate +0s +replicaset-controller +Created pod: d-/);
    s.wait(30);
    assert.equal(rows(s, 'get pods').length, 2);
    for (const r of rows(s, 'get pods')) assert.match(r, / 1\/1 +Running /);
  });

  it('delete pods --all and -l mark every pod they list', () => {
    const s = runningPod();
    s.run('run other --image=nginx -l app=other');
    s.wait(10);
    assert.equal(s.run('delete pods -l app=other --wait=false').stdout, 'pod "other" deleted\n');
    assert.match(s.run('get pods').stdout, /\nother +1\/1 +Terminating/);
    assert.equal(s.run('delete pods --all').stdout, 'pod "other" deleted\npod "web" deleted\n');
    assert.equal(s.run('get pods').stderr, 'No resources found in default namespace.\n');
  });
});

describe("a pod's DELETE in the lab API", () => {
  it('answers the pod marked with its deletionTimestamp and the grace period the DeleteOptions gave', () => {
    let cluster = createCluster({ seed: 1 });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x', image: 'nginx' }] } };
    cluster = handle(cluster, apiRequest('POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod))).cluster;
    const deleted = handle(
      cluster,
      apiRequest('DELETE', '/api/v1/namespaces/default/pods/x', JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 7 })),
    );
    assert.equal(deleted.response.status, 200);
    const body = JSON.parse(deleted.response.body) as { metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number } };
    assert.equal(body.metadata.deletionTimestamp, '2025-03-01T09:00:07Z');
    assert.equal(body.metadata.deletionGracePeriodSeconds, 7);
    assert.ok(findPod(deleted.cluster, 'x')?.terminating);
  });
});

describe('a terminating pod, printed by the real kubectl 1.32 from the lab', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  const dir = tempDir('nodeport-lab-pod-terminating-');
  before(async () => {
    // The lab's clock stands still at the sandbox's start, so both clusters are the same one.
    server = await startServer({ seed: 1, port: 0, home: dir, log: () => undefined, clock: () => DEFAULT_START });
  });
  after(async () => {
    await server?.stop();
  });
  it('delete --wait=false, then get, -o yaml and describe agree line for line', async () => {
    const sandbox = new Session(1);
    const lines = [
      'run web --image=nginx',
      'delete pod web --grace-period=20 --wait=false',
      'get pods',
      'get pod web -o yaml',
      'describe pod web',
      'delete pod web --wait=false',
      'get pod web -o custom-columns=NAME:.metadata.name,GRACE:.metadata.deletionGracePeriodSeconds,AT:.metadata.deletionTimestamp',
    ];
    // The real describe counts ages and "lasts" from the wall clock, the lab's from its own: compare the rest.
    const clockFree = (text: string): string => {
      const [head = '', events = ''] = text.replace(/\(lasts [^)]+\)/, '(lasts)').split('\nEvents:');
      return `${head}\nEvents:${events.replace(/^( {2}Normal +\w+ +)\S+/gm, '$1').replace(/ {2,}/g, ' ')}`;
    };
    for (const line of lines) {
      const real = await realKubectl(line.split(' '), server.kubeconfig);
      const sim = sandbox.run(line);
      assert.equal(clockFree(sim.stdout), clockFree(real.stdout), line);
      assert.equal(sim.stderr, real.stderr, line);
    }
  });
});
