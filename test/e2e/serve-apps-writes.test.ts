// Tier: slow
// apps/v1 writes in the lab's API from the real kubectl 1.32: create deployment, scale, set image,
// expose, rollout status, delete of a ReplicaSet and of the deployment print byte for byte what the
// sandbox prints for the same command on the same cluster, and leave the two clusters the same;
// apply -f of a Deployment is created, unchanged, configured; apply, replace and delete -f of a bare
// ReplicaSet, and one the API server refuses, print what the sandbox prints; get deploy -w sees a scale arrive.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock, createCluster, type Cluster } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app1
  labels:
    app: app1
spec:
  replicas: REPLICAS
  selector:
    matchLabels:
      app: app1
  template:
    metadata:
      labels:
        app: app1
    spec:
      containers:
      - name: app1
        image: stacksimplify/kubenginx:1.0.0
        ports:
        - containerPort: 80
`;

describe('serve: apps/v1 writes from the real kubectl', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const dir = tempDir('nodeport-lab-apps-writes-');
  const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;

  before(async () => {
    server = await startServer({ seed: 33, port: 0, home: dir, clock: () => now, cluster: createCluster({ seed: 33, now }), log: () => {} });
  });

  after(async () => {
    await server?.stop();
  });

  const atNow = (cluster: Cluster): Cluster => advanceClock(cluster, now - cluster.now);
  const state = (cluster: Cluster): string => runKubectl(cluster, ['get', 'deploy,rs,pods,svc', '-o', 'wide'], io).stdout;

  /** The real kubectl against the lab, and the sandbox's kubectl on the same cluster: the same answer and the same cluster after. */
  async function expectSame(line: string): Promise<string> {
    const cluster = atNow(server.cluster());
    const args = line.split(' ');
    const sim = runKubectl(cluster, args, io);
    const real = await realKubectl(args, server.kubeconfig, dir);
    assert.equal(real.stdout, sim.stdout, `stdout of kubectl ${line}`);
    assert.equal(real.stderr, sim.stderr, `stderr of kubectl ${line}`);
    assert.equal(real.code, sim.exitCode, `exit code of kubectl ${line}`);
    assert.equal(state(atNow(server.cluster())), state(atNow(sim.cluster)), `the cluster after kubectl ${line}`);
    return real.stdout;
  }

  it('create deployment, again (AlreadyExists), and the deployment as get prints it', async () => {
    assert.equal(await expectSame('create deployment web --image=stacksimplify/kubenginx:1.0.0 --replicas=2'), 'deployment.apps/web created\n');
    await expectSame('create deployment web --image=stacksimplify/kubenginx:1.0.0');
    now += 30_000;
    assert.match(await expectSame('get deploy web'), /^web +2\/2 +2 +2 +30s$/m);
  });

  it('scale through deployments/scale, a missing one, and a negative count', async () => {
    assert.equal(await expectSame('scale deployment web --replicas=3'), 'deployment.apps/web scaled\n');
    await expectSame('scale deployment nope --replicas=1');
    await expectSame('scale deployment web --replicas=-1');
    now += 30_000;
    assert.match(await expectSame('get rs'), /^web-[a-z0-9]+ +3 +3 +3 /m);
  });

  it('set image rolls out; rollout status reads it through a watch; expose deployment', async () => {
    await expectSame('set image deployment/web kubenginx=stacksimplify/kubenginx:2.0.0');
    now += 120_000;
    assert.equal(await expectSame('rollout status deployment/web'), 'deployment "web" successfully rolled out\n');
    assert.equal(await expectSame('expose deployment web --type=NodePort --port=80'), 'service/web exposed\n');
  });

  it('delete a ReplicaSet (the deployment makes another), the deployment, and one that is gone', async () => {
    const rs = runKubectl(atNow(server.cluster()), ['get', 'rs', '-o', 'name'], io).stdout.trim().split('\n')[0] ?? '';
    assert.match(rs, /^replicaset\.apps\/web-/);
    await expectSame(`delete ${rs}`);
    now += 30_000;
    assert.match(await expectSame('delete deployment web'), /^deployment\.apps "web" deleted\n$/);
    await expectSame('delete deployment web');
    await expectSame('get deploy,rs');
  });

  it('apply -f a Deployment: created, unchanged, configured (its replicas), then delete -f', async () => {
    const file = join(dir, 'app1.yaml');
    writeFileSync(file, DEPLOYMENT.replace('REPLICAS', '2'));
    const apply = async (): Promise<string> => {
      const r = await realKubectl(['apply', '-f', file], server.kubeconfig, dir);
      assert.equal(r.stderr, '');
      return r.stdout;
    };
    assert.equal(await apply(), 'deployment.apps/app1 created\n');
    assert.equal(await apply(), 'deployment.apps/app1 unchanged\n');
    writeFileSync(file, DEPLOYMENT.replace('REPLICAS', '4'));
    assert.equal(await apply(), 'deployment.apps/app1 configured\n');
    now += 30_000;
    assert.match(await expectSame('get deploy app1'), /^app1 +4\/4 +4 +4 /m);
    const gone = await realKubectl(['delete', '-f', file], server.kubeconfig, dir);
    assert.equal(gone.stdout, 'deployment.apps "app1" deleted\n');
    await expectSame('get deploy app1');
  });

  it('a bare ReplicaSet with -f: apply created, unchanged, configured; refused; replaced; deleted', async () => {
    const files: KubectlIO = {
      readFile: (name: string) => {
        try {
          return readFileSync(join(dir, name), 'utf8');
        } catch {
          return { error: 'not-found' };
        }
      },
    };
    const same = async (line: string): Promise<string> => {
      const cluster = atNow(server.cluster());
      const args = line.split(' ');
      const sim = runKubectl(cluster, args, files);
      const real = await realKubectl(args, server.kubeconfig, dir);
      assert.equal(real.stdout, sim.stdout, `stdout of kubectl ${line}`);
      assert.equal(real.stderr, sim.stderr, `stderr of kubectl ${line}`);
      assert.equal(state(atNow(server.cluster())), state(atNow(sim.cluster)), `the cluster after kubectl ${line}`);
      return real.stdout;
    };
    const rs = DEPLOYMENT.replace('kind: Deployment', 'kind: ReplicaSet').replace('name: app1\n', 'name: front\n');
    writeFileSync(join(dir, 'front.yaml'), rs.replace('REPLICAS', '2'));
    writeFileSync(join(dir, 'front3.yaml'), rs.replace('REPLICAS', '3'));
    writeFileSync(join(dir, 'front-bad.yaml'), rs.replace('REPLICAS', '-1').replace('name: front\n', 'name: front-bad\n'));
    assert.equal(await same('apply -f front.yaml'), 'replicaset.apps/front created\n');
    assert.equal(await same('apply -f front.yaml'), 'replicaset.apps/front unchanged\n');
    assert.equal(await same('apply -f front3.yaml'), 'replicaset.apps/front configured\n');
    await same('apply -f front-bad.yaml');
    now += 30_000;
    assert.match(await same('get rs front'), /^front +3 +3 +3 /m);
    assert.equal(await same('replace -f front.yaml'), 'replicaset.apps/front replaced\n');
    assert.equal(await same('delete -f front.yaml'), 'replicaset.apps "front" deleted\n');
  });

  it('get deploy -w: a scale arrives as a new row', async () => {
    await expectSame('create deployment watched --image=nginx');
    const watch = spawn(KUBECTL ?? 'kubectl', ['get', 'deploy', '-w'], { env: { ...process.env, KUBECONFIG: server.kubeconfig } });
    let seen = '';
    watch.stdout.setEncoding('utf8');
    watch.stdout.on('data', (c: string) => (seen += c));
    const waitFor = async (re: RegExp): Promise<void> => {
      for (let i = 0; i < 100 && !re.test(seen); i++) await new Promise((r) => setTimeout(r, 50));
    };
    const listed = runKubectl(atNow(server.cluster()), ['get', 'deploy'], io).stdout;
    await waitFor(/^watched /m);
    const first = seen;
    await realKubectl(['scale', 'deploy', 'watched', '--replicas=2'], server.kubeconfig, dir);
    await waitFor(/^watched +0\/2 /m);
    watch.kill();
    // The watch's first rows are the list the sandbox prints; the scale follows as a row of its own.
    assert.equal(first, listed);
    assert.match(seen.slice(first.length), /^watched +0\/2 /m);
  });
});
