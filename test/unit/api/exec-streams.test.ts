// The pieces of the lab's streaming API that hold no socket: the shell that reads its script from
// `exec -i`'s stdin, the shell on a terminal for `exec -it`, and port-forward's view of a pod's
// port (the kubelet's error text, nginx's answer and its access-log line), each on a real
// simulated cluster and checked against the sandbox's own kubectl on the same cluster.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StdinProgram, readsStdin } from '../../../src/core/api/exec-stdin.js';
import { TtyShell } from '../../../src/core/api/exec-tty.js';
import { answerForwarded, connectToPod, portForwardTarget, refusePortForward } from '../../../src/core/api/port-forward.js';
import { advanceClock, createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../../src/core/kubectl/index.js';

const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;

function withPod(): Cluster {
  const made = runKubectl(createCluster({ seed: 61 }), ['run', 'web', '--image=stacksimplify/kubenginx:1.0.0'], io).cluster;
  return advanceClock(made, 60_000);
}

describe('exec -i: the shell reads stdin', () => {
  it('runs each line once it is whole, numbers errors by line, and ends at exit with its code', () => {
    const cluster = withPod();
    const sh = new StdinProgram('default', 'web', ['sh']);
    const half = sh.input(cluster, 'echo $HOSTN');
    assert.deepEqual([half.stdout, half.stderr, half.ended], ['', '', undefined]);
    const first = sh.input(half.cluster, 'AME\nnosuch\n');
    assert.equal(first.stdout, runKubectl(cluster, ['exec', 'web', '--', 'sh', '-c', 'echo $HOSTNAME'], io).stdout);
    assert.equal(first.stderr, 'sh: 2: nosuch: not found\n');
    const exit = sh.input(first.cluster, 'exit 3\necho never\n');
    assert.equal(exit.stdout, '');
    assert.deepEqual(exit.ended, {
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: error executing command [sh], exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
    assert.equal(sh.input(exit.cluster, 'echo after\n').stdout, '', 'nothing runs after exit');
  });

  it('the end of stdin runs the last partial line and ends with the last status', () => {
    const sh = new StdinProgram('default', 'web', ['sh']);
    const cluster = withPod();
    const end = sh.endOfInput(sh.input(cluster, 'cat /nonexistent').cluster);
    assert.equal(end.stderr, runKubectl(cluster, ['exec', 'web', '--', 'sh', '-c', 'cat /nonexistent'], io).stderr.replace(/command terminated.*\n$/, ''));
    assert.equal((end.ended?.['details'] as { causes: { message: string }[] }).causes[0]?.message, '1');
  });

  it('a filter gets all of stdin at its end; a program that ignores stdin does not wait', () => {
    assert.equal(readsStdin(['wc', '-l']), true);
    assert.equal(readsStdin(['grep', 'x']), true);
    assert.equal(readsStdin(['grep', 'x', '/etc/hostname']), false);
    assert.equal(readsStdin(['ls', '/']), false);
    assert.equal(readsStdin(['sh', '-c', 'ls']), false);
    const cluster = withPod();
    const wc = new StdinProgram('default', 'web', ['wc', '-l']);
    assert.equal(wc.input(cluster, 'a\nb\n').stdout, '');
    const end = wc.endOfInput(cluster);
    assert.equal(end.stdout.trim(), '2');
    assert.deepEqual(end.ended, { metadata: {}, status: 'Success' });
  });
});

describe('exec -it: the shell on a terminal', () => {
  it('echoes keys, erases, runs a line with CR LF, numbers errors by line, Ctrl-C drops the line, exit ends it', () => {
    const cluster = withPod();
    const tty = new TtyShell('default', 'web', ['sh']);
    assert.equal(tty.start(cluster).stdout, '# ');
    const typed = tty.input(cluster, 'lsx\u007f /\r');
    const ls = runKubectl(cluster, ['exec', 'web', '--', 'ls', '/'], io).stdout;
    assert.equal(typed.stdout, `lsx\b \b /\r\n${ls.replace(/\n/g, '\r\n')}# `);
    assert.equal(tty.input(cluster, 'nosuch\r').stdout, 'nosuch\r\nsh: 2: nosuch: not found\r\n# ');
    assert.equal(tty.input(cluster, 'half\u0003').stdout, 'half^C\r\n# ');
    const arrows = tty.input(cluster, '\u001b[Aecho hi\r');
    assert.equal(arrows.stdout, 'echo hi\r\nhi\r\n# ', 'arrow keys are dropped');
    const exit = tty.input(cluster, 'exit 2\r');
    assert.equal(exit.stdout, 'exit 2\r\n');
    assert.equal((exit.ended?.['details'] as { causes: { message: string }[] }).causes[0]?.message, '2');
  });

  it('bash prompts with the pod’s name and says exit on Ctrl-D', () => {
    const cluster = withPod();
    const bash = new TtyShell('default', 'web', ['bash']);
    assert.equal(bash.start(cluster).stdout, 'root@web:/# ');
    const end = bash.input(cluster, '\u0004');
    assert.equal(end.stdout, 'exit\r\n');
    assert.deepEqual(end.ended, { metadata: {}, status: 'Success' });
  });
});

describe('port-forward: the pod’s port', () => {
  it('points at a pod; a pod that is not there is the API server’s NotFound', () => {
    assert.deepEqual(portForwardTarget('/api/v1/namespaces/default/pods/web/portforward'), { namespace: 'default', name: 'web' });
    assert.equal(portForwardTarget('/api/v1/namespaces/default/pods/web/exec'), undefined);
    const cluster = withPod();
    assert.equal(refusePortForward(cluster, 'default', 'web'), undefined);
    const missing = refusePortForward(cluster, 'default', 'nope');
    assert.equal(missing?.status, 404);
    assert.equal(JSON.parse(missing?.body ?? '{}').message, 'pods "nope" not found');
  });

  it('port 80 is taken; 81 and a container not started yet are refused in the runtime’s words', () => {
    const cluster = withPod();
    assert.deepEqual(connectToPod(cluster, 'default', 'web', 80), { ok: true });
    const refused = connectToPod(cluster, 'default', 'web', 81);
    assert.ok(!refused.ok);
    assert.match(
      refused.message,
      /^error forwarding port 81 to pod ([0-9a-f]{64}), uid : failed to execute portforward in network namespace "\/var\/run\/netns\/cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}": failed to connect to localhost:81 inside namespace "\1", IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused $/,
    );
    const young = runKubectl(createCluster({ seed: 61 }), ['run', 'web', '--image=nginx'], io).cluster;
    assert.equal(connectToPod(young, 'default', 'web', 80).ok, false, 'nothing listens before the container starts');
  });

  it('nginx answers through the forward and logs the request from 127.0.0.1, as kubectl logs shows it', () => {
    const cluster = withPod();
    const before = runKubectl(cluster, ['logs', 'web'], io).stdout;
    const answered = answerForwarded(cluster, 'default', 'web', 80, { method: 'GET', path: '/', httpVersion: 'HTTP/1.1', userAgent: 'curl/8.5.0' });
    assert.ok(answered);
    assert.equal(answered.response.status, 200);
    assert.match(answered.response.body, /Welcome to Stack Simplify/);
    const after = runKubectl(answered.cluster, ['logs', 'web'], io).stdout;
    assert.match(after.slice(before.length), /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0" "-"\n$/);
    const post = answerForwarded(cluster, 'default', 'web', 80, { method: 'POST', path: '/', httpVersion: 'HTTP/1.1', userAgent: '' });
    assert.equal(post?.response.status, 405);
    assert.equal(answerForwarded(cluster, 'default', 'web', 81, { method: 'GET', path: '/', httpVersion: 'HTTP/1.1', userAgent: '' }), undefined);
  });
});
