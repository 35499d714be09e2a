// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// -o jsonpath, jsonpath-as-json, custom-columns and --sort-by of our own objects, printed by the
// real kubectl 1.32 from a fake API server that serves them, against ours
// (staging/src/k8s.io/client-go/util/jsonpath, kubectl/pkg/cmd/get/customcolumn.go, sorter.go).

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { KUBECTL, realKubectl, startFakeApi } from './fake-api.js';
import { Session } from './helpers.js';

describe('output formats of our objects, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(6);

  before(async () => {
    session.run('run web --image=nginx --port=80 --labels=app=web,tier=front');
    session.run('run api --image=stacksimplify/kubenginx:1.0.0 --labels=app=api');
    session.run('expose pod web --type=NodePort --port=80 --name=web-svc');
    session.wait(20);
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  const lines: string[][] = [
    ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
    ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
    ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.labels}'],
    ['get', 'pod', 'web', '-o', 'jsonpath={.metadata.labels}'],
    ['get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[0].ports[0].containerPort}\\n'],
    ['get', 'pod', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'],
    ['get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="ExternalIP")].address}'],
    ['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name'],
    ['get', 'svc', 'web-svc', '-o', 'jsonpath={.spec.ports[0].nodePort}'],
    ['get', 'svc', 'web-svc', '-o', 'jsonpath={.spec}'],
    ['get', 'pods', '-o', 'jsonpath-as-json={.items[*].metadata.name}'],
    ['get', 'pod', 'web', '-o', 'jsonpath-as-json={.spec.containers[0].ports}'],
    ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName'],
    ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,PORTS:.spec.containers[*].ports[*].containerPort,MISSING:.spec.nope'],
    ['get', 'svc', '-o', 'custom-columns=NAME:.metadata.name,TYPE:.spec.type,NODEPORT:.spec.ports[0].nodePort'],
    ['get', 'pods', '--sort-by=.status.podIP', '-o', 'name'],
    ['get', 'pods', '--sort-by=.metadata.name', '-o', 'jsonpath={.items[*].metadata.name}'],
    ['get', 'nodes', '--sort-by=.metadata.name', '-o', 'custom-columns=N:.metadata.name'],
    ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name', '--no-headers'],
    ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}', '--sort-by=.metadata.creationTimestamp'],
  ];
  for (const args of lines) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const real = await realKubectl(args, kubeconfig);
      const quoted = args.map((a) => (/[\s"{}[\]()?@=*\\]/.test(a) ? `'${a}'` : a)).join(' ');
      const sim = session.run(quoted);
      assert.equal(sim.stdout, real.stdout);
      assert.equal(sim.stderr, real.stderr.replace(/^E\d{4} .*\n/gm, '').replace(/^Error: /, 'error: '));
    });
  }
});
