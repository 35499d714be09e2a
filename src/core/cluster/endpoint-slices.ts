// EndpointSlices, derived as Endpoints are: IPv4 slices per service with a selector, one per
// distinct port set (servicesSlices below), named SERVICE-xxxxx (generateName; the suffix here
// follows from the service's uid, so it is the same on every read), labelled with the service's
// name and the controller that manages it. The `kubernetes` service's slice is the API server's
// own and is named `kubernetes`.

import { endpointPorts, endpointsFor, listEndpoints, selectedPods } from './endpoints.js';
import { randomHexFromText } from './ids.js';
import { qualifiedName, serviceIndex } from './object-index.js';
import { isPodReady } from './pod-status.js';
import type { Cluster, EndpointAddress, EndpointPort, Endpoints, ObjectMeta, Pod, Protocol, Service, ServicePort } from './types.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

export interface SliceEndpoint {
  readonly address: string;
  readonly ready: boolean;
  /** conditions.serving: the pod is ready, terminating or not. Absent: as `ready`. */
  readonly serving?: boolean;
  /** conditions.terminating: the pod has a deletionTimestamp. */
  readonly terminating?: boolean;
  readonly nodeName?: string;
  readonly podName?: string;
  readonly podUid?: string;
}

export interface SlicePort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface EndpointSlice {
  readonly kind: 'EndpointSlice';
  readonly metadata: ObjectMeta;
  readonly serviceName: string;
  readonly addressType: 'IPv4';
  readonly endpoints: readonly SliceEndpoint[];
  /** null ports (a slice with no port) print as <unset>. */
  readonly ports: readonly SlicePort[];
  /** The Service whose controller made it (generateName SERVICE-, ownerReferences); absent: the API server's own. */
  readonly owner?: { readonly name: string; readonly uid: string };
}

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

function suffixFor(uid: string): string {
  const hex = randomHexFromText(`endpointslice/${uid}`, 10);
  let out = '';
  for (let i = 0; i < 5; i++) out += SUFFIX[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % SUFFIX.length] ?? 'b';
  return out;
}

/** The API server's own slice for `kubernetes`, from its Endpoints. */
function apiServerSlice(endpoints: Endpoints, uid: string): EndpointSlice {
  const first = endpoints.subsets[0];
  const list: SliceEndpoint[] = (first?.addresses ?? []).map((a) => ({ address: a.ip, ready: true, ...(a.nodeName ? { nodeName: a.nodeName } : {}) }));
  return {
    kind: 'EndpointSlice',
    metadata: sliceMeta(endpoints, 'kubernetes', uid.replace(/^.{8}/, 'e5e5e5e5'), { [SERVICE_NAME_LABEL]: 'kubernetes' }),
    serviceName: endpoints.metadata.name,
    addressType: 'IPv4',
    endpoints: list,
    ports: (first?.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
  };
}

function sliceMeta(endpoints: Endpoints, name: string, uid: string, labels: Record<string, string>): ObjectMeta {
  return {
    name,
    namespace: endpoints.metadata.namespace,
    uid,
    resourceVersion: endpoints.metadata.resourceVersion,
    creationTimestamp: endpoints.metadata.creationTimestamp,
    labels,
    annotations: {},
  };
}

/** A uid of the usual shape, fixed by the text it is made from. */
function uidFrom(text: string): string {
  const hex = randomHexFromText(text, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A service's slices, as the EndpointSlice reconciler keeps them
 * (staging/src/k8s.io/endpointslice/reconciler.go reconcileByAddressType, reconcileByPortMapping):
 * each pod with an IP is one endpoint, in the slice of its own port set (utils.go getEndpointPorts:
 * the service's ports in order, each targetPort resolved on that pod; NewPortMapKey), so pods
 * whose named targetPort resolves to different numbers land in different slices. A slice keeps
 * its endpoints where they are and appends new ones at its end, so endpoints stand in the order
 * their pods got an IP. The first port set takes over the placeholder's name (finalize turns a
 * create into an update of the slice it would delete); later ones get names of their own.
 * With no endpoint at all there is the placeholder, with no ports. Up to 100 endpoints a slice
 * (maxEndpointsPerSlice), then another slice of the same port set.
 */
function servicesSlices(cluster: Cluster, endpoints: Endpoints, service: Service): EndpointSlice[] {
  const labels: Record<string, string> = { ...service.metadata.labels, [MANAGED_BY_LABEL]: SLICE_CONTROLLER, [SERVICE_NAME_LABEL]: endpoints.metadata.name };
  const base = `${endpoints.metadata.name}-${suffixFor(service.metadata.uid)}`;
  const baseUid = service.metadata.uid.replace(/^.{8}/, 'e5e5e5e5');
  const groups = new Map<string, { ports: readonly EndpointPort[]; members: { joined: number; pod: Pod; endpoint: SliceEndpoint }[] }>();
  for (const pod of selectedPods(cluster, service)) {
    const ip = pod.status.podIP;
    // Only a pod with an IP is an endpoint (ShouldPodBeInEndpoints); a terminating one stays,
    // not ready, serving while its container still answers (utils.go podToEndpoint).
    if (ip === undefined || pod.spec.nodeName === undefined || cluster.now < pod.timeline.sandboxAt) continue;
    const ports = endpointPorts(service, pod);
    const key = portSetKey(ports);
    const ready = isPodReady(pod, cluster.now);
    const endpoint: SliceEndpoint = pod.terminating
      ? { address: ip, ready: false, serving: ready, terminating: true, nodeName: pod.spec.nodeName, podName: pod.metadata.name, podUid: pod.metadata.uid }
      : { address: ip, ready, nodeName: pod.spec.nodeName, podName: pod.metadata.name, podUid: pod.metadata.uid };
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, members: [] }));
    group.members.push({ joined: pod.timeline.sandboxAt, pod, endpoint });
  }
  const joinOrder = (a: { joined: number; pod: Pod }, b: { joined: number; pod: Pod }): number =>
    a.joined - b.joined || a.pod.metadata.creationTimestamp - b.pod.metadata.creationTimestamp || (a.pod.metadata.name < b.pod.metadata.name ? -1 : 1);
  const ordered = [...groups.entries()].map(([key, g]) => ({ key, ports: g.ports, members: g.members.sort(joinOrder) }));
  ordered.sort((a, b) => {
    const [firstA] = a.members;
    const [firstB] = b.members;
    return firstA && firstB ? joinOrder(firstA, firstB) : 0;
  });
  const slices: EndpointSlice[] = [];
  const used = new Set<string>();
  const make = (name: string, uid: string, ports: readonly EndpointPort[], list: SliceEndpoint[]): void => {
    used.add(name);
    slices.push({
      kind: 'EndpointSlice',
      metadata: sliceMeta(endpoints, name, uid, labels),
      serviceName: endpoints.metadata.name,
      addressType: 'IPv4',
      endpoints: list,
      ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
      owner: { name: service.metadata.name, uid: service.metadata.uid },
    });
  };
  for (const group of ordered) {
    for (let from = 0; from < group.members.length; from += MAX_ENDPOINTS_PER_SLICE) {
      const list = group.members.slice(from, from + MAX_ENDPOINTS_PER_SLICE).map((m) => m.endpoint);
      if (slices.length === 0) {
        make(base, baseUid, group.ports, list);
        continue;
      }
      let name = '';
      for (let n = 0; name === '' || used.has(name); n++) name = `${endpoints.metadata.name}-${suffixFor(`${service.metadata.uid}/${group.key}/${from}/${n}`)}`;
      make(name, uidFrom(`endpointslice/${service.metadata.uid}/${name}`), group.ports, list);
    }
  }
  // No endpoint at all: the controller's placeholder slice, with no ports (reconciler.go: endpointMeta{Ports: []}).
  if (slices.length === 0) make(base, baseUid, [], []);
  return slices;
}

/** maxEndpointsPerSlice, kube-controller-manager's --max-endpoints-per-slice default. */
const MAX_ENDPOINTS_PER_SLICE = 100;

/** endpointsliceutil.NewPortMapKey: the same ports in any order are the same set. */
function portSetKey(ports: readonly EndpointPort[]): string {
  return ports
    .map((p) => `${p.name ?? ''}/${p.protocol}/${p.port}`)
    .sort()
    .join(',');
}

function slicesOf(cluster: Cluster, endpoints: Endpoints): EndpointSlice[] {
  const service = serviceIndex(cluster.services).byName.first(qualifiedName(endpoints.metadata.namespace, endpoints.metadata.name));
  const uid = service?.metadata.uid ?? endpoints.metadata.uid;
  if (endpoints.metadata.name === 'kubernetes' && service?.spec.selector === undefined) return [apiServerSlice(endpoints, uid)];
  if (!service) return [];
  return servicesSlices(cluster, endpoints, service);
}

export function listEndpointSlices(cluster: Cluster): EndpointSlice[] {
  // The API server lists by key: namespace, then name.
  const key = (s: EndpointSlice): string => `${s.metadata.namespace}/${s.metadata.name}`;
  return listEndpoints(cluster)
    .flatMap((e) => slicesOf(cluster, e))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** One service's slices, in the API server's order, without working out anyone else's. */
export function endpointSlicesFor(cluster: Cluster, service: Service): EndpointSlice[] {
  if (service.spec.type === 'ExternalName') return [];
  if (service.spec.selector === undefined && service.metadata.name !== 'kubernetes') return [];
  return slicesOf(cluster, endpointsFor(cluster, service)).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/**
 * A service port's endpoints that are terminating but still serving, from its slices, with the
 * port they answer on: what kube-proxy falls back to when the port has no ready endpoint
 * (pkg/proxy/topology.go CategorizeEndpoints: "fallback to any terminating endpoints that are
 * serving"), as when the last pods behind a service are being deleted.
 */
export function servingTerminatingEndpointsForPort(cluster: Cluster, service: Service, servicePort: ServicePort): { address: EndpointAddress; port: number }[] {
  const result: { address: EndpointAddress; port: number }[] = [];
  for (const slice of endpointSlicesFor(cluster, service)) {
    const port = slice.ports.find((p) => p.name === (servicePort.name ?? '') && p.protocol === servicePort.protocol);
    if (!port) continue;
    for (const e of slice.endpoints) {
      if (!e.terminating || !e.serving) continue;
      result.push({ address: { ip: e.address, nodeName: e.nodeName ?? '', podName: e.podName ?? '', podUid: e.podUid ?? '' }, port: port.port });
    }
  }
  return result;
}

export function findEndpointSlice(cluster: Cluster, name: string, namespace = 'default'): EndpointSlice | undefined {
  return listEndpointSlices(cluster).find((s) => s.metadata.name === name && s.metadata.namespace === namespace);
}

export { endpointsFor };
