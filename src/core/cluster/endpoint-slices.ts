// EndpointSlices, derived as Endpoints are: one IPv4 slice per service with a selector, named
// SERVICE-xxxxx (generateName; the suffix here follows from the service's uid, so it is the same
// on every read), labelled with the service's name and the controller that manages it. The
// `kubernetes` service's slice is the API server's own and is named `kubernetes`.

import { endpointsFor, listEndpoints } from './endpoints.js';
import { randomHexFromText } from './ids.js';
import { qualifiedName, serviceIndex } from './object-index.js';
import { isPodReady } from './pod-status.js';
import { podIndex } from './object-index.js';
import type { Cluster, Endpoints, ObjectMeta, Protocol } from './types.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

export interface SliceEndpoint {
  readonly address: string;
  readonly ready: boolean;
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
}

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

function suffixFor(uid: string): string {
  const hex = randomHexFromText(`endpointslice/${uid}`, 10);
  let out = '';
  for (let i = 0; i < 5; i++) out += SUFFIX[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % SUFFIX.length] ?? 'b';
  return out;
}

function sliceOf(cluster: Cluster, endpoints: Endpoints): EndpointSlice {
  const service = serviceIndex(cluster.services).byName.first(qualifiedName(endpoints.metadata.namespace, endpoints.metadata.name));
  const apiServer = endpoints.metadata.name === 'kubernetes' && service?.spec.selector === undefined;
  const uid = service?.metadata.uid ?? endpoints.metadata.uid;
  const labels: Record<string, string> = apiServer
    ? { [SERVICE_NAME_LABEL]: 'kubernetes' }
    : { ...(service?.metadata.labels ?? {}), [MANAGED_BY_LABEL]: SLICE_CONTROLLER, [SERVICE_NAME_LABEL]: endpoints.metadata.name };
  const byName = podIndex(cluster.pods).byName;
  const list: SliceEndpoint[] = [];
  for (const subset of endpoints.subsets) {
    for (const [addresses, ready] of [
      [subset.addresses, true],
      [subset.notReadyAddresses, false],
    ] as const) {
      for (const a of addresses) {
        if (list.some((e) => e.address === a.ip)) continue;
        const pod = a.podName ? byName.first(qualifiedName(endpoints.metadata.namespace, a.podName)) : undefined;
        list.push({
          address: a.ip,
          ready: pod ? isPodReady(pod, cluster.now) : ready,
          ...(a.nodeName ? { nodeName: a.nodeName } : {}),
          ...(a.podName ? { podName: a.podName, podUid: a.podUid } : {}),
        });
      }
    }
  }
  const first = endpoints.subsets[0];
  // No endpoint at all (no pod selected, or none with an IP yet): the controller's placeholder
  // slice, with no ports (endpointslice reconciler.go: endpointMeta{Ports: []}).
  const ports: SlicePort[] = (first?.ports ?? []).map((p) => ({
    name: p.name ?? '',
    port: p.port,
    protocol: p.protocol,
  }));
  return {
    kind: 'EndpointSlice',
    metadata: {
      name: apiServer ? 'kubernetes' : `${endpoints.metadata.name}-${suffixFor(uid)}`,
      namespace: endpoints.metadata.namespace,
      uid: uid.replace(/^.{8}/, 'e5e5e5e5'),
      resourceVersion: endpoints.metadata.resourceVersion,
      creationTimestamp: endpoints.metadata.creationTimestamp,
      labels,
      annotations: {},
    },
    serviceName: endpoints.metadata.name,
    addressType: 'IPv4',
    endpoints: list,
    ports: first || !apiServer ? ports : [],
  };
}

export function listEndpointSlices(cluster: Cluster): EndpointSlice[] {
  return listEndpoints(cluster)
    .map((e) => sliceOf(cluster, e))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

export function findEndpointSlice(cluster: Cluster, name: string, namespace = 'default'): EndpointSlice | undefined {
  return listEndpointSlices(cluster).find((s) => s.metadata.name === name && s.metadata.namespace === namespace);
}

export { endpointsFor };
