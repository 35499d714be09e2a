// A terminating pod stays in its service's EndpointSlice, which Endpoints leave it out of: not ready,
// serving while its container still answers, terminating
// (staging/src/k8s.io/endpointslice/utils.go podToEndpoint; pkg/controller/endpointslice
// ShouldPodBeInEndpoints with includeTerminating true), with the ports it resolves on that pod.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { DEFAULT_START, endpointsFor } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

function servedPod(): Session {
  const s = new Session(1);
  s.run('run web --image=nginx --port=80 -l app=web');
  s.run('expose pod web --port=80 --type=NodePort');
  s.wait(10);
  s.run('delete pod web --wait=false');
  return s;
}

describe('an EndpointSlice keeps a terminating pod', () => {
  it('with ready false, serving true, terminating true, and its port; Endpoints have no address', () => {
    const s = servedPod();
    const yaml = s.run('get endpointslices -l kubernetes.io/service-name=web -o yaml').stdout;
    assert.match(yaml, /\n {4}conditions:\n {6}ready: false\n {6}serving: true\n {6}terminating: true\n/);
    assert.match(yaml, /\n {2}ports:\n {2}- name: ""\n {4}port: 80\n {4}protocol: TCP\n/);
    assert.match(s.run('get endpointslices').stdout, /\nweb-\w+ +IPv4 +80 +10\.244\.\d+\.\d+ +10s\n/);
    assert.match(s.run('describe endpointslices -l kubernetes.io/service-name=web').stdout, /\n {4}Conditions:\n {6}Ready: +false\n/);
    const service = s.cluster.services.find((x) => x.metadata.name === 'web');
    assert.ok(service);
    assert.deepEqual(endpointsFor(s.cluster, service).subsets, []);
    assert.match(s.run('get endpoints web').stdout, /\nweb +<none> +10s\n/);
  });

  it('once the pod has gone, the slice is empty again', () => {
    const s = servedPod();
    s.wait(1);
    assert.match(s.run('get endpointslices').stdout, /\nweb-\w+ +IPv4 +<unset> +<unset> +11s\n/);
  });
});

describe('a terminating endpoint, printed by the real kubectl 1.32 from the lab', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  const dir = tempDir('nodeport-lab-slice-terminating-');
  before(async () => {
    // The lab's clock stands still at the sandbox's start, so both clusters are the same one.
    server = await startServer({ seed: 1, port: 0, home: dir, log: () => undefined, clock: () => DEFAULT_START });
  });
  after(async () => {
    await server?.stop();
  });
  it('-o yaml and describe of the slice agree line for line', async () => {
    const sandbox = new Session(1);
    const lines = [
      'run web --image=nginx --port=80 -l app=web',
      'expose pod web --port=80',
      'delete pod web --wait=false',
      'get endpointslices -l kubernetes.io/service-name=web -o yaml',
      'describe endpointslices -l kubernetes.io/service-name=web',
      'get endpoints web -o yaml',
    ];
    for (const line of lines) {
      const real = await realKubectl(line.split(' '), server.kubeconfig);
      const sim = sandbox.run(line);
      assert.equal(sim.stdout, real.stdout, line);
      assert.equal(sim.stderr, real.stderr, line);
    }
  });
});
