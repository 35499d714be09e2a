// kubectl exec against the lab's API with the real kubectl 1.32 (WebSocket, v5.channel.k8s.io, and
// its SPDY fallback when the upgrade is refused): the same stdout, stderr and exit code as the
// sandbox's kubectl exec on the same cluster; hostile WebSocket frames close the socket and leave
// the server answering; `exec -i` feeds stdin (channel 0, and v5's close signal) to the container's
// shell, which answers each line as it arrives.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock, createCluster, type Cluster } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../src/core/kubectl/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { Terminal, saneModes, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('serve: kubectl exec from the real kubectl', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const dir = tempDir('nodeport-lab-exec-');
  const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;

  before(async () => {
    server = await startServer({ seed: 41, port: 0, home: dir, clock: () => now, cluster: createCluster({ seed: 41, now }), log: () => {} });
  });

  after(async () => {
    await server?.stop();
  });

  const atNow = (cluster: Cluster): Cluster => advanceClock(cluster, now - cluster.now);

  async function expectSame(args: readonly string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    const sim = runKubectl(atNow(server.cluster()), [...args], io);
    const real = await realKubectl(args, server.kubeconfig, dir);
    assert.equal(real.stdout, sim.stdout, `stdout of kubectl ${args.join(' ')}`);
    assert.equal(real.stderr, sim.stderr, `stderr of kubectl ${args.join(' ')}`);
    assert.equal(real.code, sim.exitCode, `exit code of kubectl ${args.join(' ')}`);
    return real;
  }

  it('before the container runs, the upgrade is refused as the kubelet refuses it', async () => {
    await expectSame(['run', 'web', '--image=stacksimplify/kubenginx:1.0.0']);
    const r = await expectSame(['exec', 'web', '--', 'ls', '/']);
    assert.match(r.stderr, /^error: unable to upgrade connection: container not found \("web"\)\n$/);
  });

  it('a command runs: its output, a non-zero exit, a program that is not there, a pod that is not there', async () => {
    now += 60_000;
    const ls = await expectSame(['exec', 'web', '--', 'ls', '/']);
    assert.match(ls.stdout, /^usr$/m);
    await expectSame(['exec', 'web', '--', 'cat', '/etc/hostname']);
    const exit3 = await expectSame(['exec', 'web', '--', 'sh', '-c', 'echo out; exit 3']);
    assert.equal(exit3.code, 3);
    assert.equal(exit3.stderr, 'command terminated with exit code 3\n');
    await expectSame(['exec', 'web', '--', 'cat', '/nonexistent']);
    await expectSame(['exec', 'web', '--', 'nosuch']);
    await expectSame(['exec', 'nope', '--', 'ls']);
  });

  it('logs -f: the lines so far, then a request through the node port arrives as a new line', async () => {
    await expectSame(['expose', 'pod', 'web', '--type=NodePort', '--port=80']);
    const nodePort = (await realKubectl(['get', 'svc', 'web', '-o', 'jsonpath={.spec.ports[0].nodePort}'], server.kubeconfig, dir)).stdout;
    const sofar = runKubectl(atNow(server.cluster()), ['logs', 'web'], io).stdout;
    const follow = spawn(KUBECTL ?? 'kubectl', ['logs', '-f', 'web'], { env: { ...process.env, KUBECONFIG: server.kubeconfig } });
    let seen = '';
    follow.stdout.setEncoding('utf8');
    follow.stdout.on('data', (c: string) => (seen += c));
    const waitFor = async (done: () => boolean): Promise<void> => {
      for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await waitFor(() => seen.length >= sofar.length);
    assert.equal(seen, sofar);
    let answered = false;
    for (let i = 0; i < 40 && !answered; i++) {
      answered = await fetch(`http://127.0.0.1:${nodePort}/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (!answered) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(answered, 'the node port answers');
    await waitFor(() => seen.length > sofar.length);
    follow.kill();
    const added = seen.slice(sofar.length);
    assert.match(added, /"GET \/ HTTP\/1\.1" 200 /);
    assert.equal(added, runKubectl(atNow(server.cluster()), ['logs', 'web'], io).stdout.slice(sofar.length));
  });

  /**
   * The real kubectl with stdin: each piece is written once the output so far includes what the
   * piece waits for (so a line is answered before the next is sent); stdin closes after the last.
   */
  function withStdin(
    args: readonly string[],
    pieces: readonly (string | { after: string; send: string })[],
  ): Promise<{ stdout: string; stderr: string; code: number }> {
    return new Promise((resolve) => {
      const child = spawn(KUBECTL ?? 'kubectl', [...args], { env: { ...process.env, KUBECONFIG: server.kubeconfig } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('exit', (code) => resolve({ stdout, stderr, code: code ?? 1 }));
      void (async () => {
        for (const piece of pieces) {
          if (typeof piece !== 'string') {
            for (let i = 0; i < 200 && !stdout.includes(piece.after); i++) await new Promise((r) => setTimeout(r, 25));
            assert.ok(stdout.includes(piece.after), `"${piece.after}" came back before the next line was sent`);
          }
          child.stdin.write(typeof piece === 'string' ? piece : piece.send);
        }
        child.stdin.end();
      })();
    });
  }

  it('exec -i: sh reads its script from stdin, errors name their line, `exit` ends it with its code', async () => {
    const piped = await withStdin(['exec', '-i', 'web', '--', 'sh'], ['ls /\nnosuch\necho $HOSTNAME\nexit 3\necho never\n']);
    const sandbox = runKubectl(atNow(server.cluster()), ['exec', 'web', '--', 'sh', '-c', 'ls /; echo $HOSTNAME'], io);
    assert.equal(piped.stdout, sandbox.stdout);
    // dash reading a script names the line of the error (sh: 2:), and kubectl reports the exit code.
    assert.equal(piped.stderr, 'sh: 2: nosuch: not found\ncommand terminated with exit code 3\n');
    assert.equal(piped.code, 3);
  });

  it('exec -i: lines fed one by one are answered as they come; the end of stdin ends the shell', async () => {
    const fed = await withStdin(
      ['exec', '-i', 'web', '--', 'sh'],
      ['echo one\n', { after: 'one\n', send: 'cat /etc/hostname\n' }, { after: 'web\n', send: 'echo three' }],
    );
    const sandbox = runKubectl(atNow(server.cluster()), ['exec', 'web', '--', 'sh', '-c', 'echo one; cat /etc/hostname; echo three'], io);
    assert.equal(fed.stdout, sandbox.stdout);
    assert.equal(fed.stderr, '');
    assert.equal(fed.code, 0);
  });

  it('exec -i: a program that reads stdin gets all of it; one that does not runs at once', async () => {
    const counted = await withStdin(['exec', '-i', 'web', '--', 'wc', '-l'], ['a\nb\nc\n']);
    assert.equal(counted.stdout.trim(), '3');
    assert.equal(counted.code, 0);
    const echoed = await withStdin(['exec', '-i', 'web', '--', 'cat'], ['hello\n', 'there\n']);
    assert.equal(echoed.stdout, 'hello\nthere\n');
    const ls = await withStdin(['exec', '-i', 'web', '--', 'ls', '/'], ['ignored\n']);
    assert.equal(ls.stdout, runKubectl(atNow(server.cluster()), ['exec', 'web', '--', 'ls', '/'], io).stdout);
  });

  it(
    'exec -it from a real terminal: the prompt, the echo, erase, Ctrl-C, an error numbered by its line, exit with its code',
    { skip: tmuxMissing() },
    async () => {
      const term = new Terminal(`${KUBECTL ?? 'kubectl'} exec -it web -- sh`, { columns: 80, rows: 20 }, { KUBECONFIG: server.kubeconfig });
      try {
        // tmux's capture drops the prompt's trailing space.
        await term.waitFor((s) => s.startsWith('#\n'));
        term.keys('echo $HOSTNAME', 'Enter');
        await term.waitFor((s) => /^# echo \$HOSTNAME\nweb\n#$/m.test(s));
        term.keys('echox', 'BSpace', ' hi', 'Enter');
        await term.waitFor((s) => /^# echo hi\nhi\n#$/m.test(s));
        term.keys('nosuch', 'Enter');
        await term.waitFor((s) => s.includes('# nosuch\nsh: 3: nosuch: not found\n#'));
        term.keys('half a line', 'C-c');
        await term.waitFor((s) => s.includes('# half a line^C\n#'));
        term.keys('exit 4', 'Enter');
        const { code, stty } = await term.exited();
        assert.equal(code, 4);
        assert.ok(saneModes(stty), 'kubectl gives the terminal back');
        assert.match(term.screen(), /# exit 4\ncommand terminated with exit code 4\n/);
      } finally {
        term.close();
      }
    },
  );

  /** Opens the exec WebSocket by hand and sends `bytes` after the handshake; resolves with what came back once the server closed. */
  function hostile(bytes: Buffer): Promise<Buffer> {
    const port = Number(new URL(server.url).port);
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const got: Buffer[] = [];
      socket.on('data', (c: Buffer) => {
        got.push(c);
        if (got.length === 1) socket.write(bytes);
      });
      socket.on('error', () => resolve(Buffer.concat(got)));
      socket.on('close', () => resolve(Buffer.concat(got)));
      socket.write(
        'GET /api/v1/namespaces/default/pods/web/exec?command=sleep&command=1&stdout=true HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n',
      );
    });
  }

  it('unmasked, oversized and garbage frames close the socket; the server still answers', async () => {
    const closeCode = (all: Buffer): number | undefined => {
      // The last frame the server sent: 0x88, a length of 2, the code.
      const at = all.lastIndexOf(Buffer.from([0x88, 0x02]));
      return at < 0 ? undefined : all.readUInt16BE(at + 2);
    };
    const unmasked = await hostile(Buffer.from([0x82, 0x03, 0x00, 0x61, 0x62]));
    assert.match(unmasked.toString('latin1'), /^HTTP\/1\.1 101 Switching Protocols\r\n/);
    assert.match(unmasked.toString('latin1'), /Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=\r\n/);
    assert.equal(closeCode(unmasked), 1002);
    const huge = Buffer.alloc(14);
    huge[0] = 0x82;
    huge[1] = 0x80 | 127;
    huge.writeBigUInt64BE(2n ** 40n, 2);
    assert.equal(closeCode(await hostile(huge)), 1009);
    assert.equal(closeCode(await hostile(Buffer.from('\xff\xff\xff\xff garbage', 'latin1'))), 1002);
    const version = await fetch(`${server.url}/version`);
    assert.equal(version.status, 200);
  });
});
