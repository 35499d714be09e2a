// `kubectl exec` and `kubectl port-forward` from the learner's own kubectl: their upgraded
// connections are told as exchanges (serve/upgrade-exchange.ts), the command is rebuilt from them,
// and a goal that wants an exec or a port-forward ticks as for the same line typed at the prompt.
// Requests are shaped as the real kubectl 1.32 sends them (client-go tools/remotecommand and
// tools/portforward: a GET of the pod, then the upgrade of pods/NAME/exec or pods/NAME/portforward).

import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { advanceClock, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { outsideCommand, type Exchange } from '../../../src/core/api/outside-command.js';
import type { ApiRequest, ApiResponse } from '../../../src/core/api/request.js';
import { checkGoal, type Attempt, type Condition } from '../../../src/core/course/goals.js';
import { understand } from '../../../src/core/kubectl/understood.js';
import { runLine, newShell } from '../../../src/core/shell/shell.js';
import { answerOf } from '../../../src/core/kubectl/answer.js';
import { answerOfBytes, onUpgradeAnswer, upgradeRequest } from '../../../src/commands/serve/upgrade-exchange.js';

const NO_FILES = { readFile: () => ({ error: 'not-found' as const }) };

function get(url: string): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method: 'GET', path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType: '', body: '' };
}

/** The upgrade as the lab tells it: the request read by upgradeRequest, with the answer written back. */
function upgrade(url: string, status: number, body = ''): { request: ApiRequest; status: number; answer: string } {
  const req = { url, method: 'GET', headers: { upgrade: 'websocket' } } as unknown as IncomingMessage;
  return { request: upgradeRequest(req), status, answer: body };
}

/** One invocation: its reads through the lab's handler, then the upgrade's answer. */
function invoke(cluster: Cluster, command: string, reads: readonly string[], last?: { request: ApiRequest; status: number; answer: string }): Exchange[] {
  const exchanges: Exchange[] = reads.map((url) => {
    const handled = handle(cluster, get(url));
    return { command, request: get(url), status: handled.response.status, answer: handled.response.body };
  });
  if (last) exchanges.push({ command, ...last });
  return exchanges;
}

function attempt(exchanges: readonly Exchange[]): Attempt {
  const command = outsideCommand(exchanges);
  assert.ok(command, 'a command is rebuilt');
  return { line: command.line, answer: command.answer, ...(command.unseen.length ? { unseen: command.unseen } : {}) };
}

const met = (goal: Condition[], cluster: Cluster, attempts: Attempt[]) => checkGoal(goal, cluster, attempts).map((p) => p.met);

/** A cluster with pod web Running and service web selecting it. */
function withWeb(): Cluster {
  let shell = newShell(7);
  for (const line of ['kubectl run web --image=nginx', 'kubectl expose pod web --port=80 --type=NodePort']) shell = runLine(shell, line, NO_FILES, 1000).state;
  return advanceClock(shell.cluster, 10_000);
}

describe('kubectl exec from the learner’s own kubectl', () => {
  it('the command, container and -i come from the upgrade’s query; a goal with the command after -- ticks', () => {
    const cluster = withWeb();
    const exchanges = invoke(
      cluster,
      'kubectl exec',
      ['/api/v1/namespaces/default/pods/web'],
      upgrade('/api/v1/namespaces/default/pods/web/exec?command=curl&command=-s&command=localhost&container=web&stdin=true&stdout=true&stderr=true', 101),
    );
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl exec web --container=web --stdin -- curl -s localhost');
    assert.ok(command && understand(command.line).ok);
    const goal: Condition[] = [
      { ran: 'kubectl exec web -- curl -s localhost', accepted: true },
      { ran: 'kubectl exec -i pod/web -- curl -s localhost' },
      { ran: 'kubectl exec web -- ls /' },
      { ran: 'kubectl exec -it web -- curl -s localhost' },
    ];
    assert.deepEqual(met(goal, cluster, [attempt(exchanges)]), [true, true, false, false]);
  });

  it('-it comes through as --stdin --tty', () => {
    const exchanges = invoke(
      withWeb(),
      'kubectl exec',
      ['/api/v1/namespaces/default/pods/web'],
      upgrade('/api/v1/namespaces/default/pods/web/exec?command=sh&container=web&stdin=true&stdout=true&tty=true', 101),
    );
    assert.equal(outsideCommand(exchanges)?.line, 'kubectl exec web --container=web --stdin --tty -- sh');
    assert.deepEqual(met([{ ran: 'kubectl exec -it web -- sh' }], withWeb(), [attempt(exchanges)]), [true]);
  });

  it('a pod that is not there is the API’s NotFound; an upgrade refused ends it refused with its Status', () => {
    const cluster = withWeb();
    const missing = invoke(cluster, 'kubectl exec', ['/api/v1/namespaces/default/pods/nope']);
    assert.equal(outsideCommand(missing)?.line, 'kubectl exec nope');
    assert.deepEqual(met([{ ran: 'kubectl exec nope -- ls', refused: { reason: 'NotFound' } }], cluster, [attempt(missing)]), [true]);
    const status = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pod web is not running', reason: 'BadRequest', code: 400 });
    const refused = invoke(
      cluster,
      'kubectl exec',
      ['/api/v1/namespaces/default/pods/web'],
      upgrade('/api/v1/namespaces/default/pods/web/exec?command=ls&container=web', 400, status),
    );
    const command = outsideCommand(refused)!;
    assert.equal(command.answer.accepted, false);
    assert.deepEqual(
      met(
        [
          { ran: 'kubectl exec web -- ls', accepted: true },
          { ran: 'kubectl exec web -- ls', refused: { by: 'api' } },
        ],
        cluster,
        [attempt(refused)],
      ),
      [false, true],
    );
  });

  it('a word kubectl sent is quoted, never read as a flag of the rebuilt line', () => {
    const exchanges = invoke(
      withWeb(),
      'kubectl exec',
      ['/api/v1/namespaces/default/pods/web'],
      upgrade(`/api/v1/namespaces/default/pods/web/exec?command=sh&command=-c&command=${encodeURIComponent("echo 'a b'; ls")}&container=web`, 101),
    );
    const read = understand(outsideCommand(exchanges)!.line);
    assert.ok(read.ok);
    assert.deepEqual(read.understood.args, ['sh', '-c', "echo 'a b'; ls"]);
    assert.deepEqual(read.understood.flags, { container: 'web' });
  });
});

describe('kubectl port-forward from the learner’s own kubectl', () => {
  it('pod/NAME: the upgrade accepted meets the goal, whatever local port was asked for', () => {
    const cluster = withWeb();
    const exchanges = invoke(
      cluster,
      'kubectl port-forward',
      ['/api/v1/namespaces/default/pods/web', '/api/v1/namespaces/default/pods/web'],
      upgrade('/api/v1/namespaces/default/pods/web/portforward', 101),
    );
    const command = outsideCommand(exchanges)!;
    assert.equal(command.line, 'kubectl port-forward web');
    assert.deepEqual(command.unseen, ['args', 'address']);
    const goal: Condition[] = [
      { ran: 'kubectl port-forward pod/web 8080:80', accepted: true },
      { did: { verb: 'port-forward', type: 'services' } },
      { ran: 'kubectl port-forward pod/other 8080:80' },
    ];
    assert.deepEqual(met(goal, cluster, [attempt(exchanges)]), [true, false, false]);
  });

  it('svc/NAME: the service it read first is what it forwarded, though the upgrade goes to its pod', () => {
    const cluster = withWeb();
    const exchanges = invoke(
      cluster,
      'kubectl port-forward',
      ['/api/v1/namespaces/default/services/web', '/api/v1/namespaces/default/pods?labelSelector=run%3Dweb', '/api/v1/namespaces/default/pods/web'],
      upgrade('/api/v1/namespaces/default/pods/web/portforward', 101),
    );
    assert.equal(outsideCommand(exchanges)?.line, 'kubectl port-forward services/web');
    assert.deepEqual(met([{ ran: 'kubectl port-forward svc/web 8080:80' }, { ran: 'kubectl port-forward pod/web 8080:80' }], cluster, [attempt(exchanges)]), [
      true,
      false,
    ]);
  });

  it('at the course’s prompt too, kubectl reads port-forward by its parts, and a goal wants its ports there', () => {
    const cluster = withWeb();
    const shell = { ...newShell(7), cluster };
    const lines = ['kubectl port-forward svc/web 8080:80', 'k port-forward service/web 8080:80'];
    const attempts = lines.map((line) => {
      const result = runLine(shell, line, NO_FILES, 1000);
      return { line, answer: answerOf(result.exitCode, result.stderr) };
    });
    const goal: Condition[] = [{ ran: 'kubectl port-forward services/web 8080:80', accepted: true }];
    for (const a of attempts) assert.deepEqual(met(goal, cluster, [a]), [true], a.line);
    assert.deepEqual(met([{ ran: 'kubectl port-forward svc/web 9090:80' }], cluster, attempts), [false]);
  });
});

describe('an upgrade told as an exchange', () => {
  it('keeps exec’s repeated command words in order, and the last value of any other name', () => {
    const req = {
      url: '/api/v1/namespaces/default/pods/web/exec?command=ls&command=-l&command=%2F&container=a&container=web',
      method: 'GET',
      headers: {},
    } as unknown as IncomingMessage;
    const request = upgradeRequest(req);
    assert.equal(request.path, '/api/v1/namespaces/default/pods/web/exec');
    assert.deepEqual(JSON.parse(request.query.get('command') ?? ''), ['ls', '-l', '/']);
    assert.equal(request.query.get('container'), 'web');
  });

  it('reads the answer from the first bytes written back, once, after the writer has finished', async () => {
    const socket = new PassThrough();
    const told: ApiResponse[] = [];
    onUpgradeAnswer(socket, (answer) => told.push(answer));
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
    assert.equal(told.length, 0, 'not yet: the code that wrote it may still change the cluster');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(told, [{ status: 400, contentType: 'application/json', body: '{}' }]);

    const open = new PassThrough();
    const opened: ApiResponse[] = [];
    onUpgradeAnswer(open, (answer) => opened.push(answer));
    open.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n');
    open.write('HTTP/1.1 500 not an answer: a frame that happens to read like one\r\n\r\n');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      opened.map((a) => a.status),
      [101],
    );
    assert.equal(answerOfBytes('\x81\x05hello'), null);
  });
});
