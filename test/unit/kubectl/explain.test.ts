// kubectl explain against the real kubectl 1.32 client: a small server serves the OpenAPI v3
// documents the sandbox's explain reads (the lab's own core/v1 document, and an apps/v1 one from
// the same schemas), and the real client's plain-text template
// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) must print what we print:
// blank lines, ENUM: blocks, enum: lines, double spaces kept by go-wordwrap, types, -required-.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { coreV1Document } from '../../../src/core/api/openapi.js';
import { wordWrap } from '../../../src/core/kubectl/explain-render.js';
import { OPENAPI_SCHEMAS } from '../../../src/core/kubectl/openapi-schemas-1.32.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { spread } from '../../helpers/soak.js';

function appsDocument(): unknown {
  const gvk = (kind: string) => ({ group: 'apps', kind, version: 'v1' });
  const op = (kind: string) => ({ get: { 'x-kubernetes-group-version-kind': gvk(kind), responses: { '200': { description: 'OK' } } } });
  const schemas = Object.fromEntries(
    Object.entries(OPENAPI_SCHEMAS).filter(([name]) => !name.startsWith('io.k8s.api.core.v1.') || name.endsWith('PodTemplateSpec') || true),
  );
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.2' },
    paths: {
      '/apis/apps/v1/namespaces/{namespace}/deployments/{name}': op('Deployment'),
      '/apis/apps/v1/namespaces/{namespace}/replicasets/{name}': op('ReplicaSet'),
    },
    components: { schemas },
  };
}

describe('kubectl explain, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server;
  let kubeconfig = '';

  before(async () => {
    const core = JSON.stringify(coreV1Document());
    const apps = JSON.stringify(appsDocument());
    const resource = (name: string, kind: string, short: string, namespaced = true) => ({
      name,
      singularName: kind.toLowerCase(),
      namespaced,
      kind,
      verbs: ['get', 'list'],
      shortNames: short ? [short] : [],
    });
    server = createServer((req, res) => {
      const url = (req.url ?? '').split('?')[0];
      const send = (body: string) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (url === '/api')
        return send(
          JSON.stringify({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] }),
        );
      if (url === '/apis')
        return send(
          JSON.stringify({
            kind: 'APIGroupList',
            apiVersion: 'v1',
            groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
          }),
        );
      if (url === '/api/v1') {
        const list = [
          resource('pods', 'Pod', 'po'),
          resource('services', 'Service', 'svc'),
          resource('nodes', 'Node', 'no', false),
          resource('endpoints', 'Endpoints', 'ep'),
          resource('namespaces', 'Namespace', 'ns', false),
          resource('events', 'Event', 'ev'),
        ];
        return send(JSON.stringify({ kind: 'APIResourceList', groupVersion: 'v1', resources: list }));
      }
      if (url === '/apis/apps/v1')
        return send(
          JSON.stringify({
            kind: 'APIResourceList',
            groupVersion: 'apps/v1',
            resources: [resource('deployments', 'Deployment', 'deploy'), resource('replicasets', 'ReplicaSet', 'rs')],
          }),
        );
      if (url === '/openapi/v3')
        return send(
          JSON.stringify({
            paths: { 'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=A' }, 'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=B' } },
          }),
        );
      if (url === '/openapi/v3/api/v1') return send(core);
      if (url === '/openapi/v3/apis/apps/v1') return send(apps);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 }));
    });
    kubeconfig = await kubeconfigFor(server);
  });

  after(() => {
    server?.close();
  });

  const paths = [
    'service',
    'svc.spec',
    'service.spec.type',
    'service.spec.ports',
    'service.spec.ports.nodePort',
    'service.spec.ports.targetPort',
    'service.spec.ports.protocol',
    'svc.spec.externalTrafficPolicy',
    'svc.spec.selector',
    'service.status.loadBalancer',
    'pod',
    'pods.spec',
    'pod.spec.containers',
    'pod.spec.containers.ports',
    'pod.spec.restartPolicy',
    'pod.metadata.labels',
    'pod.status.phase',
    'node.status.addresses',
    'endpoints.subsets',
    'deployment',
    'deploy.spec',
    'deployment.spec.strategy',
    'deployment.spec.template.spec.containers.image',
    'replicaset.spec.replicas',
    'svc.spec.foo',
    'svc.nope.deeper',
  ];
  for (const path of spread(paths, 2)) {
    it(`kubectl explain ${path}`, async () => {
      const real = await realKubectl(['explain', path], kubeconfig);
      const sim = new Session(1).run(`explain ${path}`);
      assert.equal(sim.stdout, real.stdout, `the real kubectl's stderr: ${real.stderr}`);
      assert.equal(sim.stderr, real.stderr.replace(/^E\d{4} .*\n/gm, ''));
      assert.equal(sim.exitCode === 0, real.code === 0);
    });
  }
  for (const path of ['service', 'pod.spec.containers', 'deployment.spec']) {
    it(`kubectl explain ${path} --recursive`, async () => {
      const real = await realKubectl(['explain', path, '--recursive'], kubeconfig);
      assert.equal(new Session(1).run(`explain ${path} --recursive`).stdout, real.stdout);
    });
  }
});

describe('explain in the sandbox', () => {
  it('a field of an enum type lists its values under ENUM:, and the field list shows four and "...."', () => {
    const text = new Session(1).run('explain service.spec.type').stdout;
    assert.match(
      text,
      /^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: type <string>\nENUM:\n {4}ClusterIP\n {4}ExternalName\n {4}LoadBalancer\n {4}NodePort\n\nDESCRIPTION:\n/,
    );
    assert.match(new Session(1).run('explain pod.spec').stdout, /\n {2}restartPolicy\t<string>\n {2}enum: Always, Never, OnFailure\n/);
  });

  it('go-wordwrap keeps a run of spaces inside a line and drops it at a break', () => {
    assert.equal(wordWrap('aaa bbb.  ccc', 9), 'aaa bbb.\nccc');
    assert.equal(wordWrap('aaa.  bb', 20), 'aaa.  bb');
    assert.equal(wordWrap(' - x\n - y', 20), ' - x\n - y');
  });
});
