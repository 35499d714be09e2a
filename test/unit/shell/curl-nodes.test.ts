// curl to what listens on the nodes themselves, as curl 7.88.1 (OpenSSL 3) answers:
// - kube-apiserver on 6443 and the kubelet on 10250 speak TLS only. http:// gets Go's own
//   answer (net/http server.go: "HTTP/1.0 400 Bad Request" and "Client sent an HTTP request to
//   an HTTPS server."); https:// without -k fails certificate verification with curl's error 60
//   and its help text (src/tool_operate.c, CURL_CA_CERT_ERRORMSG).
// - sshd on 22 speaks first with its banner, which is no HTTP status line: curl refuses HTTP/0.9
//   by default (lib/http.c: "Received HTTP/0.9 when not allowed", CURLE_UNSUPPORTED_PROTOCOL).
// - INTERNAL-IPs are not reachable from the laptop at all: the connection times out.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { session } from './helpers.js';

const CA_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

describe("curl to the nodes' own ports", () => {
  it('the API server on 6443: TLS only', () => {
    const { run } = session();
    const plain = run('curl http://203.0.113.10:6443/');
    assert.deepEqual([plain.exitCode, plain.stdout, plain.stderr], [0, 'Client sent an HTTP request to an HTTPS server.\n', '']);
    assert.equal(run('curl -i http://203.0.113.10:6443/').stdout, 'HTTP/1.0 400 Bad Request\n\nClient sent an HTTP request to an HTTPS server.\n');
    const tls = run('curl https://203.0.113.10:6443/version');
    assert.deepEqual(
      [tls.exitCode, tls.stdout, tls.stderr],
      [60, '', `curl: (60) SSL certificate problem: unable to get local issuer certificate\n${CA_HELP}`],
    );
    assert.deepEqual([run('curl -s https://203.0.113.10:6443/').stderr, run('curl -s https://203.0.113.10:6443/').exitCode], ['', 60]);
    // Only the control plane runs it: a worker resets the connection.
    assert.equal(run('curl http://203.0.113.11:6443/').exitCode, 7);
  });

  it('the kubelet on 10250 on every node: TLS with its self-made certificate', () => {
    const { run } = session();
    for (const ip of ['203.0.113.10', '203.0.113.11', '203.0.113.12']) {
      assert.equal(run(`curl http://${ip}:10250/pods`).stdout, 'Client sent an HTTP request to an HTTPS server.\n');
      const tls = run(`curl https://${ip}:10250/pods`);
      assert.deepEqual([tls.exitCode, tls.stderr], [60, `curl: (60) SSL certificate problem: self-signed certificate in certificate chain\n${CA_HELP}`]);
    }
  });

  it('sshd on 22: its banner is no HTTP answer', () => {
    const { run } = session();
    const r = run('curl http://203.0.113.11:22');
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [1, '', 'curl: (1) Received HTTP/0.9 when not allowed\n']);
    assert.match(
      run('curl -v http://203.0.113.11:22').stderr,
      /\* Connected to 203\.0\.113\.11 \(203\.0\.113\.11\) port 22 \(#0\)\n> GET \/ HTTP\/1\.1\n[^]*\* Received HTTP\/0\.9 when not allowed\n\* Closing connection 0\ncurl: \(1\) Received HTTP\/0\.9 when not allowed\n$/,
    );
    assert.equal(run('curl https://203.0.113.11:22').exitCode, 35);
    assert.match(run('trace http://203.0.113.11:22').stdout, /worker-1: sshd \(listening on 22\)[^]*Outcome: answered by sshd, which speaks SSH, not HTTP/);
  });

  it('from a pod too, where no firewall stands between: the kubelet answers on the other node, and sees that node as the source', () => {
    const { run } = session(42);
    run('kubectl run client --image nginx');
    run('sleep 10');
    const out = run('trace --from pod/client http://192.168.49.4:10250/').stdout;
    assert.match(out, /kubelet \(listening on 10250\)/);
    assert.match(
      out,
      /Outcome: answered by kubelet, which speaks TLS only \(plain http:\/\/ gets HTTP\/1\.0 400 Bad Request, https:\/\/ its certificate\): kubelet on worker-2 accepted the connection; it saw it come from 192\.168\.49\.3\./,
    );
    assert.match(
      run('trace --from pod/client https://192.168.49.4:10250/').stdout,
      /The server speaks TLS, with a certificate curl cannot verify \(self-signed certificate in certificate chain\): curl without -k exits with 60\.\n$/,
    );
  });

  it('an INTERNAL-IP from the laptop times out, as curl 7.88 says', () => {
    const { run } = session();
    run('kubectl run web --image nginx');
    run('sleep 10');
    run('kubectl expose pod web --type=NodePort --port=80');
    const port = /80:(\d+)\/TCP/.exec(run('kubectl get svc web').stdout)![1];
    const capped = run(`curl -m 3 http://192.168.49.3:${port}/`);
    assert.deepEqual([capped.exitCode, capped.stderr], [28, 'curl: (28) Connection timed out after 3001 milliseconds\n']);
    const waited = run(`curl http://192.168.49.3:${port}/`);
    assert.deepEqual(
      [waited.exitCode, waited.stderr],
      [28, `curl: (28) Failed to connect to 192.168.49.3 port ${port} after 129504 ms: Couldn't connect to server\n`],
    );
    assert.match(
      run(`trace http://192.168.49.3:${port}/`).stdout,
      /Outcome: timed out at hop 1 \(your laptop \(198\.51\.100\.7\)\): 192\.168\.49\.3 is the INTERNAL-IP of worker-1/,
    );
  });
});
