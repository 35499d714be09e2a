// The scheduler: pods fit a node by its allocatable `pods` and its taints; a pod no node takes is
// created and stays Pending (PodScheduled=False, Unschedulable, a FailedScheduling event with
// FitError's text), and is bound, oldest first, when room frees up.
// Sources: kubernetes pkg/scheduler/framework/types.go (FitError.Error, " %v." separators),
// plugins/noderesources/fit.go ("Too many pods"), plugins/tainttoleration ("node(s) had untolerated
// taint {key: value}"), plugins/defaultpreemption ("No preemption victims found for incoming pod",
// "Preemption is not helpful for scheduling"), pkg/controller/controller_utils.go ActivePods
// (unassigned pods are deleted first), pkg/registry/core/pod/strategy.go (logs and exec of a pod
// with no node).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activePodsOn,
  advanceClock,
  createCluster,
  createPod,
  deletePod,
  endpointsFor,
  eventsFor,
  findPod,
  podConditions,
  podPhase,
  waitingPods,
  type Cluster,
  type Node,
  type Pod,
  type Taint,
} from '../../../src/core/cluster/index.js';
import { podView, runKubectl, splitShellWords } from '../../../src/core/kubectl/index.js';
import { newShell, runLine, type ShellState } from '../../../src/core/shell/shell.js';
import { files } from '../shell/helpers.js';

const FULL_DEFAULT =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. ' +
  'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..';

/** Each worker takes `maxPods` pods in all (the kubelet's --max-pods), its two system pods included. */
function withMaxPods(cluster: Cluster, maxPods: number, only?: string): Cluster {
  const nodes = cluster.nodes.map((n): Node =>
    only !== undefined && n.metadata.name !== only
      ? n
      : {
          ...n,
          status: { ...n.status, capacity: { ...n.status.capacity, pods: String(maxPods) }, allocatable: { ...n.status.allocatable, pods: String(maxPods) } },
        },
  );
  return { ...cluster, nodes };
}

function withTaint(cluster: Cluster, node: string, taint: Taint): Cluster {
  return { ...cluster, nodes: cluster.nodes.map((n) => (n.metadata.name === node ? { ...n, spec: { ...n.spec, taints: [...n.spec.taints, taint] } } : n)) };
}

function pod(cluster: Cluster, name: string, image = 'nginx', restartPolicy?: string): Cluster {
  const r = createPod(cluster, {
    name,
    labels: { app: 'web' },
    containers: [{ name, image, ports: [{ containerPort: 80 }] }],
    ...(restartPolicy ? { restartPolicy } : {}),
  });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.cluster;
}

function mustFind(cluster: Cluster, name: string): Pod {
  const found = findPod(cluster, name);
  assert.ok(found, `pod ${name}`);
  return found;
}

function kubectl(cluster: Cluster, line: string): { cluster: Cluster; stdout: string; stderr: string; exitCode: number } {
  const words = splitShellWords(line);
  assert.ok(words.ok);
  const r = runKubectl(cluster, words.words, files());
  return { cluster: r.cluster, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/** A worker's pods that hold a place on it (system pods included). */
const load = (cluster: Cluster, node: string): number => activePodsOn(cluster, node).length;

describe('the scheduler', () => {
  it('counts every non-terminated pod on a node, system pods included, against its allocatable pods', () => {
    let k = withMaxPods(createCluster({ seed: 3 }), 4);
    assert.equal(load(k, 'worker-1'), 2, 'kube-proxy and flannel already run on each worker');
    for (const name of ['a', 'b', 'c', 'd']) k = pod(k, name);
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((n) => mustFind(k, n).spec.nodeName),
      ['worker-1', 'worker-2', 'worker-1', 'worker-2'],
      'the least loaded node, ties to the first by name',
    );
    k = pod(k, 'e');
    const e = mustFind(k, 'e');
    assert.equal(e.spec.nodeName, undefined);
    assert.equal(e.status.podIP, undefined);
    assert.equal(e.status.hostIP, undefined);
    assert.equal(e.unschedulable?.message, FULL_DEFAULT);
    assert.equal(podPhase(e, k.now), 'Pending');
    assert.deepEqual(
      podConditions(e, k.now).map((c) => [c.type, c.status, c.reason, c.message]),
      [['PodScheduled', 'False', 'Unschedulable', FULL_DEFAULT]],
    );
    const events = eventsFor(k, e.metadata.uid).map((ev) => [ev.type, ev.reason, ev.source, ev.message]);
    assert.deepEqual(events, [['Warning', 'FailedScheduling', 'default-scheduler', FULL_DEFAULT]]);
    // Still Pending, with no IP, as time passes and nothing frees up.
    k = advanceClock(k, 600_000);
    assert.equal(mustFind(k, 'e').spec.nodeName, undefined);
    assert.equal(podPhase(mustFind(k, 'e'), k.now), 'Pending');
    // Tried again after five minutes unschedulable, at the queue's next 30-second flush; failed again.
    assert.deepEqual(
      eventsFor(k, e.metadata.uid).map((ev) => [ev.reason, ev.at - e.metadata.creationTimestamp]),
      [
        ['FailedScheduling', 0],
        ['FailedScheduling', 330_000],
      ],
    );
    k = advanceClock(k, 60_000);
    assert.equal(eventsFor(k, e.metadata.uid).length, 3, 'and again five and a half minutes later');
    assert.match(kubectl(k, 'describe pod e').stdout, /Warning +FailedScheduling +0s \(x3 over 11m\) +default-scheduler +0\/3 nodes/);
    assert.equal(mustFind(k, 'e').metadata.resourceVersion, e.metadata.resourceVersion, 'the same condition: the pod is not written again');
  });

  it('sorts the reasons as Go sorts strings, counts first, and names each taint with its value', () => {
    const cases: { name: string; cluster: () => Cluster; message: string }[] = [
      {
        name: 'one worker full, one tainted NoSchedule with a value',
        cluster: () => withTaint(withMaxPods(createCluster({ seed: 3 }), 2, 'worker-1'), 'worker-2', { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }),
        message:
          '0/3 nodes are available: 1 Too many pods, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ' +
          'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..',
      },
      {
        name: 'both workers tainted NoExecute: no node where preemption helps',
        cluster: () =>
          withTaint(withTaint(createCluster({ seed: 3 }), 'worker-1', { key: 'maintenance', effect: 'NoExecute' }), 'worker-2', {
            key: 'maintenance',
            effect: 'NoExecute',
          }),
        message:
          '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {maintenance: }. ' +
          'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..',
      },
    ];
    for (const c of cases) {
      const k = pod(c.cluster(), 'x');
      assert.equal(mustFind(k, 'x').unschedulable?.message, c.message, c.name);
    }
  });

  it('places a pod past a PreferNoSchedule taint, and never on the control plane', () => {
    let k = withTaint(createCluster({ seed: 3 }), 'worker-1', { key: 'soft', effect: 'PreferNoSchedule' });
    k = withTaint(k, 'worker-2', { key: 'hard', effect: 'NoSchedule' });
    k = pod(pod(k, 'a'), 'b');
    assert.deepEqual([mustFind(k, 'a').spec.nodeName, mustFind(k, 'b').spec.nodeName], ['worker-1', 'worker-1']);
  });

  it('binds waiting pods in creation order as pods are deleted, with a Scheduled event and an IP from the node', () => {
    let k = withMaxPods(createCluster({ seed: 3 }), 3);
    for (const name of ['a', 'b', 'p1', 'p2', 'p3']) k = pod(k, name);
    assert.deepEqual(
      waitingPods(k).map((p) => p.metadata.name),
      ['p1', 'p2', 'p3'],
    );
    k = advanceClock(k, 30_000);
    const b = deletePod(k, 'b');
    assert.ok(b.ok);
    k = b.cluster;
    const p1 = mustFind(k, 'p1');
    assert.equal(p1.spec.nodeName, 'worker-2', "b's place");
    assert.match(p1.status.podIP ?? '', /^10\.244\.2\.\d+$/);
    assert.equal(p1.status.hostIP, '192.168.49.4');
    assert.equal(p1.unschedulable, undefined);
    assert.deepEqual(
      waitingPods(k).map((p) => p.metadata.name),
      ['p2', 'p3'],
    );
    const events = eventsFor(k, p1.metadata.uid).map((e) => `${e.reason} ${e.source} ${e.message}`);
    assert.deepEqual(events, [
      `FailedScheduling default-scheduler ${FULL_DEFAULT}`,
      'Scheduled default-scheduler Successfully assigned default/p1 to worker-2',
    ]);
    // The deletion sent every waiting pod back to be tried: those that still fit nowhere failed again, then.
    const p2 = mustFind(k, 'p2');
    assert.deepEqual(
      eventsFor(k, p2.metadata.uid).map((e) => [e.reason, e.at - p2.metadata.creationTimestamp]),
      [
        ['FailedScheduling', 0],
        ['FailedScheduling', 30_000],
      ],
    );
    assert.equal(p2.unschedulable?.since, p2.metadata.creationTimestamp, 'the condition keeps its first transition time');
    assert.match(kubectl(k, 'describe pod p2').stdout, /Warning +FailedScheduling +0s \(x2 over 30s\) +default-scheduler +0\/3 nodes are available/);
    // Then the kubelet starts it as usual.
    k = advanceClock(k, 10_000);
    assert.equal(podPhase(mustFind(k, 'p1'), k.now), 'Running');
    assert.deepEqual(
      eventsFor(k, p1.metadata.uid).map((e) => e.reason),
      ['FailedScheduling', 'Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
    );
    // The next deletion frees a place for the next in line.
    const a = deletePod(k, 'a');
    assert.ok(a.ok);
    assert.equal(mustFind(a.cluster, 'p2').spec.nodeName, 'worker-1');
    assert.equal(mustFind(a.cluster, 'p3').spec.nodeName, undefined);
  });

  it('deleting a pod that waits frees nothing', () => {
    let k = withMaxPods(createCluster({ seed: 3 }), 2);
    k = pod(pod(k, 'p1'), 'p2');
    const gone = deletePod(k, 'p1');
    assert.ok(gone.ok);
    assert.equal(mustFind(gone.cluster, 'p2').spec.nodeName, undefined);
  });

  it('a pod that ran to completion leaves its place to a waiting pod as the clock moves', () => {
    let k = withMaxPods(createCluster({ seed: 3 }), 3);
    k = pod(k, 'once', 'busybox:1.36', 'Never');
    k = pod(k, 'b');
    k = pod(k, 'late');
    assert.equal(mustFind(k, 'late').spec.nodeName, undefined);
    k = advanceClock(k, 30_000);
    assert.equal(podPhase(mustFind(k, 'once'), k.now), 'Succeeded');
    assert.equal(mustFind(k, 'late').spec.nodeName, mustFind(k, 'once').spec.nodeName);
  });

  it('a Deployment with more replicas than room: READY n/m, a scale down removes the waiting pods first', () => {
    let k = withMaxPods(createCluster({ seed: 3 }), 4);
    k = kubectl(k, 'create deployment web --image=nginx --replicas=6').cluster;
    k = advanceClock(k, 30_000);
    assert.match(kubectl(k, 'get deploy web').stdout, /^web +4\/6 +6 +4 /m);
    assert.match(kubectl(k, 'get rs').stdout, /^web-\w+ +6 +6 +4 /m);
    const pending = kubectl(k, 'get pods')
      .stdout.split('\n')
      .filter((l) => / 0\/1 +Pending +0 /.test(l));
    assert.equal(pending.length, 2);
    const running = k.pods.filter((p) => p.metadata.name.startsWith('web-') && p.spec.nodeName !== undefined).map((p) => p.metadata.uid);
    k = kubectl(k, 'scale deployment web --replicas=4').cluster;
    k = advanceClock(k, 1_000);
    assert.equal(waitingPods(k).length, 0);
    assert.deepEqual(
      k.pods.filter((p) => p.metadata.name.startsWith('web-')).map((p) => p.metadata.uid),
      running,
      'the running pods stay',
    );
    assert.match(kubectl(k, 'get deploy web').stdout, /^web +4\/4 +4 +4 /m);
  });

  it('endpoints leave out a Pending pod; a service whose only pod waits has none', () => {
    let k = withMaxPods(createCluster({ seed: 3 }), 2);
    k = pod(k, 'web');
    k = kubectl(k, 'expose pod web --type=NodePort --port=80').cluster;
    k = advanceClock(k, 30_000);
    const service = k.services.find((s) => s.metadata.name === 'web');
    assert.ok(service);
    assert.deepEqual(endpointsFor(k, service).subsets, []);
    assert.match(kubectl(k, 'get ep web').stdout, /^web +<none> /m);
    assert.match(kubectl(k, 'get endpointslices').stdout, /^web-\w+ +IPv4 +<unset> +<unset> /m, 'the placeholder slice: no ports, no endpoints');
  });
});

describe('kubectl and a pod that waits for a node', () => {
  const full = (): Cluster => {
    let k = withMaxPods(createCluster({ seed: 3 }), 2);
    k = pod(k, 'web');
    return advanceClock(k, 12_000);
  };

  it('get pods: 0/1 Pending; -o wide: <none> for IP and NODE', () => {
    const k = full();
    assert.match(kubectl(k, 'get pods').stdout, /^web +0\/1 +Pending +0 +12s\n$/m);
    assert.match(kubectl(k, 'get pods -o wide').stdout, /^web +0\/1 +Pending +0 +12s +<none> +<none> +<none> +<none>\n$/m);
  });

  it('-o yaml/json: no nodeName, hostIP, podIP, startTime or containerStatuses; the condition says why', () => {
    const k = full();
    const view = podView(mustFind(k, 'web'), k.now) as { spec: Record<string, unknown>; status: Record<string, unknown> };
    assert.equal('nodeName' in view.spec, false);
    assert.deepEqual(view.status, {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: '2025-03-01T09:00:00Z',
          reason: 'Unschedulable',
          message: FULL_DEFAULT,
        },
      ],
      qosClass: 'BestEffort',
    });
    assert.equal(kubectl(k, 'get pod web -o jsonpath={.spec.nodeName}{.status.podIP}').stdout, '');
    assert.equal(kubectl(k, 'get pod web -o jsonpath={.status.conditions[0].reason}').stdout, 'Unschedulable');
  });

  it('logs answer with an empty stream; exec is refused by the API server', () => {
    const k = full();
    const logs = kubectl(k, 'logs web');
    assert.deepEqual([logs.exitCode, logs.stdout, logs.stderr], [0, '', '']);
    const exec = kubectl(k, 'exec web -- ls');
    assert.equal(exec.exitCode, 1);
    assert.equal(exec.stderr, 'Error from server (BadRequest): pod web does not have a host assigned\n');
  });

  it('--field-selector spec.nodeName= lists the pods with no node', () => {
    const k = full();
    assert.equal(kubectl(k, 'get pods --field-selector spec.nodeName= -o name').stdout, 'pod/web\n');
  });

  it("describe node counts the node's pods without it", () => {
    const k = full();
    assert.match(kubectl(k, 'describe node worker-1').stdout, /Non-terminated Pods: +\(2 in total\)/);
  });
});

describe('the sandbox and a service whose pods all wait', () => {
  it('curl to the node port and the trace fail as a real cluster does: no endpoints, the connection is refused', () => {
    let state: ShellState = newShell(3);
    state = { ...state, cluster: withMaxPods(state.cluster, 2) };
    const io = files();
    const run = (line: string, elapsed = 1000) => {
      const r = runLine(state, line, io, elapsed);
      state = r.state;
      return r;
    };
    run('kubectl run web --image=nginx --port=80');
    run('kubectl expose pod web --type=NodePort --port=80');
    run('sleep 20');
    const port = /80:(\d+)\/TCP/.exec(run('kubectl get svc web').stdout)?.[1];
    assert.ok(port);
    const curl = run(`curl -sS --max-time 3 http://203.0.113.11:${port}/`);
    assert.equal(curl.exitCode, 7);
    assert.match(curl.stderr, /^curl: \(7\) Failed to connect to 203\.0\.113\.11 port \d+ after \d+ ms: Couldn't connect to server\n$/);
    const trace = run(`trace 203.0.113.11:${port}`);
    assert.match(trace.stdout, /^Outcome: connection refused at hop \d+ .*: default\/web has no endpoints/m);
    const fromPod = run('trace --from pod/web 10.96.0.1:443');
    assert.match(fromPod.stdout + fromPod.stderr, /Pending: the scheduler has found no node for it/);
  });
});
