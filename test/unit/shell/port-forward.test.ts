// src/core/shell/port-forward.ts and curl.ts (-X, -o /dev/null, -w): the sandbox keeps a
// port-forward until Ctrl-C (stopPortForward) or the next one; curl 7.88 writes -w's
// %{http_code} after the transfer, 000 when nothing answered.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newShell, runLine, stopPortForward, type ShellState } from '../../../src/core/shell/shell.js';

const io = { readFile: () => ({ error: 'not-found' as const }) };

function script(lines: readonly string[]): { state: ShellState; outputs: string[] } {
  let state = newShell(1);
  const outputs: string[] = [];
  for (const line of lines) {
    const r = runLine(state, line, io, 1000);
    state = r.state;
    outputs.push(r.stdout + r.stderr);
  }
  return { state, outputs };
}

describe('kubectl port-forward in the sandbox', () => {
  it('prints the Forwarding lines and curl localhost:LOCAL reaches the pod', () => {
    const { state, outputs } = script([
      'kubectl run web --image=nginx --port=80',
      'sleep 10',
      'kubectl port-forward pod/web 8080:80',
      'curl -s localhost:8080',
    ]);
    assert.equal(outputs[2], 'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    assert.match(outputs[3]!, /<title>Welcome to nginx!<\/title>/);
    const stopped = stopPortForward(state);
    const after = runLine(stopped, 'curl -s -S localhost:8080', io, 1000);
    assert.equal(after.exitCode, 7);
  });
  it('svc/NAME forwards to the targetPort of one of its pods', () => {
    const { outputs } = script([
      'kubectl create deployment web --image=nginx --replicas=2 --port=80',
      'sleep 10',
      'kubectl expose deployment web --port=8000 --target-port=80',
      'kubectl port-forward svc/web 9000:8000',
    ]);
    assert.equal(outputs[3], 'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n');
  });
  it("a pod not running yet is refused with kubectl's error", () => {
    const { outputs } = script(['kubectl run web --image=nginx', 'kubectl port-forward web 8080:80']);
    assert.equal(outputs[1], 'error: unable to forward port because pod is not running. Current status=Pending\n');
  });
});

describe('curl -o /dev/null -w and -X', () => {
  it('writes the status code, and 000 when the connection failed', () => {
    const { outputs } = script([
      'kubectl run web --image=nginx --port=80',
      'sleep 10',
      'kubectl port-forward pod/web 8080:80',
      "curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080/missing",
      "curl -s -o /dev/null -w '%{http_code}' localhost:9999",
    ]);
    assert.equal(outputs[3], '404\n');
    assert.equal(outputs[4], '000');
  });
  it("-X POST to nginx's static page is 405 Not Allowed", () => {
    const { outputs } = script([
      'kubectl run web --image=nginx --port=80',
      'sleep 10',
      'kubectl port-forward pod/web 8080:80',
      'curl -s -X POST -o /dev/null -w %{http_code} localhost:8080',
    ]);
    assert.equal(outputs[3], '405');
  });
});
