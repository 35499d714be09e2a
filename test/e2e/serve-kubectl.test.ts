// Tier: slow
// `nodeport-lab serve` against the real kubectl 1.32 client: each command prints byte for byte
// what the sandbox prints for the same command on the same cluster at the same moment, and the
// node port answers the learner's own HTTP client on 127.0.0.1.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { lectureManifest } from '../helpers/fixtures.js';
import { KUBECTL, realKubectl, type RealRun } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

type Run = RealRun;
const kubectl = realKubectl;

function httpGet(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

describe('serve: the real kubectl against the lab', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const dir = tempDir('nodeport-lab-serve-');
  const files = new Map<string, string>();
  const io: KubectlIO = { readFile: (name: string) => files.get(name) ?? { code: 'ENOENT' } } as unknown as KubectlIO;
  const log: string[] = [];

  before(async () => {
    // The cluster's clock is the test's: kubectl's own notion of "now" only shows in describe's
    // event ages, which these commands do not print.
    server = await startServer({ seed: 7, port: 0, home: dir, clock: () => now, log: (l) => log.push(l) });
    for (const name of ['pod-nodeport-service.yml'] as const) {
      files.set(name, lectureManifest(name));
      writeFileSync(join(dir, name), lectureManifest(name));
    }
    const inOther = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p2\n  namespace: other\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    writeFileSync(join(dir, 'in-other.yml'), inOther);
    files.set('in-other.yml', inOther);
    writeFileSync(join(dir, 'too-low.yml'), lectureManifest('pod-nodeport-service.yml').replace('31231', '29999'));
    files.set('too-low.yml', lectureManifest('pod-nodeport-service.yml').replace('31231', '29999'));
  });

  after(async () => {
    await server?.stop();
  });

  /** Runs a command through the real kubectl and, on the cluster as it was just before, through the sandbox. */
  async function both(line: string): Promise<{ real: Run; sim: Run }> {
    // The server moves its cluster to the clock's time when a request arrives; so does the sandbox.
    const live = server.cluster();
    const before = advanceClock(live, now - live.now);
    const real = await kubectl(line.split(' '), server.kubeconfig, dir);
    const sim = runKubectl(before, line.split(' '), io);
    return { real, sim: { stdout: sim.stdout, stderr: sim.stderr, code: sim.exitCode } };
  }

  const expectSame = async (line: string): Promise<void> => {
    const { real, sim } = await both(line);
    assert.equal(real.stdout, sim.stdout, `stdout of kubectl ${line}`);
    assert.equal(real.stderr.replace(/^Error: /m, 'error: '), sim.stderr, `stderr of kubectl ${line}`);
    assert.equal(real.code, sim.code);
  };

  it('kubeconfig: a context named nodeport-lab on 127.0.0.1', async () => {
    const contexts = await kubectl(['config', 'get-contexts', '-o', 'name'], server.kubeconfig, dir);
    assert.equal(contexts.stdout, 'nodeport-lab\n');
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('get nodes -o wide', () => expectSame('get nodes -o wide'));
  it('run my-first-pod', () => expectSame('run my-first-pod --image stacksimplify/kubenginx:1.0.0'));
  it('get pods (just created)', () => expectSame('get pods'));
  it('get pods -o wide once it runs', async () => {
    now += 30_000;
    await expectSame('get pods -o wide');
  });
  it('expose --type=NodePort', () => expectSame('expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service'));
  it('get svc -o wide', () => expectSame('get svc -o wide'));
  it('get svc my-first-service -o yaml', () => expectSame('get svc my-first-service -o yaml'));
  it('get ep', () => expectSame('get ep'));
  it('logs', () => expectSame('logs my-first-pod'));
  it('apply -f with nodePort 31231, then again (unchanged)', async () => {
    await expectSame('apply -f pod-nodeport-service.yml');
    await expectSame('apply -f pod-nodeport-service.yml');
  });
  it('apply -f with nodePort 29999: the API refuses it with its own message', () => expectSame('apply -f too-low.yml'));
  it('get pods nope: NotFound', () => expectSame('get pods nope'));
  it('create service nodeport (a protobuf body): created, and refused below the range', async () => {
    await expectSame('create service nodeport pinned --tcp=80:8080 --node-port=31000');
    await expectSame('create service nodeport too-low --tcp=80:80 --node-port=29999');
    await expectSame('get svc pinned -o yaml');
  });

  it('the node port answers the learner’s own HTTP client on 127.0.0.1', async () => {
    const svc = await kubectl(['get', 'svc', 'my-first-service', '-o', 'jsonpath={.spec.ports[0].nodePort}'], server.kubeconfig, dir);
    const port = Number(svc.stdout);
    assert.ok(port >= 30000 && port <= 32767, svc.stdout + svc.stderr);
    let answer: Awaited<ReturnType<typeof httpGet>> = { error: 'not tried' };
    for (let i = 0; i < 20; i++) {
      answer = await httpGet(`http://127.0.0.1:${port}/`);
      if ('status' in answer) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok('status' in answer, JSON.stringify(answer) + log.join('\n'));
    assert.equal(answer.status, 200);
    assert.match(answer.body, /Welcome to Stack Simplify/);
  });

  it(
    'a headless browser loads the node port and shows the lecture’s page',
    { skip: CHROMIUM ? false : 'no chromium on this machine (Debian: apt-get install chromium)' },
    async () => {
      const svc = await kubectl(['get', 'svc', 'my-first-service', '-o', 'jsonpath={.spec.ports[0].nodePort}'], server.kubeconfig, dir);
      const profile = tempDir('nodeport-lab-chromium-');
      const dom = await new Promise<string>((resolve) => {
        execFile(
          CHROMIUM ?? 'chromium',
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            `--user-data-dir=${profile}`,
            '--dump-dom',
            `http://127.0.0.1:${svc.stdout}/`,
          ],
          { timeout: 60_000 },
          (_error, stdout) => resolve(stdout),
        );
      });
      assert.match(dom, /<h1>Welcome to Stack Simplify<\/h1>/);
    },
  );

  it('get pods -w: a change arrives', async () => {
    const watch = spawn(KUBECTL ?? 'kubectl', ['get', 'pods', '-w'], { env: { ...process.env, KUBECONFIG: server.kubeconfig } });
    let seen = '';
    watch.stdout.setEncoding('utf8');
    watch.stdout.on('data', (c: string) => (seen += c));
    const waitFor = async (re: RegExp): Promise<void> => {
      for (let i = 0; i < 100 && !re.test(seen); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await waitFor(/my-first-pod/);
    await kubectl(['run', 'second', '--image', 'nginx'], server.kubeconfig, dir);
    await waitFor(/second/);
    watch.kill();
    assert.match(seen, /^second\s+0\/1\s+ContainerCreating/m);
  });

  it('delete pod, then the node port refuses', async () => {
    // kubectl waits until the pod has gone, once its container has stopped: the clock moves on meanwhile.
    const ticking = setInterval(() => {
      now += 250;
    }, 25);
    await expectSame('delete pod my-first-pod').finally(() => clearInterval(ticking));
    const svc = await kubectl(['get', 'svc', 'my-first-service', '-o', 'jsonpath={.spec.ports[0].nodePort}'], server.kubeconfig, dir);
    let answer: Awaited<ReturnType<typeof httpGet>> = { status: 0, body: '' };
    for (let i = 0; i < 20; i++) {
      answer = await httpGet(`http://127.0.0.1:${svc.stdout}/`);
      if ('error' in answer) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(answer, { error: 'ECONNREFUSED' });
  });

  it('namespaces: create ns, run and expose in it, get -A, a missing namespace, delete ns (byte for byte)', async () => {
    const ns = 'nodeport-lab-5';
    await expectSame(`--context nodeport-lab create ns ${ns}`);
    await expectSame(`--context nodeport-lab create ns ${ns}`);
    await expectSame(`label ns ${ns} app.kubernetes.io/managed-by=nodeport-lab`);
    await expectSame('get ns -l app.kubernetes.io/managed-by=nodeport-lab --show-labels');
    await expectSame(`-n ${ns} run web --image=nginx --port=80`);
    await expectSame('run web --image=nginx -n foo');
    await expectSame('get pod web -n foo');
    await expectSame('get pods -n foo');
    now += 30_000;
    await expectSame(`expose pod web --port=80 --type=NodePort -n ${ns}`);
    await expectSame('get pods -A');
    await expectSame('get pods -A -o wide');
    await expectSame('get svc -A');
    await expectSame(`get ep -n ${ns}`);
    await expectSame(`get pod web -n ${ns} -o yaml`);
    await expectSame(`logs web -n ${ns}`);
    await expectSame(`apply -f in-other.yml -n ${ns}`);
    await expectSame(`apply -f in-other.yml`);
    await expectSame('delete ns default');
    // The namespace terminates first (kubectl's default --wait would wait for the namespace
    // controller, whose time here is the test's), then goes on the controller's next pass.
    await expectSame(`delete ns ${ns} --wait=false`);
    await expectSame(`get ns ${ns} -o jsonpath={.status.phase}`);
    await expectSame(`-n ${ns} run late --image=nginx`);
    now += 16_000;
    await expectSame('get pods -A');
    await expectSame(`get pods -n ${ns}`);
  });

  it("kube-system and kube-flannel: the cluster's own pods, kube-dns and its endpoints (byte for byte)", async () => {
    await expectSame('get pods -n kube-system -o wide');
    await expectSame('get pods -n kube-flannel -o json');
    await expectSame('get svc kube-dns -n kube-system -o yaml');
    await expectSame('get ep -n kube-system');
    await expectSame('get pod etcd-control-plane -n kube-system -o yaml');
    await expectSame('get ns');
  });

  it('stop removes the kubeconfig', async () => {
    await server.stop();
    assert.equal(existsSync(server.kubeconfig), false);
  });
});
