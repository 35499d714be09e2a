// Images whose command ends at once (busybox, curl): the container exits, the kubelet restarts
// it with a back-off of 10s doubling to 300s (pkg/kubelet/kuberuntime/kuberuntime_manager.go
// doBackOff; pkg/kubelet/kubelet.go MaxContainerBackOff), and the pod shows Completed (or Error),
// then CrashLoopBackOff with its restarts; real kubectl 1.32's describe and -o yaml of our pods
// (served by a fake API server) print what ours print.

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { findPod, podPhase, restartsOf, containerState } from '../../../src/core/cluster/index.js';
import { runsOf } from '../../../src/core/cluster/crash-loop.js';
import { KUBECTL, realKubectl, startFakeApi, withoutAges } from '../kubectl/fake-api.js';
import { Session } from '../kubectl/helpers.js';

describe('a container that exits at once', () => {
  it('busybox: Completed, restarted once at once, then CrashLoopBackOff with back-offs of 10s, 20s, 40s...', () => {
    const s = new Session(2);
    s.run('run bb --image=busybox');
    s.wait(4);
    const pod = findPod(s.cluster, 'bb')!;
    const runs = runsOf(pod, pod.quickExit!, s.cluster.now + 20 * 60_000);
    const gaps = runs.slice(1).map((r, i) => r.startedAt - runs[i]!.finishedAt);
    // The first restart follows the next sync (and, for imagePullPolicy Always, a pull); then the back-off doubles.
    const backoffs = gaps.slice(1).map((g) => g - 1100);
    assert.deepEqual(backoffs.slice(0, 7), [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    s.wait(60);
    const table = s.run('get pod bb').stdout;
    assert.match(table, /bb +0\/1 +CrashLoopBackOff +\d \(\d+s ago\) /);
    assert.equal(podPhase(findPod(s.cluster, 'bb')!, s.cluster.now), 'Running');
    assert.ok(restartsOf(findPod(s.cluster, 'bb')!, s.cluster.now).count >= 3);
    assert.match(s.run('describe pod bb').stdout, /Warning +BackOff +.*Back-off restarting failed container bb in pod bb_default\(/);
    assert.equal(s.run('get endpoints').stdout.includes('10.244'), false, 'a crashing pod is no endpoint');
  });

  it('curl without a URL exits 2: Error, and its one line in kubectl logs', () => {
    const s = new Session(2);
    s.run('run cc --image=curlimages/curl');
    s.wait(6);
    const st = containerState(findPod(s.cluster, 'cc')!, s.cluster.now);
    assert.ok(st.state === 'terminated' || (st.state === 'waiting' && st.reason === 'CrashLoopBackOff'));
    assert.equal(s.run('logs cc').stdout, "curl: try 'curl --help' or 'curl --manual' for more information\n");
  });

  it('restartPolicy Never: Completed once, the pod Succeeded, no restarts', () => {
    const s = new Session(2);
    s.run('run once --image=busybox:1.36 --restart=Never');
    s.wait(120);
    assert.match(s.run('get pod once').stdout, /once +0\/1 +Completed +0 /);
    assert.equal(podPhase(findPod(s.cluster, 'once')!, s.cluster.now), 'Succeeded');
  });
});

describe('a crash loop, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(4);

  before(async () => {
    session.run('run bb --image=busybox');
    session.run('run cc --image=curlimages/curl:8.11.1');
    session.run('run once --image=busybox:1.36 --restart=Never');
    session.wait(75);
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  for (const line of ['describe pod bb', 'describe pod cc', 'describe pod once', 'get pod bb -o yaml', 'get pod cc -o json', 'get pod once -o yaml']) {
    it(`kubectl ${line}`, async () => {
      const real = await realKubectl(line.split(' '), kubeconfig);
      assert.equal(real.code, 0, real.stderr);
      assert.equal(withoutAges(session.run(line).stdout), withoutAges(real.stdout));
    });
  }
});
