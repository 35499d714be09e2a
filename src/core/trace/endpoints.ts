// A service port's endpoints as kube-proxy sees them: ready ones, in its order, with their
// KUBE-SEP chains; and whether the cluster is big enough for kube-proxy's large-cluster mode.

import { endpointsFor, readyEndpointsForPort, servingTerminatingEndpointsForPort, type Cluster, type Service } from '../cluster/index.js';
import { sepChain, type ServicePortInfo } from './rules.js';
import type { EndpointChoice } from './types.js';

/** Above this many endpoints in all, kube-proxy leaves comments out of endpoint rules. */
export const LARGE_CLUSTER_ENDPOINTS = 1000;

/**
 * A service port's ready endpoints, sorted as kube-proxy sorts them (by the string `ip:port`); with
 * none ready, the terminating ones still serving (pkg/proxy/topology.go CategorizeEndpoints).
 */
export function endpointChoices(cluster: Cluster, sp: ServicePortInfo): EndpointChoice[] {
  const ready = readyEndpointsForPort(cluster, sp.service, sp.port);
  return (ready.length > 0 ? ready : servingTerminatingEndpointsForPort(cluster, sp.service, sp.port))
    .map(({ address, port }) => ({
      ip: address.ip,
      port,
      ...(address.podName ? { pod: address.podName } : {}),
      node: address.nodeName,
      chain: sepChain(sp, address.ip, port),
    }))
    .sort((a, b) => {
      const x = `${a.ip}:${a.port}`;
      const y = `${b.ip}:${b.port}`;
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** Services kube-proxy programs: those with a cluster IP. */
export const proxied = (s: Service): boolean => s.spec.type !== 'ExternalName' && s.spec.clusterIP !== '' && s.spec.clusterIP !== 'None';

/** kube-proxy's large-cluster mode: more than 1,000 endpoints over all service ports. */
export function largeClusterMode(cluster: Cluster): boolean {
  let total = 0;
  for (const service of cluster.services) {
    if (!proxied(service)) continue;
    for (const subset of endpointsFor(cluster, service).subsets) {
      const ports = subset.ports.filter((p) => service.spec.ports.some((sp) => (sp.name ?? '') === (p.name ?? '')));
      total += (subset.addresses.length + subset.notReadyAddresses.length) * ports.length;
      if (total > LARGE_CLUSTER_ENDPOINTS) return true;
    }
  }
  return false;
}

export const selectorText = (service: Service): string =>
  service.spec.selector && Object.keys(service.spec.selector).length > 0
    ? Object.entries(service.spec.selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : '(none)';
