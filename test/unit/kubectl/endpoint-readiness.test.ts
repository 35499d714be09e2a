import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceClock, createCluster, createPod, createService, type Cluster } from '../../../src/core/cluster/index.js';
import { checkGoal } from '../../../src/core/course/goals.js';
import { runKubectl } from '../../../src/core/kubectl/index.js';
import { curl } from '../../../src/core/shell/curl.js';

const io = { readFile: () => ({ error: 'not-found' as const }) };
const kubectl = (cluster: Cluster, ...args: string[]) => runKubectl(cluster, args, io);

function must(result: { ok: true; cluster: Cluster } | { ok: false; error: { message: string } }): Cluster {
  if (!result.ok) throw new Error(result.error.message);
  return result.cluster;
}

/** A NodePort service web and `pods` pods it selects, all just created: none has started yet. */
function justCreated(pods: number): Cluster {
  let cluster = must(
    createService(createCluster({ seed: 1 }), { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] }),
  );
  for (let i = 1; i <= pods; i++) {
    cluster = must(
      createPod(cluster, { name: `web-${i}`, labels: { app: 'web' }, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }),
    );
  }
  return cluster;
}

const nodePortOf = (cluster: Cluster) => cluster.services.find((s) => s.metadata.name === 'web')!.spec.ports[0]!.nodePort!;
const goal = [{ service: { name: 'web', endpoints: true } }];

// A pod's IP is known once its sandbox exists, but it is an endpoint only once it is ready: until
// then the Endpoints object lists it under notReadyAddresses (pkg/controller/endpoint), kubectl get
// ep prints only ready addresses (pkg/printers/internalversion/printers.go formatEndpoints), and
// kube-proxy sends nothing to it.
describe('a pod between its start and its readiness, behind a service', () => {
  const created = justCreated(1);
  const pod = created.pods.find((p) => p.metadata.name === 'web-1')!;
  const between = advanceClock(created, Math.floor((pod.timeline.sandboxAt + pod.timeline.startedAt) / 2) - created.now);
  const ready = advanceClock(created, pod.timeline.startedAt + 1 - created.now);

  it('is no endpoint in get ep, a not-ready address in describe, unreachable, and no goal', () => {
    const ip = pod.status.podIP;
    assert.ok(between.now >= pod.timeline.sandboxAt && between.now < pod.timeline.startedAt, 'the clock stopped in between');
    const row = kubectl(between, 'get', 'ep', 'web').stdout.split('\n')[1] ?? '';
    assert.match(row, /^web +\d+s$/, 'no ready address to print');
    const described = kubectl(between, 'describe', 'ep', 'web').stdout;
    assert.match(described, /\n {2}Addresses: +<none>\n/);
    assert.match(described, new RegExp(`\\n {2}NotReadyAddresses: +${(ip ?? '').replaceAll('.', '\\.')}\\n`));
    assert.notEqual(curl(between, ['-s', '-m', '2', `http://203.0.113.11:${nodePortOf(between)}`]).exitCode, 0);
    assert.deepEqual(
      checkGoal(goal, between, []).map((p) => p.met),
      [false],
    );
  });

  it('becomes the endpoint once ready: listed, reachable, goal met', () => {
    assert.match(kubectl(ready, 'get', 'ep', 'web').stdout, new RegExp(`^web +${(pod.status.podIP ?? '').replaceAll('.', '\\.')}:80 +\\d+s$`, 'm'));
    assert.match(kubectl(ready, 'describe', 'ep', 'web').stdout, /\n {2}NotReadyAddresses: +<none>\n/);
    assert.equal(curl(ready, ['-s', `http://203.0.113.11:${nodePortOf(ready)}`]).exitCode, 0);
    assert.deepEqual(
      checkGoal(goal, ready, []).map((p) => p.met),
      [true],
    );
  });
});

describe('a service with five ready endpoints', () => {
  it('shows three and "+ 2 more..." in get ep and describe svc, as kubectl does', () => {
    const created = justCreated(5);
    const started = Math.max(...created.pods.map((p) => p.timeline.startedAt));
    const cluster = advanceClock(created, started + 1 - created.now);
    const three = /^(\d+\.\d+\.\d+\.\d+:80,){2}\d+\.\d+\.\d+\.\d+:80 \+ 2 more\.\.\.$/;
    const row = kubectl(cluster, 'get', 'ep', 'web').stdout.split('\n')[1] ?? '';
    assert.match(row.replace(/^web +/, '').replace(/ +\d+s$/, ''), three);
    const line = /\nEndpoints: +(.*)\n/.exec(kubectl(cluster, 'describe', 'svc', 'web').stdout)?.[1] ?? '';
    assert.match(line, three);
  });
});
