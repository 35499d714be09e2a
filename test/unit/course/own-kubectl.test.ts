// The learner's own kubectl on a practice step, as state: which step wants the lab's API served,
// the goal ticking for the commands rebuilt from its requests and for the served cluster, and
// everything of a step the learner has left dropped. The frame at 80x24 shows the lines to paste.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceClock, type Cluster } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import type { ApiRequest } from '../../../src/core/api/request.js';
import { attemptsIn } from '../../../src/core/course/practice.js';
import { currentPractice, goalMet, initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { ownKubectlHere, wantedServer } from '../../../src/core/course/own-kubectl.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { lessonFrame } from '../../../src/ui/screens/lesson.js';
import { lineText } from '../../../src/text/line.js';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the course does not load');
const course = loaded.course;
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const STEP = 'create-the-pod/run-the-pod';
const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);
const atRunThePod = () =>
  run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), { type: 'open-place', place: { lesson: 'create-the-pod', step: 'run-the-pod' } });

function request(method: string, url: string, body = '', accept = 'application/json'): ApiRequest {
  const parsed = new URL(url, 'http://127.0.0.1');
  return { method, path: parsed.pathname, query: new Map(parsed.searchParams), accept, contentType: 'application/json', body };
}

/** What the UI's server hands the reducer for one request: the answer and the cluster after it. */
function served(state: NavState, command: string, session: string, req: ApiRequest): NavAction {
  const cluster = currentPractice(state)!.shell.cluster;
  const handled = handle(cluster, req);
  return {
    type: 'own-kubectl-request',
    step: STEP,
    session,
    exchange: { command, request: req, status: handled.response.status, answer: handled.response.body },
    line: `${req.method} ${req.path} ${handled.response.status} (${command})`,
    cluster: handled.cluster,
  };
}

const RUN = JSON.stringify({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'my-first-pod', labels: { run: 'my-first-pod' } },
  spec: { containers: [{ name: 'my-first-pod', image: 'stacksimplify/kubenginx:1.0.0' }] },
});

describe('your own kubectl on a practice step', () => {
  it('is asked for on a practice step only', () => {
    const reading = run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), { type: 'open-lesson', lesson: 0 }, { type: 'own-kubectl' });
    assert.equal(wantedServer(reading), null);
    assert.match(reading.notice ?? '', /practice step/);
    const asked = run(atRunThePod(), { type: 'own-kubectl' });
    assert.equal(wantedServer(asked), STEP);
    assert.equal(ownKubectlHere(asked)?.phase, 'starting');
  });

  it('ticks the goal for kubectl run and get pods -o wide from outside, and for the served cluster’s clock', () => {
    let state = run(
      atRunThePod(),
      { type: 'own-kubectl' },
      { type: 'own-kubectl-ready', step: STEP, url: 'http://127.0.0.1:40000', kubeconfig: '/tmp/lab/kubeconfig' },
    );
    assert.equal(ownKubectlHere(state)?.phase, 'serving');
    state = run(state, served(state, 'kubectl run', 's1', request('GET', '/api/v1')));
    state = run(state, served(state, 'kubectl run', 's1', request('POST', '/api/v1/namespaces/default/pods?fieldManager=kubectl-run', RUN)));
    state = run(state, served(state, 'kubectl get', 's2', request('GET', '/api/v1/namespaces/default/pods?limit=500', '', TABLE)));
    const attempts = attemptsIn(currentPractice(state)!, 'run-the-pod');
    assert.deepEqual(
      attempts.map((a) => a.line),
      ['kubectl run my-first-pod --image=stacksimplify/kubenginx:1.0.0', 'kubectl get pods'],
      'one attempt per invocation, rebuilt as its requests came',
    );
    assert.equal(goalMet(state), false, 'the pod is not Running yet');
    const later: Cluster = advanceClock(currentPractice(state)!.shell.cluster, 60_000);
    state = run(state, { type: 'own-kubectl-cluster', step: STEP, cluster: later });
    assert.equal(goalMet(state), true);
    assert.deepEqual(
      ownKubectlHere(state)?.log,
      ['GET /api/v1 200 (kubectl run)', 'POST /api/v1/namespaces/default/pods 201 (kubectl run)', 'GET /api/v1/namespaces/default/pods 200 (kubectl get)'],
      'the log keeps the latest requests',
    );
  });

  it('shows the two lines to paste and the latest request in view at 80x24', () => {
    let state = run(
      atRunThePod(),
      { type: 'own-kubectl' },
      { type: 'own-kubectl-ready', step: STEP, url: 'http://127.0.0.1:40000', kubeconfig: '/tmp/lab/kubeconfig' },
    );
    state = run(state, served(state, 'kubectl get', 's9', request('GET', '/api/v1/namespaces/default/pods?limit=500', '', TABLE)));
    const frame = lessonFrame(state, { columns: 80, rows: 24 }, { color: false, plain: false }).lines.map(lineText);
    assert.ok(frame.length <= 24);
    assert.ok(frame.includes('export KUBECONFIG=/tmp/lab/kubeconfig'), frame.join('\n'));
    assert.ok(frame.includes('kubectl get nodes -o wide'));
    assert.ok(frame.some((l) => l.startsWith('api: GET /api/v1/namespaces/default/pods 200 (kubectl get)')));
    assert.match(frame.at(-1) ?? '', /ctrl-o stop/);
    const before = lessonFrame(atRunThePod(), { columns: 80, rows: 24 }, { color: false, plain: false }).lines.map(lineText);
    assert.match(before.at(-1) ?? '', /ctrl-o kubectl/);
  });

  it('stops when asked again, and when the learner leaves the step: late answers change nothing', () => {
    const serving = run(
      atRunThePod(),
      { type: 'own-kubectl' },
      { type: 'own-kubectl-ready', step: STEP, url: 'http://127.0.0.1:40000', kubeconfig: '/tmp/lab/kubeconfig' },
    );
    const stopped = run(serving, { type: 'own-kubectl' });
    assert.equal(wantedServer(stopped), null);
    assert.match(stopped.notice ?? '', /Stopped/);
    const left = run(serving, { type: 'focus', to: 'page' }, { type: 'previous-step' });
    assert.equal(wantedServer(left), null, 'a step left wants no server');
    const late = run(left, served(serving, 'kubectl run', 's1', request('POST', '/api/v1/namespaces/default/pods', RUN)));
    assert.equal(late.practice, left.practice, 'a request answered for a step left is dropped');
    assert.equal(run(left, { type: 'own-kubectl-stopped', step: STEP }).ownKubectl, null);
    const back = run(run(left, { type: 'own-kubectl-stopped', step: STEP }), { type: 'next-step' });
    assert.equal(wantedServer(back), null, 'coming back does not serve again by itself');
  });

  it('a refusal from the API meets a refusal goal (lesson 6, nodePort 29999)', () => {
    let state = run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'mistakes', step: course.lessons.find((l) => l.id === 'mistakes')!.steps.find((s) => s.kind === 'do')!.id },
    });
    const here = course.lessons.find((l) => l.id === 'mistakes')!.steps.find((s) => s.kind === 'do')!;
    const step = `mistakes/${here.id}`;
    state = run(state, { type: 'own-kubectl' }, { type: 'own-kubectl-ready', step, url: 'http://127.0.0.1:1', kubeconfig: '/k' });
    const body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'too-low' },
      spec: { type: 'NodePort', selector: { app: 'too-low' }, ports: [{ port: 80, targetPort: 80, nodePort: 29999 }] },
    });
    const req = request('POST', '/api/v1/namespaces/default/services', body);
    const handled = handle(currentPractice(state)!.shell.cluster, req);
    assert.equal(handled.response.status, 422);
    state = run(state, {
      type: 'own-kubectl-request',
      step,
      session: 'x',
      exchange: { command: 'kubectl create', request: req, status: 422, answer: handled.response.body },
      line: 'POST 422',
      cluster: handled.cluster,
    });
    assert.equal(goalMet(state), true);
  });
});
