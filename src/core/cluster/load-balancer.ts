// The cloud's side of a LoadBalancer Service: a few seconds after the Service asks, the cloud
// controller (the service controller of the cloud-controller-manager) has made a load balancer
// and writes its public address into status.loadBalancer.ingress. Until then kubectl shows
// EXTERNAL-IP <pending>. The address comes from the same public range as the nodes' EXTERNAL-IPs.

import { recordEvents } from './events.js';
import { formatIPv4, parseIPv4 } from './ip.js';
import type { Cluster, Service } from './types.js';

/** How long the cloud takes to make a load balancer and report its address (virtual time). */
export const LOAD_BALANCER_PROVISION_MS = 5_000;

/** The cloud's public addresses for load balancers: 203.0.113.100-203.0.113.199 (TEST-NET-3). */
const POOL_START = parseIPv4('203.0.113.100') ?? 0;
const POOL_SIZE = 100;

const SERVICE_CONTROLLER = 'service-controller';

/** The load balancer's public address once the cloud has reported it; undefined while <pending>. */
export function loadBalancerIngressIP(cluster: Cluster, service: Service): string | undefined {
  const lb = service.loadBalancer;
  if (service.spec.type !== 'LoadBalancer' || !lb || cluster.now < lb.readyAt) return undefined;
  return lb.ip;
}

/** The LoadBalancer service whose load balancer has this (reported) address. */
export function serviceWithLoadBalancerIP(cluster: Cluster, ip: string): Service | undefined {
  return cluster.services.find((s) => loadBalancerIngressIP(cluster, s) === ip);
}

/**
 * The service as the cloud will see it: a LoadBalancer keeps the load balancer it has (`live`),
 * or gets a new one, ready a few seconds from now; any other type has none. Returns the cluster
 * with the service controller's events and the service to store.
 */
export function provisionLoadBalancer(cluster: Cluster, service: Service, live?: Service): { cluster: Cluster; service: Service } {
  if (service.spec.type !== 'LoadBalancer') {
    if (!service.loadBalancer) return { cluster, service };
    const rest: { -readonly [K in keyof Service]?: Service[K] } = { ...service };
    delete rest.loadBalancer;
    return { cluster, service: rest as Service };
  }
  if (live?.spec.type === 'LoadBalancer' && live.loadBalancer) return { cluster, service: { ...service, loadBalancer: live.loadBalancer } };
  const taken = new Set(cluster.services.filter((s) => s !== live && s.loadBalancer).map((s) => s.loadBalancer!.ip));
  let ip: string | undefined;
  for (let i = 0; i < POOL_SIZE && ip === undefined; i++) {
    const candidate = formatIPv4(POOL_START + i);
    if (!taken.has(candidate)) ip = candidate;
  }
  // A full pool: the cloud never answers, and the service stays <pending>.
  if (ip === undefined) return { cluster, service };
  const readyAt = cluster.now + LOAD_BALANCER_PROVISION_MS;
  const event = (reason: string, message: string, at: number) => ({
    involved: { kind: 'Service' as const, name: service.metadata.name, namespace: service.metadata.namespace },
    involvedUid: service.metadata.uid,
    type: 'Normal' as const,
    reason,
    message,
    source: SERVICE_CONTROLLER,
    at,
  });
  const events = [event('EnsuringLoadBalancer', 'Ensuring load balancer', cluster.now), event('EnsuredLoadBalancer', 'Ensured load balancer', readyAt)];
  return { cluster: recordEvents(cluster, events), service: { ...service, loadBalancer: { ip, readyAt } } };
}
