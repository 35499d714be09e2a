// Tier: slow
// The real kubectl 1.32 client describes and prints the simulator's own objects (served by a fake
// API server); its output must equal ours. Ages are measured against different clocks, so event
// tables are compared with ages masked (see withoutAges).

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { KUBECTL, realKubectl, startFakeApi, withoutAges } from './fake-api.js';
import { Session } from './helpers.js';

describe('real kubectl 1.32 prints our objects as we do', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(3, {
    'lb-local.yaml':
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: lb\nspec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n  selector:\n    run: web\n  ports:\n  - port: 80\n',
    'nosel.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nosel\nspec:\n  ports:\n  - port: 80\n',
    'named.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: named\n  labels:\n    app: named\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: http\n      containerPort: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: named\nspec:\n  type: NodePort\n  selector:\n    app: named\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n',
  });

  before(async () => {
    session.run('run web --image=nginx --port=80');
    session.run('run typo --image=stacksimplfy/kubenginx:1.0.0');
    session.run('run notag --image=nginx:1.99.1');
    session.run('run upper --image=Nginx');
    session.run('expose pod web --type=NodePort --port=80');
    session.run('apply -f named.yaml');
    session.wait(3);
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  const same = async (line: string, mask = false): Promise<void> => {
    const real = await realKubectl(line.split(' '), kubeconfig);
    const sim = session.run(line);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(mask ? withoutAges(sim.stdout) : sim.stdout, mask ? withoutAges(real.stdout) : real.stdout);
  };

  it('a pod whose image does not exist: ErrImagePull, its events, its yaml (pkg/kubelet/images/image_manager.go)', async () => {
    await same('describe pod typo', true);
    await same('get pod typo -o yaml');
    await same('get pod notag -o json');
    assert.match(session.run('get pod typo').stdout, /typo +0\/1 +ErrImagePull +0 /);
  });

  it('after the back-off: ImagePullBackOff, repeated events counted (x2 over ...)', async () => {
    session.wait(60);
    await same('describe pod typo', true);
    await same('describe pod notag', true);
    await same('get pod typo -o yaml');
    assert.match(session.run('get pod typo').stdout, /ImagePullBackOff/);
    assert.match(session.run('describe pod typo').stdout, /Pulling +\S+ \(x3 over \S+\) +kubelet +Pulling image "stacksimplfy\/kubenginx:1.0.0"/);
  });

  it('an image name that cannot be parsed: InvalidImageName', async () => {
    await same('describe pod upper', true);
    await same('get pod upper -o yaml');
    assert.match(session.run('get pod upper').stdout, /InvalidImageName/);
  });

  it('describe node: the Kube-Proxy Version line, the non-terminated pods (describe.go describeNode)', async () => {
    await same('describe node worker-1', true);
    await same('describe node worker-2', true);
  });

  it("describe svc: Selector <none> when there is none, the kubernetes service's named port", async () => {
    session.run('apply -f nosel.yaml');
    await same('describe svc nosel', true);
    await same('describe svc kubernetes', true);
    await same('describe svc named', true);
  });

  it('describe pod: a named container port prints as number/protocol only', async () => {
    await same('describe pod named', true);
  });

  it('externalIPs, session affinity and a Local LoadBalancer health-check node port, described and printed', async () => {
    session.run('expose pod web --name=ext --port=8080 --target-port=80 --external-ip=203.0.113.50 --session-affinity=ClientIP');
    session.run('expose pod web --name=lb --type=LoadBalancer --port=80');
    session.run('apply -f lb-local.yaml');
    await same('describe svc ext', true);
    await same('get svc ext -o yaml');
    await same('describe svc lb', true);
    await same('get svc lb -o json');
    const lb = session.cluster.services.find((x) => x.metadata.name === 'lb');
    assert.ok(
      lb?.spec.healthCheckNodePort !== undefined && lb.spec.healthCheckNodePort >= 30000,
      'pkg/registry/core/service allocates healthCheckNodePort for Local',
    );
    assert.match(session.run('get svc ext').stdout, /ext +ClusterIP +\S+ +203\.0\.113\.50 +8080\/TCP/);
  });

  it('a running nginx pod and its NodePort service', async () => {
    await same('describe pod web', true);
    await same('get pod web -o yaml');
    await same('describe service web', true);
    await same('get svc web -o json');
  });
});

describe('jsonpath as real kubectl 1.32 prints it (k8s.io/client-go/util/jsonpath)', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(4);

  before(async () => {
    session.run('run web --image=nginx --port=80 --labels=zeta=z,app=web,mid=m');
    session.run('expose pod web --type=NodePort --port=80');
    session.wait(20);
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  const templates = [
    '{.metadata.name}{"\\n"}',
    '{.metadata.name}\\n',
    '{.metadata.labels}',
    '{.spec.containers[0].ports}',
    '{.metadata.nope}',
    '{range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}',
    '{.spec.containers[-1].name}',
    '{..containerPort}',
    '{.status.conditions[?(@.type=="Ready")].status}',
    "{.metadata.labels['app']}",
    '{range .spec.containers[*]}{.name}',
    '{.spec.containers[*].name}',
    '{.status.podIP} {.spec.nodeName}',
    '{.kind}{"-"}{.apiVersion}',
  ];
  for (const t of templates) {
    it(`get pod web -o jsonpath='${t}'`, async () => {
      const real = await realKubectl(['get', 'pod', 'web', '-o', `jsonpath=${t}`], kubeconfig);
      const sim = session.run(t.includes("'") ? `get pod web -o "jsonpath=${t}"` : `get pod web -o jsonpath='${t}'`);
      assert.equal(real.code, 0, real.stderr);
      assert.equal(sim.stdout, real.stdout);
    });
  }

  for (const t of [
    '{.items[*].status.addresses[?(@.type=="InternalIP")].address}',
    '{range .items[*]}{.metadata.name}{" "}{.status.nodeInfo.kubeProxyVersion}{"\\n"}{end}',
  ]) {
    it(`get nodes -o jsonpath='${t}'`, async () => {
      const real = await realKubectl(['get', 'nodes', '-o', `jsonpath=${t}`], kubeconfig);
      const sim = session.run(`get nodes -o jsonpath='${t}'`);
      assert.equal(real.code, 0, real.stderr);
      assert.equal(sim.stdout, real.stdout);
    });
  }

  for (const t of ['{.metadata.name', '{.metadata.name}{"\n"', '{.spec.containers[0]}}{']) {
    it(`a broken template: jsonpath='${t}' fails as kubectl does`, async () => {
      const real = await realKubectl(['get', 'pod', 'web', '-o', `jsonpath=${t}`], kubeconfig);
      const sim = session.run(`get pod web -o jsonpath='${t}'`);
      assert.notEqual(real.code, 0);
      assert.equal(sim.stderr, real.stderr.replace(/^Error: /, 'error: ').replace(/\n\n$/, '\n'));
      assert.equal(sim.exitCode, 1);
    });
  }

  it('a template that repeats {.items} 400 times stops at the cap with an error, not gigabytes', () => {
    for (let i = 0; i < 60; i++) session.run(`run p${i} --image=nginx`);
    const r = session.run(`get pods -o jsonpath='${'{.items}'.repeat(400)}'`);
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /larger than 4 MiB/);
    assert.ok(r.stdout.length <= 4 * 1024 * 1024);
  });
});
