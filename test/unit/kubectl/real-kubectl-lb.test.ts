// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// A LoadBalancer Service once the cloud has reported its address, as the real kubectl 1.32
// prints it from our own object (served by a tiny fake API server): get's EXTERNAL-IP
// (printers.go, getServiceExternalIP), describe's `LoadBalancer Ingress:` line (describe.go,
// buildIngressString with the ipMode) and -o yaml's status.loadBalancer.ingress.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { LOAD_BALANCER_PROVISION_MS } from '../../../src/core/cluster/index.js';
import { endpointsViewFor, serviceView } from '../../../src/core/kubectl/api-view.js';
import { Session } from './helpers.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';
import { discoveryAt, served } from '../../helpers/discovery.js';

const kubectl = realKubectl;

/**
 * describe without its Events block (the real kubectl ages events by the real clock) and with
 * Endpoints left blank: the fake server serves no EndpointSlices, which kubectl 1.32 reads.
 */
const beforeEvents = (text: string): string => text.slice(0, text.indexOf('Events:')).replace(/^(Endpoints: +).*$/m, '$1');

describe('a LoadBalancer with its address, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server;
  let kubeconfig = '';
  const session = new Session(3);
  session.run('create service loadbalancer front --tcp=80:8080');

  before(async () => {
    session.wait(LOAD_BALANCER_PROVISION_MS / 1000);
    const front = session.cluster.services.find((s) => s.metadata.name === 'front')!;
    const view = serviceView(front, session.cluster.now);
    const endpoints = endpointsViewFor(session.cluster, front);
    const list = { kind: 'ServiceList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [view] };
    const discovery = { v1: [served('services', 'Service', ['svc'], ['get', 'list'])] };
    server = createServer((req, res) => {
      const url = (req.url ?? '').split('?')[0];
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const found = discoveryAt(url ?? '', discovery);
      if (found) return send(200, found);
      if (url === '/api/v1/namespaces/default/services/front') return send(200, view);
      if (url === '/api/v1/namespaces/default/services') return send(200, list);
      if (url === '/api/v1/namespaces/default/endpoints/front') return send(200, endpoints);
      return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 });
    });
    kubeconfig = await kubeconfigFor(server);
  });

  after(() => {
    server?.close();
  });

  it('describe svc shows the address on its LoadBalancer Ingress line, with its ipMode', async () => {
    const real = await kubectl(['describe', 'svc', 'front'], kubeconfig);
    const sim = session.run('describe svc front');
    assert.equal(real.code, 0, real.stderr);
    assert.match(sim.stdout, /^LoadBalancer Ingress: +203\.0\.113\.100 \(VIP\)$/m);
    assert.equal(beforeEvents(sim.stdout), beforeEvents(real.stdout));
  });

  it('get svc -o yaml carries it in status.loadBalancer.ingress', async () => {
    const real = await kubectl(['get', 'svc', 'front', '-o', 'yaml'], kubeconfig);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(session.run('get svc front -o yaml').stdout, real.stdout);
  });

  it("get svc shows it as the EXTERNAL-IP; describe lists the service controller's events", () => {
    // printers.go getServiceExternalIP: the ingress IPs, else <pending>. (The fake server renders no tables.)
    assert.match(session.run('get svc front').stdout, /^front +LoadBalancer +10\.\S+ +203\.0\.113\.100 +80:\d+\/TCP +5s$/m);
    const events = session.run('describe svc front').stdout.slice(session.run('describe svc front').stdout.indexOf('Events:'));
    assert.match(events, /Normal +EnsuringLoadBalancer +5s +service-controller +Ensuring load balancer/);
    assert.match(events, /Normal +EnsuredLoadBalancer +0s +service-controller +Ensured load balancer/);
  });
});
