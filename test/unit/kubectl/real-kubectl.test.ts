// Tier: slow
// Compares the simulator with a real kubectl 1.32 client where kubectl works
// offline (client-side dry runs, flag errors, help), talking to a tiny fake
// API server that only answers discovery and serves one pod.

import { learnerPods } from '../../helpers/fixtures.js';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { podView } from '../../../src/core/kubectl/index.js';
import { Session } from './helpers.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';
import { discoveryAt, served } from '../../helpers/discovery.js';

const kubectl = realKubectl;

/** The local client may be Google's "dispatcher" build, which prints cobra's `Error:` instead of upstream's `error:`. */
const upstreamStyle = (text: string): string =>
  text
    .replace(/^E\d{4} .*\n/gm, '')
    .replace(/^Error: /, 'error: ')
    .replace(/\n\n$/, '\n');

describe('against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server;
  let kubeconfig = '';
  const session = new Session(1);

  before(async () => {
    session.run('run my-first-pod --image stacksimplify/kubenginx:1.0.0 --port=80');
    session.wait(30);
    const pod = podView(learnerPods(session.cluster)[0]!, session.cluster.now);
    const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
    const discovery = {
      v1: [served('pods', 'Pod', ['po'], verbs), served('services', 'Service', ['svc'], verbs), served('nodes', 'Node', ['no'], verbs, false)],
    };
    server = createServer((req, res) => {
      const url = (req.url ?? '').split('?')[0];
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const found = discoveryAt(url ?? '', discovery);
      if (found) return send(200, found);
      if (url === '/api/v1/namespaces/default/pods/my-first-pod') return send(200, pod);
      return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 });
    });
    kubeconfig = await kubeconfigFor(server);
  });

  after(() => {
    server?.close();
  });

  const sameOutput = [
    'create service nodeport x --tcp=80:80 --dry-run=client -o yaml',
    'create service nodeport x --tcp=80 --node-port=31000 --dry-run=client -o json',
    'create service clusterip x --tcp=80:8080,443 --dry-run=client -o yaml',
    'create service loadbalancer my-lbs --tcp=5678:8080 --dry-run=client -o yaml',
    'create service nodeport x --tcp=80:80 --node-port=99999 --dry-run=client -o yaml',
    'create service nodeport x --tcp=80:80 --dry-run=client',
    'run my-first-pod --image stacksimplify/kubenginx:1.0.0 --dry-run=client -o yaml',
    'run x --image=y --port=80 --labels=app=a,tier=b --dry-run=client -o yaml',
    'run x --image=y --port=80 --dry-run=client -o json',
    'run x --image=nginx --restart=Never --dry-run=client -o yaml',
    'run x --image=y --dry-run=client',
    'expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service --dry-run=client -o yaml',
    'expose pod my-first-pod --type=NodePort --port=81 --dry-run=client -o json',
    'expose pod my-first-pod --port=80 --target-port=http --protocol=UDP --dry-run=client -o yaml',
    'expose pod my-first-pod --dry-run=client',
    'expose pod my-first-pod --port=80 --external-ip=203.0.113.50 --session-affinity=ClientIP --dry-run=client -o yaml',
    'create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml',
    'create deployment web --image=nginx --dry-run=client -o json',
    'create deploy web --image=nginx --image=busybox:1.36 --port=8080 --dry-run=client -o yaml',
    'create deployment web --image=nginx --dry-run=client',
    'create deployment web --image=nginx --dry-run=client -o name',
  ];
  for (const line of sameOutput) {
    it(`kubectl ${line}`, async () => {
      const real = await kubectl(line.split(' '), kubeconfig);
      const sim = session.run(line);
      assert.equal(real.code, 0, real.stderr);
      assert.equal(sim.stdout, real.stdout);
      assert.equal(sim.exitCode, 0);
    });
  }

  const sameError = [
    'run x --generator=run-pod/v1 --image=y',
    'get pods --foo',
    'expose pod my-first-pod --port=80 --node-port=31000',
    'get pods -l',
    'create service nodeport x --dry-run=client',
    'create service nodeport --dry-run=client',
    'run --image=y',
    'run x --image=y --restart=Bad --dry-run=client',
    'run x --image=y --port=abc --dry-run=client',
    'create service nodeport x --tcp=abc --dry-run=client',
    'exec my-first-pod env',
    'gett pods',
    'desc pod',
    'exp',
    'xyzzy',
    'apply',
    'create',
    'delete',
    'describe',
    'explain',
    'label',
    'logs',
    'create deployment --image=nginx',
    'create deployment a b --image=nginx',
  ];
  for (const line of sameError) {
    it(`kubectl ${line} (error)`, async () => {
      const real = await kubectl(line.split(' '), kubeconfig);
      const sim = session.run(line);
      assert.notEqual(real.code, 0);
      assert.equal(sim.exitCode, 1);
      assert.equal(sim.stderr, upstreamStyle(real.stderr));
    });
  }

  for (const verb of [
    'run',
    'expose',
    'get',
    'describe',
    'delete',
    'apply',
    'logs',
    'exec',
    'label',
    'explain',
    'version',
    'cluster-info',
    'create service nodeport',
  ]) {
    it(`kubectl ${verb} --help starts the same`, async () => {
      const real = await kubectl([...verb.split(' '), '--help'], kubeconfig);
      const sim = session.run(`${verb} --help`);
      const head = (t: string) => t.split('\n').slice(0, 6).join('\n');
      assert.equal(head(sim.stdout), head(real.stdout));
      const usage = (t: string) => t.slice(t.indexOf('Usage:'));
      assert.equal(usage(sim.stdout), usage(real.stdout));
    });
  }
});
