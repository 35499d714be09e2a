// kubectl port-forward against the lab's API with the real kubectl 1.32 (SPDY/3.1 tunnelled over a
// WebSocket, and plain SPDY with KUBECTL_PORT_FORWARD_WEBSOCKETS=false): to a pod, a service and a
// deployment, then the real curl gets the pod's nginx page, as the sandbox's own port-forward and
// curl get it, and the request lands in `kubectl logs`; a second connection; Ctrl-C; a port
// nothing listens on answers with the kubelet's error stream; a pod not running is refused by
// kubectl as the sandbox's port-forward refuses it.

import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock, createCluster, type Cluster } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { curl as sandboxCurl } from '../../src/core/shell/curl.js';
import { portForward } from '../../src/core/shell/port-forward.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

const CURL = ['/usr/bin/curl', '/usr/local/bin/curl'].find((p) => existsSync(p));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function curl(args: readonly string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(CURL ?? 'curl', ['-sS', '-m', '5', ...args], (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error && typeof error.code === 'number' ? error.code : error ? 1 : 0 });
    });
  });
}

interface Forward {
  readonly child: ChildProcess;
  readonly out: () => string;
  readonly err: () => string;
  readonly exited: Promise<number>;
}

const waitFor = async (done: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(done(), `waited for ${what}`);
};

describe(
  'serve: kubectl port-forward from the real kubectl',
  { skip: !KUBECTL ? 'no kubectl 1.32 client on this machine' : !CURL ? 'no curl on this machine' : false },
  () => {
    let server: RunningServer;
    let now = Date.UTC(2026, 0, 1, 9, 0, 0);
    const dir = tempDir('nodeport-lab-forward-');
    const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;
    const forwards: ChildProcess[] = [];
    const log: string[] = [];

    before(async () => {
      server = await startServer({ seed: 43, port: 0, home: dir, clock: () => now, cluster: createCluster({ seed: 43, now }), log: (line) => log.push(line) });
      await realKubectl(['run', 'web', '--image=stacksimplify/kubenginx:1.0.0'], server.kubeconfig, dir);
      await realKubectl(['run', 'pending', '--image=nginx:no-such-tag'], server.kubeconfig, dir);
      await realKubectl(['create', 'deployment', 'app', '--image=nginx', '--replicas=2'], server.kubeconfig, dir);
      now += 60_000;
    });

    after(async () => {
      for (const child of forwards) child.kill('SIGKILL');
      await server?.stop();
    });

    const atNow = (cluster: Cluster): Cluster => advanceClock(cluster, now - cluster.now);

    /** Starts the real kubectl port-forward and waits for its "Forwarding from" lines. */
    async function forward(args: readonly string[], env: Record<string, string> = {}): Promise<Forward> {
      const child = spawn(KUBECTL ?? 'kubectl', ['port-forward', ...args], { env: { ...process.env, KUBECONFIG: server.kubeconfig, ...env } });
      forwards.push(child);
      let out = '';
      let err = '';
      child.stdout?.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
      const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
      await waitFor(() => out.includes('Forwarding from [::1]') || child.exitCode !== null, 'kubectl to listen');
      return { child, out: () => out, err: () => err, exited };
    }

    it('pod/web: the real curl gets the page the pod serves, and the request lands in kubectl logs', async () => {
      const local = await freePort();
      const pf = await forward(['pod/web', `${local}:80`]);
      assert.equal(pf.out(), `Forwarding from 127.0.0.1:${local} -> 80\nForwarding from [::1]:${local} -> 80\n`);
      // The sandbox's own port-forward and curl on the same cluster: what the page must be.
      const sandbox = portForward(atNow(server.cluster()), ['pod/web', `${local}:80`]);
      assert.ok(sandbox.forward);
      const inPod = sandboxCurl(atNow(server.cluster()), ['-s', `localhost:${local}`], { forward: sandbox.forward }).stdout;
      assert.match(inPod, /Welcome to Stack Simplify/);
      const page = await curl([`http://127.0.0.1:${local}/`]);
      assert.equal(page.code, 0, page.stderr);
      assert.equal(page.stdout, inPod);
      // A second connection through the same forward: nginx's 404 page, as the sandbox's curl gets it.
      const missing = await curl(['-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${local}/nope`]);
      assert.equal(missing.stdout, '404');
      await waitFor(() => (pf.out().match(/Handling connection for/g) ?? []).length === 2, 'two connections handled');
      const logs = await realKubectl(['logs', 'web'], server.kubeconfig, dir);
      const lines = logs.stdout.trimEnd().split('\n').slice(-2);
      assert.match(lines[0] ?? '', /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/[\d.]+" "-"$/);
      assert.match(lines[1] ?? '', /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/nope HTTP\/1\.1" 404 \d+ "-" "curl\/[\d.]+" "-"$/);
      assert.equal(logs.stdout, runKubectl(atNow(server.cluster()), ['logs', 'web'], io).stdout);
      // Ctrl-C: kubectl stops, the local port is closed, the lab sees the tunnel go.
      pf.child.kill('SIGINT');
      assert.equal(await pf.exited, 0);
      const gone = await curl([`http://127.0.0.1:${local}/`]);
      assert.equal(gone.code, 7, 'connection refused once kubectl is gone');
      await waitFor(() => log.some((l) => /^PORT-FORWARD default\/web closed/.test(l)), 'the lab to log the end');
    });

    it('svc/web: kubectl resolves the service to its pod and the targetPort; plain SPDY works too', async () => {
      await realKubectl(['expose', 'pod', 'web', '--port=8080', '--target-port=80'], server.kubeconfig, dir);
      const local = await freePort();
      const pf = await forward(['svc/web', `${local}:8080`]);
      const sandbox = portForward(atNow(server.cluster()), ['svc/web', `${local}:8080`]);
      assert.equal(pf.out(), sandbox.result.stdout, 'the same Forwarding lines as the sandbox’s port-forward');
      const page = await curl([`http://127.0.0.1:${local}/`]);
      assert.match(page.stdout, /Welcome to Stack Simplify/);
      pf.child.kill('SIGINT');
      await pf.exited;
      const spdyPort = await freePort();
      const spdy = await forward(['deploy/app', `${spdyPort}:80`], { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' });
      const nginx = await curl(['-I', `http://127.0.0.1:${spdyPort}/`]);
      assert.match(nginx.stdout, /^HTTP\/1\.1 200 OK\r\nServer: nginx\//);
      spdy.child.kill('SIGINT');
      await spdy.exited;
      assert.ok(
        log.some((l) => /^PORT-FORWARD default\/app-[a-z0-9]+-[a-z0-9]+ opened \(SPDY\)$/.test(l)),
        log.join('\n'),
      );
    });

    it('a port nothing listens on: the kubelet’s error stream, then kubectl loses the pod', async () => {
      const local = await freePort();
      const pf = await forward(['pod/web', `${local}:81`]);
      const refused = await curl([`http://127.0.0.1:${local}/`]);
      assert.equal(refused.code, 52, 'an empty reply');
      assert.equal(await pf.exited, 1);
      assert.match(
        pf.err(),
        new RegExp(
          `an error occurred forwarding ${local} -> 81: error forwarding port 81 to pod ([0-9a-f]{64}), uid : failed to execute portforward in network namespace \\\\"/var/run/netns/cni-[0-9a-f-]{36}\\\\": failed to connect to localhost:81 inside namespace \\\\"\\1\\\\", IPv4: dial tcp4 127\\.0\\.0\\.1:81: connect: connection refused IPv6 dial tcp6 \\[::1\\]:81: connect: connection refused `,
        ),
      );
      assert.match(pf.err(), /\nerror: lost connection to pod\n$/);
    });

    it('a pod that is not running, or not there, is refused as the sandbox refuses it', async () => {
      for (const target of ['pod/pending', 'pod/nope']) {
        const local = await freePort();
        const real = await realKubectl(['port-forward', target, `${local}:80`], server.kubeconfig, dir);
        const sandbox = portForward(atNow(server.cluster()), [target, `${local}:80`]);
        assert.equal(real.stderr, sandbox.result.stderr, target);
        assert.equal(real.code, 1);
      }
    });
  },
);
