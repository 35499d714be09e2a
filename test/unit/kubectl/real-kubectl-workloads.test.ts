// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// The simulator's deployments, replicasets, endpointslices and namespaces, printed by a real
// kubectl 1.32 (describe, -o yaml, -o json) from a small fake API server that serves our own
// objects, against the simulator's own describe and get (src/core/kubectl/describe-workloads.ts,
// workload-views.ts, create-deployment.ts, scale.ts, set-image.ts).

import { learnerPods } from '../../helpers/fixtures.js';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  advanceClock,
  createCluster,
  deploymentsOf,
  listEndpointSlices,
  listEventObjects,
  listNamespaces,
  replicaSetsOf,
} from '../../../src/core/cluster/index.js';
import { podView, serviceView } from '../../../src/core/kubectl/index.js';
import { deploymentView, endpointSliceView, eventView, namespaceView, replicaSetView } from '../../../src/core/kubectl/workload-views.js';
import { Session } from './helpers.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';

const kubectl = realKubectl;

/** A label selector's equality terms (a=b,c=d), as the API server filters lists by them. */
function selects(selector: string | null, labels: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [k = '', v = ''] = term.split('=');
    return (labels ?? {})[k] === v;
  });
}

describe('deployments against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server;
  let kubeconfig = '';
  const session = new Session(1);

  before(async () => {
    // Events about ten minutes old, so that real kubectl's ages (from its own clock) read as ours.
    const realNow = Date.now();
    session.cluster = createCluster({ seed: 1, now: realNow - 11 * 60_000 - 20_000 });
    session.run('create deployment web --image=nginx --replicas=3 --port=80');
    session.wait(30);
    session.run('expose deployment web --type=NodePort --port=80');
    session.run('set image deployment/web nginx=nginx:1.27');
    // A typo in the image: the kubelet's pull failures and back-offs repeat for ten minutes.
    session.run('run zz-typo --image=stacksimplfy/kubenginx:1.0.0');
    session.wait(60);
    session.cluster = advanceClock(session.cluster, realNow - session.cluster.now);
    const c = () => session.cluster;
    const resource = (name: string, kind: string, short: string[], namespaced = true) => ({
      name,
      singularName: kind.toLowerCase(),
      namespaced,
      kind,
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: short,
    });
    server = createServer((req, res) => {
      const parsed = new URL(req.url ?? '/', 'http://x');
      const url = parsed.pathname;
      const labelSelector = parsed.searchParams.get('labelSelector');
      const fieldSelector = parsed.searchParams.get('fieldSelector') ?? '';
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const list = (kind: string, apiVersion: string, items: unknown[]) =>
        send(200, { kind: `${kind}List`, apiVersion, metadata: { resourceVersion: '999' }, items });
      if (url === '/api')
        return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
      if (url === '/apis') {
        const group = (name: string) => ({
          name,
          versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
          preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
        });
        return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [group('apps'), group('discovery.k8s.io')] });
      }
      if (url === '/api/v1') {
        return send(200, {
          kind: 'APIResourceList',
          groupVersion: 'v1',
          resources: [
            resource('pods', 'Pod', ['po']),
            resource('services', 'Service', ['svc']),
            resource('namespaces', 'Namespace', ['ns'], false),
            resource('events', 'Event', ['ev']),
          ],
        });
      }
      if (url === '/apis/apps/v1')
        return send(200, {
          kind: 'APIResourceList',
          groupVersion: 'apps/v1',
          resources: [resource('deployments', 'Deployment', ['deploy']), resource('replicasets', 'ReplicaSet', ['rs'])],
        });
      if (url === '/apis/discovery.k8s.io/v1')
        return send(200, { kind: 'APIResourceList', groupVersion: 'discovery.k8s.io/v1', resources: [resource('endpointslices', 'EndpointSlice', [])] });
      const ns = '/namespaces/default';
      const one = (items: { metadata: { name: string } }[], name: string) => {
        const found = items.find((i) => i.metadata.name === name);
        return found
          ? send(200, found)
          : send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: `"${name}" not found`, reason: 'NotFound', code: 404 });
      };
      const deployments = deploymentsOf(c()).map((d) => deploymentView(c(), d)) as unknown as { metadata: { name: string; labels?: Record<string, string> } }[];
      const replicaSets = replicaSetsOf(c()).map((r) => replicaSetView(c(), r)) as unknown as { metadata: { name: string; labels?: Record<string, string> } }[];
      const slices = listEndpointSlices(c()).map(endpointSliceView) as unknown as { metadata: { name: string; labels?: Record<string, string> } }[];
      const pods = c().pods.map((p) => podView(p, c().now)) as unknown as { metadata: { name: string; labels?: Record<string, string> } }[];
      const namespaces = listNamespaces(c()).map(namespaceView) as unknown as { metadata: { name: string } }[];
      let m: RegExpMatchArray | null;
      if ((m = url.match(new RegExp(`^/apis/apps/v1${ns}/deployments/(.+)$`)))) return one(deployments, m[1]!);
      if (url === `/apis/apps/v1${ns}/replicasets`)
        return list(
          'ReplicaSet',
          'apps/v1',
          replicaSets.filter((r) => selects(labelSelector, r.metadata.labels)),
        );
      if ((m = url.match(new RegExp(`^/apis/apps/v1${ns}/replicasets/(.+)$`)))) return one(replicaSets, m[1]!);
      if ((m = url.match(new RegExp(`^/apis/discovery.k8s.io/v1${ns}/endpointslices/(.+)$`)))) return one(slices, m[1]!);
      if ((m = url.match(new RegExp(`^/api/v1${ns}/pods/(.+)$`)))) return one(pods, m[1]!);
      if (url === `/api/v1${ns}/pods`)
        return list(
          'Pod',
          'v1',
          pods.filter((p) => selects(labelSelector, p.metadata.labels)),
        );
      if ((m = url.match(/^\/api\/v1\/namespaces\/([^/]+)$/))) return one(namespaces, m[1]!);
      if (url === `/api/v1${ns}/services/web`) return send(200, serviceView(c().services.find((s) => s.metadata.name === 'web')!));
      if (url === `/api/v1${ns}/events` || url === '/api/v1/events') {
        const uid = fieldSelector.match(/involvedObject\.uid=([^,]+)/)?.[1];
        const name = fieldSelector.match(/involvedObject\.name=([^,]+)/)?.[1];
        const events = listEventObjects(c()).filter(
          (e) => (uid === undefined || e.event.involvedUid === uid) && (name === undefined || e.event.involved.name === name),
        );
        return list('Event', 'v1', events.map(eventView));
      }
      if (url.startsWith('/api/v1/namespaces/') && url.endsWith('/resourcequotas')) return list('ResourceQuota', 'v1', []);
      if (url.startsWith('/api/v1/namespaces/') && url.endsWith('/limitranges')) return list('LimitRange', 'v1', []);
      return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 });
    });
    kubeconfig = await kubeconfigFor(server);
  });

  after(() => {
    server?.close();
  });

  const same = (line: () => string) => async () => {
    // Both sides measure ages from now: the real client from its wall clock, ours from the cluster's,
    // so the cluster catches up with the wall clock first (a slow machine must not straddle a minute).
    // The real client reads its clock somewhere between the two catch-ups; its ages must be ours at
    // one of them (a loaded machine may cross a minute while kubectl runs).
    const catchUp = (): void => {
      const lag = Date.now() - session.cluster.now;
      if (lag > 0) session.cluster = advanceClock(session.cluster, lag);
    };
    const take = async () => {
      catchUp();
      const text = line();
      const before = session.run(text).stdout;
      const real = await kubectl(text.split(' '), kubeconfig);
      catchUp();
      const after = session.run(text).stdout;
      return { real, ours: real.stdout === before ? before : after };
    };
    // A repeated event may fall due while kubectl runs (the cluster's clock catches up with the wall
    // clock, and a loaded machine runs kubectl for seconds): then take it once more, as the audit does.
    let taken = await take();
    for (let again = 0; again < 2 && taken.real.stdout !== taken.ours; again++) taken = await take();
    assert.equal(taken.real.code, 0, taken.real.stderr);
    assert.equal(taken.ours, taken.real.stdout);
  };
  const rsNames = () =>
    replicaSetsOf(session.cluster)
      .filter((r) => r.metadata.namespace === 'default')
      .map((r) => r.metadata.name);
  const sliceName = () => listEndpointSlices(session.cluster).find((s) => s.serviceName === 'web')!.metadata.name;

  it(
    'describe deployment web (after a rolling update)',
    same(() => 'describe deployment web'),
  );
  it(
    'describe replicaset (the new one)',
    same(() => `describe rs ${rsNames()[1]}`),
  );
  it(
    'describe replicaset (the old one, scaled to 0)',
    same(() => `describe rs ${rsNames()[0]}`),
  );
  it(
    'describe endpointslice of the service',
    same(() => `describe endpointslice ${sliceName()}`),
  );
  it(
    'describe namespace default',
    same(() => 'describe ns default'),
  );
  it(
    'describe pod of a replicaset (Controlled By)',
    same(() => `describe pod ${learnerPods(session.cluster)[0]!.metadata.name}`),
  );
  it(
    'get deployment -o yaml',
    same(() => 'get deployment web -o yaml'),
  );
  it(
    'get replicaset -o json',
    same(() => `get rs ${rsNames()[1]} -o json`),
  );
  it(
    'get endpointslice -o yaml',
    same(() => `get endpointslice ${sliceName()} -o yaml`),
  );
  it(
    'describe pod with a mistyped image: the same pull failures and back-offs counted into one event each (xN over ...)',
    same(() => 'describe pod zz-typo'),
  );
  it(
    "get events of that pod: one Event per repeated failure, with the recorder's count and first and last timestamps",
    same(
      () =>
        'get events --field-selector involvedObject.name=zz-typo -o custom-columns=NAME:.metadata.name,REASON:.reason,COUNT:.count,FIRST:.firstTimestamp,LAST:.lastTimestamp',
    ),
  );
  it(
    'get deployment jsonpath',
    same(() => 'get deploy web -o jsonpath={.status.readyReplicas}/{.spec.replicas}'),
  );
});
