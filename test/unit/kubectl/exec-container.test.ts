// Inside a container: programs on the image's PATH, sh -c scripts, curl from the pod, the runtime's
// and dash's error texts (runc: "executable file not found in $PATH"; dash: "sh: 1: X: not found",
// exit 127; kubectl: "command terminated with exit code N" and that exit status).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newShell, promptOf, runLine, type ShellState } from '../../../src/core/shell/shell.js';
import { Session } from './helpers.js';

describe('kubectl exec into nginx', () => {
  const s = new Session(5);
  s.run('run web --image=nginx');
  s.run('run v1 --image=stacksimplify/kubenginx:1.0.0');
  s.wait(15);

  it('curl -s localhost answers with the page the image serves', () => {
    const r = s.run('exec web -- curl -s localhost');
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /<title>Welcome to nginx!<\/title>/);
    assert.match(s.run('logs web').stdout, /"GET \/ HTTP\/1.1" 200 615 "-" "curl\/7.88.1"/, 'nginx logs the request from inside the pod');
  });

  it('ls /bin lists the programs of Debian 12 (where /bin is /usr/bin): sh, ls, curl', () => {
    const listing = s.run('exec web -- ls /bin').stdout.split('\n');
    for (const tool of ['sh', 'ls', 'curl', 'cat', 'bash']) assert.ok(listing.includes(tool), tool);
    assert.deepEqual(listing, s.run('exec web -- ls /usr/bin').stdout.split('\n'));
  });

  it("sh -c runs a script: variables, pipes, ;, && and ||, dash's not-found line and 127", () => {
    const r = s.run(
      `exec web -- sh -c 'echo $HOSTNAME; curl -s localhost | grep -c title; curl -s localhost | grep -q nomatch || echo none; nosuch; echo status $?'`,
    );
    assert.equal(r.stdout, 'web\n1\nnone\nstatus 127\n');
    assert.equal(r.stderr, 'sh: 1: nosuch: not found\n');
    const failing = s.run(`exec web -- sh -c 'exit 3'`);
    assert.equal(failing.exitCode, 3);
    assert.equal(failing.stderr, 'command terminated with exit code 3\n');
  });

  it('a program the image lacks: runc says it is not on the PATH (kubenginx 1.0.0 has no curl)', () => {
    const r = s.run('exec v1 -- curl -s localhost');
    assert.equal(r.exitCode, 1);
    assert.match(
      r.stderr,
      /OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/,
    );
    assert.match(s.run('exec v1 -- cat /usr/share/nginx/html/index.html').stdout, /Application Version: V1/);
  });

  it("ls of the image's common folders lists what the image holds (Debian 12's merged /usr for nginx, Debian 10's for kubenginx)", () => {
    const ls = (pod: string, dir: string) => s.run(`exec ${pod} -- ls ${dir}`).stdout.split('\n').filter(Boolean);
    assert.deepEqual(ls('web', '/usr'), ['bin', 'games', 'include', 'lib', 'lib64', 'libexec', 'local', 'sbin', 'share', 'src']);
    assert.deepEqual(ls('v1', '/usr'), ['bin', 'games', 'include', 'lib', 'local', 'sbin', 'share', 'src']);
    assert.deepEqual(ls('web', '/usr/local'), ['bin', 'etc', 'games', 'include', 'lib', 'man', 'sbin', 'share', 'src']);
    assert.deepEqual(ls('web', '/usr/share/nginx/html'), ['50x.html', 'index.html']);
    assert.deepEqual(ls('web', '/etc/nginx'), ['conf.d', 'fastcgi_params', 'mime.types', 'modules', 'nginx.conf', 'scgi_params', 'uwsgi_params']);
    assert.deepEqual(ls('web', '/docker-entrypoint.d'), [
      '10-listen-on-ipv6-by-default.sh',
      '15-local-resolvers.envsh',
      '20-envsubst-on-templates.sh',
      '30-tune-worker-processes.sh',
    ]);
    assert.ok(ls('web', '/usr/share').includes('nginx'));
    assert.ok(ls('web', '/usr/sbin').includes('nginx'));
    assert.deepEqual(ls('web', '/lib'), ls('web', '/usr/lib'), '/lib is a link to /usr/lib on Debian 12');
    assert.deepEqual(ls('web', '/tmp'), []);
    assert.equal(s.run('exec web -- ls /tmp').exitCode, 0, 'an empty folder is there, not missing');
    assert.equal(s.run('exec v1 -- ls /docker-entrypoint.d').exitCode, 2, 'nginx 1.17 had no entrypoint scripts');
  });

  it('a missing file: cat and ls exit 1 and 2', () => {
    const cat = s.run('exec web -- cat /nope');
    assert.equal(cat.stderr, 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n');
    const ls = s.run('exec web -- ls /nope');
    assert.equal(ls.exitCode, 2);
  });
});

describe('kubectl exec -it POD -- sh in the sandbox', () => {
  const io = { readFile: () => ({ error: 'not-found' as const }) };
  const run = (state: ShellState, line: string) => runLine(state, line, io, 1000);

  it('opens a nested # prompt; curl and built-ins run in the container; exit returns to $', () => {
    let st = newShell(2);
    st = run(st, 'kubectl run web --image=nginx').state;
    st = run(st, 'sleep 10').state;
    assert.equal(promptOf(st), '$ ');
    st = run(st, 'kubectl exec -it web -- sh').state;
    assert.equal(promptOf(st), '# ');
    const host = run(st, 'hostname');
    assert.equal(host.stdout, 'web\n');
    const page = run(host.state, 'curl -s localhost | grep title');
    assert.equal(page.stdout, '<title>Welcome to nginx!</title>\n');
    const missing = run(page.state, 'kubectl get pods');
    assert.equal(missing.stderr, 'sh: 1: kubectl: not found\n', 'kubectl is not in the nginx image');
    const out = run(missing.state, 'exit');
    assert.equal(promptOf(out.state), '$ ');
    assert.equal(run(out.state, 'kubectl get pods').exitCode, 0);
  });

  it("a shell the image does not have is runc's error, no prompt", () => {
    let st = newShell(2);
    st = run(st, 'kubectl run web --image=nginx').state;
    st = run(st, 'sleep 10').state;
    const r = run(st, 'kubectl exec -it web -- zsh');
    assert.equal(promptOf(r.state), '$ ');
    assert.match(r.stderr, /exec: "zsh": executable file not found in \$PATH/);
  });
});
