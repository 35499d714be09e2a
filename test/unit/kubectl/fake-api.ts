// A small API server over a Session's cluster, so the real kubectl 1.32 client can get,
// describe and print our own objects (pods, services, nodes, events, endpoint slices).

import { createServer, type Server } from 'node:http';
import { kubeconfigFor } from '../../helpers/real-kubectl.js';
import { discoveryAt, served } from '../../helpers/discovery.js';
import { aggregateEvents, deploymentsOf, endpointSlicesFor, endpointsFor, replicaSetsOf, type Cluster } from '../../../src/core/cluster/index.js';
import { endpointsView, nodeView, podView, rfc3339, serviceView } from '../../../src/core/kubectl/index.js';
import { deploymentView, endpointSliceView, replicaSetView } from '../../../src/core/kubectl/workload-views.js';

export { KUBECTL, realKubectl, type RealRun } from '../../helpers/real-kubectl.js';

type Json = Record<string, unknown>;

function eventList(cluster: Cluster, uid: string | undefined): Json {
  const events = cluster.events.filter((e) => e.at <= cluster.now && (uid === undefined || e.involvedUid === uid));
  const items = aggregateEvents(events).map((a, i) => {
    const e = a.event;
    const [component = '', host] = e.source.split('/');
    return {
      metadata: { name: `${e.involved.name}.${i}`, namespace: 'default' },
      involvedObject: { kind: e.involved.kind, namespace: 'default', name: e.involved.name, uid: e.involvedUid, apiVersion: 'v1' },
      reason: e.reason,
      message: e.message,
      source: host ? { component, host } : { component },
      firstTimestamp: rfc3339(a.firstAt),
      lastTimestamp: rfc3339(a.lastAt),
      count: a.count,
      type: e.type,
    };
  });
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items };
}

/** The service's own EndpointSlices (all in `default` when no service is named), as the API lists them. */
function sliceList(cluster: Cluster, serviceName: string | undefined): Json {
  const services = cluster.services.filter((s) => s.metadata.namespace === 'default' && (serviceName === undefined || s.metadata.name === serviceName));
  const items = services
    .flatMap((s) => endpointSlicesFor(cluster, s))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map(endpointSliceView);
  return { kind: 'EndpointSliceList', apiVersion: 'discovery.k8s.io/v1', metadata: {}, items };
}

/** Serves `cluster()` as it is when each request arrives. */
export async function startFakeApi(cluster: () => Cluster): Promise<{ server: Server; kubeconfig: string }> {
  const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
  const resource = (name: string, kind: string, short: string, namespaced = true) => served(name, kind, [short], verbs, namespaced);
  const discovery = {
    v1: [
      resource('pods', 'Pod', 'po'),
      resource('services', 'Service', 'svc'),
      resource('nodes', 'Node', 'no', false),
      resource('endpoints', 'Endpoints', 'ep'),
      resource('events', 'Event', 'ev'),
    ],
    'apps/v1': [resource('deployments', 'Deployment', 'deploy'), resource('replicasets', 'ReplicaSet', 'rs')],
    'discovery.k8s.io/v1': [resource('endpointslices', 'EndpointSlice', 'eps')],
    'coordination.k8s.io/v1': [resource('leases', 'Lease', 'lease')],
  };
  const server = createServer((req, res) => {
    const [path = '', query = ''] = (req.url ?? '').split('?');
    const params = new URLSearchParams(query);
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const notFound = (what: string, name: string) =>
      send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `${what} "${name}" not found`,
        reason: 'NotFound',
        details: { name, kind: what },
        code: 404,
      });
    const c = cluster();
    const found = discoveryAt(path, discovery);
    if (found) return send(200, found);
    const apps = /^\/apis\/apps\/v1\/namespaces\/default\/(deployments|replicasets)(?:\/([^/]+))?$/.exec(path);
    if (apps) {
      const [, kind, name] = apps;
      const items = (
        kind === 'deployments'
          ? deploymentsOf(c)
              .filter((d) => d.metadata.namespace === 'default')
              .map((d) => ({ name: d.metadata.name, view: deploymentView(c, d) }))
          : replicaSetsOf(c)
              .filter((r) => r.metadata.namespace === 'default')
              .map((r) => ({ name: r.metadata.name, view: replicaSetView(c, r) }))
      ).sort((a, b) => (a.name < b.name ? -1 : 1));
      if (!name)
        return send(200, {
          kind: kind === 'deployments' ? 'DeploymentList' : 'ReplicaSetList',
          apiVersion: 'apps/v1',
          metadata: {},
          items: items.map((i) => i.view),
        });
      const found = items.find((i) => i.name === name);
      return found ? send(200, found.view) : notFound(`${kind}.apps`, name);
    }
    const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(path);
    if (lease) {
      const renew = new Date(c.now - (c.now % 10_000)).toISOString().replace(/\.\d+Z$/, '.000000Z');
      return send(200, {
        kind: 'Lease',
        apiVersion: 'coordination.k8s.io/v1',
        metadata: { name: lease[1], namespace: 'kube-node-lease' },
        spec: { holderIdentity: lease[1], leaseDurationSeconds: 40, renewTime: renew },
      });
    }
    const m = /^\/api\/v1\/(namespaces\/default\/)?(pods|services|nodes|endpoints|events)(?:\/([^/]+))?$/.exec(path);
    if (m) {
      const [, inDefault, kind, name] = m;
      const uid = /involvedObject\.uid=([^,]+)/.exec(params.get('fieldSelector') ?? '')?.[1];
      if (kind === 'events') return send(200, eventList(c, uid));
      if (kind === 'pods') {
        if (name) {
          const pod = c.pods.find((p) => p.metadata.name === name && p.metadata.namespace === 'default');
          return pod ? send(200, podView(pod, c.now)) : notFound('pods', name);
        }
        const node = /spec\.nodeName=([^,]+)/.exec(params.get('fieldSelector') ?? '')?.[1];
        // kube-apiserver lists in its storage keys' order: by namespace, then name.
        const items = c.pods
          .filter((p) => (node === undefined || p.spec.nodeName === node) && (inDefault === undefined || p.metadata.namespace === 'default'))
          .sort((x, y) => (`${x.metadata.namespace}/${x.metadata.name}` < `${y.metadata.namespace}/${y.metadata.name}` ? -1 : 1))
          .map((p) => podView(p, c.now));
        return send(200, { kind: 'PodList', apiVersion: 'v1', metadata: {}, items });
      }
      if (kind === 'services') {
        if (!name)
          return send(200, {
            kind: 'ServiceList',
            apiVersion: 'v1',
            metadata: {},
            items: c.services.filter((s) => inDefault === undefined || s.metadata.namespace === 'default').map((s) => serviceView(s)),
          });
        const svc = c.services.find((s) => s.metadata.name === name && s.metadata.namespace === 'default');
        return svc ? send(200, serviceView(svc)) : notFound('services', name);
      }
      if (kind === 'nodes') {
        if (!name) return send(200, { kind: 'NodeList', apiVersion: 'v1', metadata: {}, items: c.nodes.map((n) => nodeView(n, c.now)) });
        const node = c.nodes.find((n) => n.metadata.name === name);
        return node ? send(200, nodeView(node, c.now)) : notFound('nodes', name);
      }
      if (kind === 'endpoints' && name) {
        const svc = c.services.find((s) => s.metadata.name === name && s.metadata.namespace === 'default');
        return svc ? send(200, endpointsView(endpointsFor(c, svc))) : notFound('endpoints', name);
      }
    }
    if (path === '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices') {
      const service = /kubernetes\.io\/service-name=([^,]+)/.exec(params.get('labelSelector') ?? '')?.[1];
      return send(200, sliceList(c, service));
    }
    const slice = /^\/apis\/discovery\.k8s\.io\/v1\/namespaces\/default\/endpointslices\/([^/]+)$/.exec(path)?.[1];
    if (slice) {
      const found = (sliceList(c, undefined).items as { metadata: { name: string } }[]).find((i) => i.metadata.name === slice);
      return found ? send(200, found) : notFound('endpointslices.discovery.k8s.io', slice);
    }
    return send(404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      code: 404,
    });
  });
  return { server, kubeconfig: await kubeconfigFor(server) };
}

/**
 * The real client measures ages against the wall clock, the simulator against its virtual one:
 * in an events table (and describe node's pod table) an age becomes `T`, and runs of spaces one.
 */
export function withoutAges(text: string): string {
  const at = text.indexOf('\nEvents:\n');
  const head = at < 0 ? text : text.slice(0, at);
  const tail = at < 0 ? '' : text.slice(at);
  if (!/Non-terminated Pods/.test(head)) return head + tail.replace(/\b\d+(?:d|h|m|s|y)(?:\d+(?:h|m|s))?\b/g, 'T').replace(/ {2,}/g, '  ');
  const ageAtEnd = (t: string): string => t.replace(/ {2,}\d+(?:d|h|m|s|y)(?:\d+(?:h|m|s))?$/gm, '  T').replace(/ {2,}/g, '  ');
  return ageAtEnd(head) + tail.replace(/\b\d+(?:d|h|m|s|y)(?:\d+(?:h|m|s))?\b/g, 'T').replace(/ {2,}/g, '  ');
}
