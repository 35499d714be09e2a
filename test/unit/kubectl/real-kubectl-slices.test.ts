// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// EndpointSlices as the EndpointSlice reconciler keeps them (staging/src/k8s.io/endpointslice/
// reconciler.go, utils.go getEndpointPorts): one slice per distinct port set, endpoints in the
// order their pods got an IP, and describe service's Endpoints line read from those slices
// (staging/src/k8s.io/kubectl/pkg/describe/describe.go formatEndpointSlices). The real kubectl
// 1.32 client prints our slices (served by test/unit/kubectl/fake-api.ts) and must print what we do.

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { endpointSlicesFor, readyEndpointsForPort } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl, startFakeApi, withoutAges } from './fake-api.js';
import { Session } from './helpers.js';

const pod = (name: string, port: number): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: split\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: web\n      containerPort: ${port}\n`;
const FILES = {
  'split.yaml': [
    pod('split-a', 80),
    pod('split-b', 8080),
    pod('split-c', 80),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: split\nspec:\n  selector:\n    app: split\n  ports:\n  - name: http\n    port: 80\n    targetPort: web\n',
  ].join('---\n'),
};

function splitSession(): Session {
  const s = new Session(4, FILES);
  s.run('apply -f split.yaml');
  s.wait(20);
  return s;
}

/** A Deployment of 5 scaled to 3: two endpoints terminating. */
function scaledDown(): Session {
  const s = new Session(1);
  s.run('create deployment web --image=nginx --replicas=3 --port=80');
  s.run('expose deployment web --type=NodePort --port=80');
  s.wait(30);
  s.run('scale deploy web --replicas=5');
  s.wait(10);
  s.run('scale deploy web --replicas=3');
  return s;
}

describe("EndpointSlices: one per port set, in the reconciler's order", () => {
  it('pods whose named targetPort resolves to 80 and to 8080 land in two slices', () => {
    const s = splitSession();
    const service = s.cluster.services.find((x) => x.metadata.name === 'split');
    assert.ok(service);
    const slices = endpointSlicesFor(s.cluster, service);
    assert.equal(slices.length, 2);
    const byPort = new Map(slices.map((x) => [x.ports.map((p) => p.port).join(), x.endpoints.map((e) => e.podName)]));
    assert.deepEqual(byPort.get('80')?.slice().sort(), ['split-a', 'split-c']);
    assert.deepEqual(byPort.get('8080'), ['split-b']);
    assert.ok(slices.every((x) => x.ports[0]?.name === 'http' && x.metadata.labels['kubernetes.io/service-name'] === 'split'));
    assert.notEqual(slices[0]?.metadata.name, slices[1]?.metadata.name);
    // Each is the controller's, owned by the Service (utils.go newEndpointSlice).
    for (const slice of slices) {
      const yaml = s.run(`get endpointslice ${slice.metadata.name} -o yaml`).stdout;
      assert.match(yaml, /\n {2}generateName: split-\n/);
      assert.match(
        yaml,
        new RegExp(
          `\n {2}ownerReferences:\n {2}- apiVersion: v1\n {4}blockOwnerDeletion: true\n {4}controller: true\n {4}kind: Service\n {4}name: split\n {4}uid: ${service.metadata.uid}\n`,
        ),
      );
    }
    // get endpointslices lists both, by name.
    const rows = s.run('get endpointslices').stdout.trim().split('\n').slice(1);
    const names = rows.map((r) => r.split(/\s+/)[0] ?? '').filter((n) => n.startsWith('split-'));
    assert.deepEqual(names, slices.map((x) => x.metadata.name).sort());
    // kube-proxy and the tracer see the same three ready endpoints (the Endpoints' view).
    const ready = readyEndpointsForPort(s.cluster, service, service.spec.ports[0]!).map((e) => `${e.address.ip}:${e.port}`);
    assert.equal(ready.length, 3);
    const line = /\nEndpoints: +(\S+)\n/.exec(s.run('describe svc split').stdout)?.[1] ?? '';
    assert.deepEqual(line.split(',').sort(), ready.slice().sort());
  });

  it('a slice lists its endpoints in the order their pods got an IP, not by address', () => {
    const s = scaledDown();
    const service = s.cluster.services.find((x) => x.metadata.name === 'web');
    assert.ok(service);
    const [slice] = endpointSlicesFor(s.cluster, service);
    assert.ok(slice);
    const joined = s.cluster.pods
      .filter((p) => p.metadata.labels.app === 'web')
      .sort((a, b) => a.timeline.sandboxAt - b.timeline.sandboxAt)
      .map((p) => p.metadata.name);
    assert.deepEqual(
      slice.endpoints.map((e) => e.podName),
      joined,
    );
    assert.deepEqual(
      slice.endpoints.map((e) => `${e.ready}/${e.serving ?? e.ready}/${e.terminating ?? false}`).filter((c) => c === 'false/true/true').length,
      2,
    );
  });

  it('describe svc: three ready endpoints then a terminating one read "+ 0 more...", as kubectl writes it', () => {
    const s = scaledDown();
    assert.match(s.run('describe svc web').stdout, /\nEndpoints: +\S+:80,\S+:80,\S+:80 \+ 0 more\.\.\.\n/);
  });
});

describe('real kubectl 1.32 prints our EndpointSlices as we do', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  const sessions = { split: splitSession(), web: scaledDown() };
  const servers: Server[] = [];
  const configs: Record<string, string> = {};

  before(async () => {
    for (const [key, session] of Object.entries(sessions)) {
      const started = await startFakeApi(() => session.cluster);
      servers.push(started.server);
      configs[key] = started.kubeconfig;
    }
  });

  after(() => {
    for (const server of servers) server.close();
  });

  const same = async (key: 'split' | 'web', line: string): Promise<void> => {
    const real = await realKubectl(line.split(' '), configs[key] ?? '');
    const sim = sessions[key].run(line);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(withoutAges(sim.stdout), withoutAges(real.stdout));
  };
  const sliceNames = (key: 'split' | 'web', service: string): string[] => {
    const svc = sessions[key].cluster.services.find((x) => x.metadata.name === service);
    return svc ? endpointSlicesFor(sessions[key].cluster, svc).map((x) => x.metadata.name) : [];
  };

  it('describe svc split: the Endpoints line from both slices', async () => {
    await same('split', 'describe svc split');
  });
  it("describe endpointslices of split: both, in the API's order", async () => {
    await same('split', 'describe endpointslices -l kubernetes.io/service-name=split');
  });
  it('get endpointslice -o yaml, each slice', async () => {
    for (const name of sliceNames('split', 'split')) await same('split', `get endpointslice ${name} -o yaml`);
  });
  it('describe svc web with two endpoints terminating: "+ 0 more..."', async () => {
    await same('web', 'describe svc web');
  });
  it('describe endpointslice and -o yaml of web: terminating endpoints not ready, serving', async () => {
    const [name] = sliceNames('web', 'web');
    await same('web', `describe endpointslice ${name}`);
    await same('web', `get endpointslice ${name} -o yaml`);
  });
});
