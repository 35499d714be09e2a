// The command a learner's own kubectl ran, rebuilt from its requests (shaped as the real kubectl
// 1.32 sends them: Kubectl-Command names the command path only) and judged by a step's goal as a
// line typed at the course's prompt would be.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { outsideCommand, type Exchange } from '../../../src/core/api/outside-command.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { checkGoal, type Attempt, type Condition } from '../../../src/core/course/goals.js';
import { deedOfLine } from '../../../src/core/course/deeds.js';
import { understand } from '../../../src/core/kubectl/understood.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
// `kubectl create svc nodeport too-low --tcp=80:80 --node-port 29999`, as the real kubectl 1.32 sent it.
const TOO_LOW = Buffer.from(
  '6b3873000a0d0a02763112075365727669636512730a270a07746f6f2d6c6f7712001a0022002a003200380042005a0e0a036170701207746f6f2d6c6f7712440a1a0a0538302d3830120354435018502206080010501a0028afea01120e0a036170701207746f6f2d6c6f771a0022084e6f6465506f72743a00420052005a00600068001a020a001a002200',
  'hex',
);

function request(method: string, url: string, body = '', extra: Partial<ApiRequest> = {}): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept: 'application/json', contentType: 'application/json', body, ...extra };
}

/** Runs one kubectl invocation's requests through the lab's handler; returns the exchanges and the cluster after. */
function invoke(cluster: Cluster, command: string, requests: readonly ApiRequest[]): { exchanges: Exchange[]; cluster: Cluster } {
  const exchanges: Exchange[] = [];
  let now = cluster;
  for (const req of requests) {
    const handled = handle(now, req);
    now = handled.cluster;
    exchanges.push({ command, request: req, status: handled.response.status, answer: handled.response.body });
  }
  return { exchanges, cluster: now };
}

const DISCOVERY = [request('GET', '/api?timeout=32s'), request('GET', '/apis?timeout=32s'), request('GET', '/api/v1?timeout=32s')];
const RUN_BODY = JSON.stringify({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'my-first-pod', creationTimestamp: null, labels: { run: 'my-first-pod' } },
  spec: { containers: [{ name: 'my-first-pod', image: 'stacksimplify/kubenginx:1.0.0', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  status: {},
});
const EXPOSE_BODY = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { labels: { run: 'my-first-pod' }, name: 'my-first-service' },
  spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { run: 'my-first-pod' }, type: 'NodePort' },
});

function attempt(exchanges: readonly Exchange[]): Attempt {
  const command = outsideCommand(exchanges);
  assert.ok(command, 'a command is rebuilt');
  return { line: command.line, answer: command.answer, ...(command.unseen.length ? { unseen: command.unseen } : {}) };
}

const met = (goal: Condition[], cluster: Cluster, attempts: Attempt[]) => checkGoal(goal, cluster, attempts).map((p) => p.met);

describe('a command rebuilt from what the learner’s own kubectl asked', () => {
  const fresh = () => createCluster({ seed: 4 });

  it('kubectl run: the pod’s name and image come from the POST; the line reads back as kubectl run', () => {
    const { exchanges } = invoke(fresh(), 'kubectl run', [...DISCOVERY, request('POST', '/api/v1/namespaces/default/pods?fieldManager=kubectl-run', RUN_BODY)]);
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl run my-first-pod --image=stacksimplify/kubenginx:1.0.0');
    assert.deepEqual(command?.answer, { accepted: true });
    const read = understand(command.line);
    assert.ok(read.ok && read.understood.verb === 'run' && read.understood.flags.image === 'stacksimplify/kubenginx:1.0.0');
    const goal: Condition[] = [{ did: deedOfLine('kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0')! }];
    assert.deepEqual(met(goal, fresh(), [attempt(exchanges)]), [true]);
  });

  it('kubectl expose: the exposed pod is the one it read first, the service what it posted', () => {
    const ran = invoke(fresh(), 'kubectl run', [request('POST', '/api/v1/namespaces/default/pods', RUN_BODY)]);
    const { exchanges, cluster } = invoke(ran.cluster, 'kubectl expose', [
      request('GET', '/api/v1/namespaces/default/pods/my-first-pod'),
      request('POST', '/api/v1/namespaces/default/services?fieldManager=kubectl-expose', EXPOSE_BODY),
    ]);
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl expose pods my-first-pod --name=my-first-service --type=NodePort --port=80');
    const goal: Condition[] = [
      { did: deedOfLine('kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service', { accepted: true })! },
      { did: deedOfLine('kubectl expose pod my-first-pod --type=NodePort --port=8080 --name=my-first-service')! },
      { service: { name: 'my-first-service', type: 'NodePort', selects: 'my-first-pod' } },
    ];
    assert.deepEqual(met(goal, cluster, [attempt(exchanges)]), [true, false, true]);
  });

  it('kubectl create service nodeport refused for 29999: the API’s field and value meet a refusal goal', () => {
    const { exchanges } = invoke(fresh(), 'kubectl create service nodeport', [
      request('POST', '/api/v1/namespaces/default/services?fieldManager=kubectl-create&fieldValidation=Strict', '', {
        contentType: 'application/vnd.kubernetes.protobuf',
        raw: TOO_LOW,
      }),
    ]);
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl create service nodeport too-low --tcp=80:80 --node-port=29999');
    assert.equal(command?.answer.accepted, false);
    const goal: Condition[] = [
      { did: { refused: { by: 'api', field: 'spec.ports[0].nodePort', value: '29999' } } },
      { did: { refused: { by: 'api', field: 'spec.ports[0].nodePort', value: '32768' } } },
      { did: { refused: { by: 'kubectl' } } },
    ];
    assert.deepEqual(met(goal, fresh(), [attempt(exchanges)]), [true, false, false]);
  });

  it('kubectl get asks for a Table whatever -o wide says: a goal with -o wide asks nothing of the output flag', () => {
    const { exchanges } = invoke(fresh(), 'kubectl get', [request('GET', '/api/v1/namespaces/default/pods?limit=500', '', { accept: TABLE })]);
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl get pods');
    assert.deepEqual(command?.unseen, ['output']);
    const goal: Condition[] = [{ ran: 'kubectl get pods -o wide' }, { ran: 'kubectl get svc' }, { ran: 'kubectl get pods -l app=web' }];
    assert.deepEqual(met(goal, fresh(), [attempt(exchanges)]), [true, false, false]);
  });

  it('kubectl get pods,svc in one invocation is one command over both types; -l and -w come from the query', () => {
    const both = invoke(fresh(), 'kubectl get', [
      request('GET', '/api/v1/namespaces/default/pods?limit=500', '', { accept: TABLE }),
      request('GET', '/api/v1/namespaces/default/services?limit=500', '', { accept: TABLE }),
    ]);
    assert.equal(outsideCommand(both.exchanges)?.line, 'kubectl get pods,services');
    const watched = invoke(fresh(), 'kubectl get', [
      request('GET', '/api/v1/namespaces/default/pods?labelSelector=run%3Dweb&limit=500', '', { accept: TABLE }),
      request('GET', '/api/v1/namespaces/default/pods?labelSelector=run%3Dweb&resourceVersion=5&watch=true', '', { accept: TABLE }),
    ]);
    assert.equal(outsideCommand(watched.exchanges)?.line, 'kubectl get pods --selector=run=web --watch');
  });

  it('kubectl describe svc NAME: the first object it read; a missing one is the API’s NotFound', () => {
    const ran = invoke(fresh(), 'kubectl run', [request('POST', '/api/v1/namespaces/default/pods', RUN_BODY)]);
    const exposed = invoke(ran.cluster, 'kubectl expose', [
      request('GET', '/api/v1/namespaces/default/pods/my-first-pod'),
      request('POST', '/api/v1/namespaces/default/services', EXPOSE_BODY),
    ]);
    const { exchanges } = invoke(exposed.cluster, 'kubectl describe', [
      request('GET', '/api/v1/namespaces/default/services/my-first-service'),
      request('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dmy-first-service&limit=500'),
    ]);
    assert.equal(outsideCommand(exchanges)?.line, 'kubectl describe services my-first-service');
    const goal: Condition[] = [{ ran: 'kubectl describe svc my-first-service', accepted: true }];
    assert.deepEqual(met(goal, exposed.cluster, [attempt(exchanges)]), [true]);
    const missing = invoke(fresh(), 'kubectl describe', [request('GET', '/api/v1/namespaces/default/services/nope')]);
    const answer = outsideCommand(missing.exchanges)?.answer;
    assert.ok(answer && !answer.accepted && answer.reason === 'NotFound');
    assert.deepEqual(met([{ ran: 'kubectl describe svc nope', accepted: true }], fresh(), [attempt(missing.exchanges)]), [false]);
  });

  it('kubectl apply -f: the file is kubectl’s own; a goal naming one asks nothing of it', () => {
    const { exchanges } = invoke(fresh(), 'kubectl apply', [
      request('GET', '/api/v1/namespaces/default/services/web'),
      request('POST', '/api/v1/namespaces/default/services?fieldManager=kubectl-client-side-apply', EXPOSE_BODY),
    ]);
    const command = outsideCommand(exchanges);
    assert.equal(command?.line, 'kubectl apply');
    assert.deepEqual(met([{ ran: 'kubectl apply -f service.yaml' }, { ran: 'kubectl create -f service.yaml' }], fresh(), [attempt(exchanges)]), [true, false]);
  });

  it('logs and delete name their pod; every rebuilt line reads back as kubectl reads it', () => {
    const ran = invoke(fresh(), 'kubectl run', [request('POST', '/api/v1/namespaces/default/pods', RUN_BODY)]);
    const logs = invoke(ran.cluster, 'kubectl logs', [
      request('GET', '/api/v1/namespaces/default/pods/my-first-pod'),
      request('GET', '/api/v1/namespaces/default/pods/my-first-pod/log?container=my-first-pod&follow=true&tailLines=5'),
    ]);
    assert.equal(outsideCommand(logs.exchanges)?.line, 'kubectl logs my-first-pod --container=my-first-pod --tail=5 --follow');
    const deleted = invoke(ran.cluster, 'kubectl delete', [
      request('DELETE', '/api/v1/namespaces/default/pods/my-first-pod', '{"propagationPolicy":"Background"}'),
    ]);
    assert.equal(outsideCommand(deleted.exchanges)?.line, 'kubectl delete pods my-first-pod');
    for (const line of [outsideCommand(logs.exchanges)!.line, outsideCommand(deleted.exchanges)!.line]) assert.ok(understand(line).ok, line);
  });

  it('other clients, and kubectl that touched no object, give no command', () => {
    const curl = invoke(fresh(), '', [request('GET', '/api/v1/namespaces/default/pods')]);
    assert.equal(outsideCommand(curl.exchanges), null);
    const explain = invoke(fresh(), 'kubectl explain', [...DISCOVERY, request('GET', '/openapi/v3'), request('GET', '/openapi/v3/api/v1')]);
    assert.equal(outsideCommand(explain.exchanges), null);
  });

  it('names and values a client chose are quoted, never read as more words', () => {
    const body = JSON.stringify({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'x', labels: { run: 'x' } },
      spec: { containers: [{ name: 'x', image: "nginx --port=1 'a b'" }] },
    });
    const { exchanges } = invoke(fresh(), 'kubectl run', [request('POST', '/api/v1/namespaces/default/pods', body)]);
    const command = outsideCommand(exchanges)!;
    const read = understand(command.line);
    assert.ok(read.ok);
    assert.equal(read.understood.flags.image, "nginx --port=1 'a b'");
    assert.equal(read.understood.flags.port, undefined);
  });
});
