import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposedPod, session } from './helpers.js';

describe("curl from the learner's machine", () => {
  it("reaches the page through any node's external IP and the node port", () => {
    const { run } = session();
    const port = exposedPod(run);
    for (const ip of ['203.0.113.10', '203.0.113.11', '203.0.113.12']) {
      const r = run(`curl http://${ip}:${port}`);
      assert.equal(r.exitCode, 0, ip);
      assert.match(r.stdout, /Welcome to Stack Simplify/);
      assert.match(r.stdout, /Application Version: V1/);
      assert.equal(r.stderr, '');
    }
  });

  it("accepts a URL without a scheme and with a path; an unknown path is nginx's 404", () => {
    const { run } = session();
    const port = exposedPod(run);
    assert.match(run(`curl 203.0.113.11:${port}`).stdout, /Welcome/);
    const missing = run(`curl -i http://203.0.113.11:${port}/nope`);
    assert.match(missing.stdout, /^HTTP\/1\.1 404 Not Found\n/);
    assert.equal(missing.exitCode, 0, 'a 404 is still a successful transfer for curl');
  });

  it('is refused at once on a port no service uses, on a service with no endpoints, and where nothing listens', () => {
    const { run } = session();
    const port = exposedPod(run);
    const refused = (line: string) => {
      const r = run(line);
      assert.equal(r.exitCode, 7, line);
      assert.match(r.stderr, /^curl: \(7\) Failed to connect to [\w.]+ port \d+ after 0 ms: Couldn't connect to server\n$/);
    };
    refused(`curl http://203.0.113.11:${port === 30000 ? 30001 : 30000}`);
    run('kubectl create service nodeport lonely --tcp=80:80');
    const lonely = /80:(\d+)\/TCP/.exec(run('kubectl get svc lonely').stdout)?.[1];
    refused(`curl http://203.0.113.11:${lonely}`);
    run('kubectl expose pod web --type=NodePort --port=81 --name=web81');
    const wrong = /81:(\d+)\/TCP/.exec(run('kubectl get svc web81').stdout)?.[1];
    refused(`curl http://203.0.113.11:${wrong}`);
    refused('curl http://localhost:8080');
  });

  it('times out on an address that exists only inside the cluster, and the clock moves on', () => {
    const { run, state } = session();
    exposedPod(run);
    const podIP = /(10\.244\.\d+\.\d+)/.exec(run('kubectl get pods -o wide').stdout)?.[1];
    const before = state().cluster.now;
    const timed = run(`curl -m 5 http://${podIP}/`, 0);
    assert.equal(timed.exitCode, 28);
    assert.equal(timed.stderr, 'curl: (28) Connection timed out after 5001 milliseconds\n');
    assert.equal(state().cluster.now - before, 5001);
    const long = run('curl http://10.96.0.1:443', 0);
    assert.match(long.stderr, /^curl: \(28\) Failed to connect to 10\.96\.0\.1 port 443 after \d+ ms: Couldn't connect to server\n$/);
  });

  it('cannot resolve names (the nodes are not in your DNS)', () => {
    const { run } = session();
    const r = run('curl http://worker-1:31231');
    assert.equal(r.exitCode, 6);
    assert.equal(r.stderr, 'curl: (6) Could not resolve host: worker-1\n');
  });

  it('-s hides errors, -sS shows them again, exit codes unchanged', () => {
    const { run } = session();
    const silent = run('curl -s http://203.0.113.11:30000');
    assert.deepEqual([silent.exitCode, silent.stderr], [7, '']);
    const shown = run('curl -sS http://203.0.113.11:30000');
    assert.equal(shown.exitCode, 7);
    assert.match(shown.stderr, /curl: \(7\)/);
  });

  it('-v shows the exchange on stderr before the page, and the closing line after it', () => {
    const { run } = session();
    const port = exposedPod(run);
    const r = run(`curl -v http://203.0.113.12:${port}`);
    const order = r.output.map((c) => `${c.stream}:${c.text.split('\n')[0]}`);
    assert.deepEqual(order, [`stderr:*   Trying 203.0.113.12:${port}...`, 'stdout:<!DOCTYPE html>', 'stderr:* Connection #0 to host 203.0.113.12 left intact']);
    assert.match(r.stderr, new RegExp(`> Host: 203\\.0\\.113\\.12:${port}\\n> User-Agent: curl/7\\.88\\.1\\n`));
    assert.match(r.stderr, /< HTTP\/1\.1 200 OK\n< Server: nginx\/1\.17\.10\n/);
    const length = /< Content-Length: (\d+)/.exec(r.stderr)?.[1];
    assert.equal(Number(length), Buffer.byteLength(r.stdout));
    assert.match(r.stderr, new RegExp(`ETag: "5e95de13-${Number(length).toString(16)}"`));
  });

  it('-I asks for the head only; https to a plain HTTP port fails the handshake', () => {
    const { run } = session();
    const port = exposedPod(run);
    const head = run(`curl -I http://203.0.113.11:${port}`);
    assert.match(head.stdout, /^HTTP\/1\.1 200 OK\n[\s\S]*\n\n$/);
    assert.doesNotMatch(head.stdout, /Welcome/);
    const tls = run(`curl https://203.0.113.11:${port}`);
    assert.equal(tls.exitCode, 35);
  });

  it("writes each request to the pod's access log, from the address kube-proxy masqueraded to", () => {
    const { run } = session();
    const port = exposedPod(run);
    const node = /web +1\/1 +Running .* (worker-\d)/.exec(run('kubectl get pods -o wide').stdout)?.[1];
    const podNodeIP = node === 'worker-1' ? '203.0.113.11' : '203.0.113.12';
    const otherIP = node === 'worker-1' ? '203.0.113.12' : '203.0.113.11';
    run(`curl http://${podNodeIP}:${port}`);
    run(`curl -I http://${otherIP}:${port}/x`);
    const lines = run('kubectl logs web').stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^10\.244\.\d+\.1 - - \[.+\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/7\.88\.1" "-"$/);
    assert.match(lines[1]!, /^10\.244\.\d+\.0 - - \[.+\] "HEAD \/x HTTP\/1\.1" 404 0 "-" "curl\/7\.88\.1" "-"$/);
  });

  it("answers curl's own usage errors with exit 2", () => {
    const { run } = session();
    assert.deepEqual([run('curl').exitCode, run('curl').stderr.split('\n')[0]], [2, 'curl: no URL specified!']);
    assert.equal(run('curl --bogus http://x').stderr.split('\n')[0], 'curl: option --bogus: is unknown');
    assert.equal(run('curl -m abc http://x').exitCode, 2);
    assert.equal(run('curl ftp://203.0.113.11/').exitCode, 1);
  });
});

describe('curl through a closed firewall', () => {
  it('times out, and the request still counts against the service its node port belongs to', () => {
    const { run } = session();
    const port = exposedPod(run);
    run(`firewall close ${port}`);
    const r = run(`curl -m 2 http://203.0.113.11:${port}`);
    assert.equal(r.exitCode, 28);
    assert.deepEqual(r.request, { service: 'web', outcome: 'timeout' });
    run(`firewall open ${port}`);
    assert.equal(run(`curl -s http://203.0.113.11:${port}`).exitCode, 0);
  });
});
