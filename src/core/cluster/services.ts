// Creating, updating and deleting services. As in the API server, addresses and
// node ports are allocated before validation, so an allocation error comes alone.

import { alreadyExists, internalError, invalidError, notFound, type ApiError, type Result } from './api-error.js';
import { allocateNextClusterIP, checkClusterIP } from './cluster-ip-allocator.js';
import { formatIPv4 } from './ip.js';
import { invalid, type FieldError } from './field-error.js';
import { provisionLoadBalancer } from './load-balancer.js';
import { newUid, nextRevision } from './ids.js';
import { allocateNextNodePort, checkNodePort, nodePortErrorDetail } from './node-port-allocator.js';
import { qualifiedName, serviceIndex, servicesReplacing, servicesWith, servicesWithout } from './object-index.js';
import { admitCreate } from './namespaces.js';
import type { RngState } from '../random.js';
import { isExternallyAccessible, validateService, type DraftService, type DraftServicePort } from './service-validation.js';
import {
  DEFAULT_NAMESPACE,
  type Cluster,
  type IntOrString,
  type Labels,
  type Protocol,
  type Service,
  type ServicePort,
  type ServiceType,
  type TrafficPolicy,
} from './types.js';

export interface ServicePortInput {
  readonly name?: string;
  readonly protocol?: string;
  readonly port: number;
  readonly targetPort?: IntOrString;
  readonly nodePort?: number;
}

export interface ServiceInput {
  readonly name: string;
  /** Absent: `default`. */
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly type?: string;
  readonly clusterIP?: string;
  readonly ports: readonly ServicePortInput[];
  readonly selector?: Labels;
  readonly sessionAffinity?: string;
  readonly externalTrafficPolicy?: string;
  readonly externalName?: string;
  readonly externalIPs?: readonly string[];
  readonly healthCheckNodePort?: number;
}

export function findService(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Service | undefined {
  return serviceIndex(cluster.services).byName.first(qualifiedName(namespace, name));
}

/**
 * The service port kube-proxy forwards a node port to on every node: the first NodePort or
 * LoadBalancer service with a port of that protocol on that node port.
 */
export function serviceOnNodePort(cluster: Cluster, nodePort: number, protocol: Protocol = 'TCP'): { service: Service; port: ServicePort } | undefined {
  for (const service of serviceIndex(cluster.services).byNodePort.get(nodePort)) {
    if (service.spec.type !== 'NodePort' && service.spec.type !== 'LoadBalancer') continue;
    const port = service.spec.ports.find((p) => p.nodePort === nodePort && p.protocol === protocol);
    if (port) return { service, port };
  }
  return undefined;
}

/** The service holding a cluster IP (not '' or None), if any: what kube-proxy's KUBE-SERVICES rules match on. */
export function serviceWithClusterIP(cluster: Cluster, ip: string): Service | undefined {
  return serviceIndex(cluster.services).byClusterIP.first(ip);
}

/** Every node port in use, by any service. */
export function usedNodePorts(cluster: Cluster, except?: Service): Set<number> {
  const byNodePort = serviceIndex(cluster.services).byNodePort;
  const used = new Set<number>();
  for (const port of byNodePort.keys()) if (byNodePort.get(port).some((s) => s !== except)) used.add(port);
  return used;
}

/** Every cluster IP in use (not '' or None), by any service. */
function usedClusterIPs(cluster: Cluster): { has(ip: string): boolean } {
  const byClusterIP = serviceIndex(cluster.services).byClusterIP;
  return { has: (ip) => byClusterIP.get(ip).length > 0 };
}

/** API defaulting (core/v1 defaults.go). */
export function draftFromInput(input: ServiceInput): DraftService {
  const type = input.type ?? 'ClusterIP';
  return {
    name: input.name,
    labels: input.labels ?? {},
    annotations: input.annotations ?? {},
    type,
    clusterIP: input.clusterIP ?? '',
    ports: input.ports.map((p): DraftServicePort => ({
      name: p.name ?? '',
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      targetPort: p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort,
      nodePort: p.nodePort ?? 0,
    })),
    ...(input.selector !== undefined ? { selector: input.selector } : {}),
    sessionAffinity: input.sessionAffinity ?? 'None',
    externalTrafficPolicy: input.externalTrafficPolicy ?? (isExternallyAccessible(type) ? 'Cluster' : ''),
    externalName: input.externalName ?? '',
    externalIPs: input.externalIPs ?? [],
    healthCheckNodePort: input.healthCheckNodePort ?? 0,
  };
}

type Allocation = { ok: true; draft: DraftService; rng: RngState } | { ok: false; error: ApiError };

function allocateClusterIP(cluster: Cluster, draft: DraftService, rng: RngState): Allocation {
  if (draft.type === 'ExternalName' || draft.clusterIP === 'None') return { ok: true, draft, rng };
  const used = usedClusterIPs(cluster);
  if (draft.clusterIP !== '') {
    const check = checkClusterIP(cluster.config.serviceCidr, used, draft.clusterIP);
    if (check === 'ok') return { ok: true, draft, rng };
    // Validation rejects a malformed address at spec.clusterIPs[0]; the allocator (pkg/registry/core/service/ipallocator)
    // reports spec.clusterIPs with the whole list as its value.
    if (check !== 'already-allocated' && check !== 'not-in-range') {
      return {
        ok: false,
        error: invalidError('Service', draft.name, [
          invalid('spec.clusterIPs[0]', draft.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'),
        ]),
      };
    }
    const detail =
      check === 'already-allocated'
        ? `failed to allocate IP ${draft.clusterIP}: provided IP is already allocated`
        : `failed to allocate IP ${draft.clusterIP}: the provided IP (${draft.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`;
    const list: FieldError = { type: 'Invalid value', field: 'spec.clusterIPs', value: { kind: 'raw', text: `[]string{"${draft.clusterIP}"}` }, detail };
    return { ok: false, error: invalidError('Service', draft.name, [list]) };
  }
  // A dry run does not look for a free address: it answers the range's first, the network address
  // (pkg/registry/core/service/ipallocator/bitmap.go allocateNext: "Don't bother finding a free value").
  if (cluster.dryRun) return { ok: true, draft: { ...draft, clusterIP: formatIPv4(cluster.config.serviceCidr.base) }, rng };
  const next = allocateNextClusterIP(cluster.config.serviceCidr, used, rng);
  if (next.ip === undefined) return { ok: false, error: internalError('failed to allocate a serviceIP: range is full') };
  return { ok: true, draft: { ...draft, clusterIP: next.ip }, rng: next.rng };
}

/** allocNodePorts: ports with the same port number share one node port. */
function allocateNodePorts(cluster: Cluster, draft: DraftService, rng: RngState, except?: Service): Allocation {
  if (!isExternallyAccessible(draft.type)) return { ok: true, draft, rng };
  const range = cluster.config.nodePortRange;
  const used = usedNodePorts(cluster, except);
  const keep = new Set(except?.spec.ports.map((p) => p.nodePort).filter((p): p is number => p !== undefined));
  const byPort = new Map<number, number>();
  const ports: DraftServicePort[] = [];
  let state = rng;
  // A dry run's allocation operation picks no free port: one more than the largest it has
  // allocated so far, or 32769 (pkg/registry/core/service/portallocator/operation.go AllocateNext).
  const operation: number[] = [];
  const dryRunNext = (): number => {
    const port = (operation.length === 0 ? 32768 : operation.reduce((a, b) => Math.max(a, b))) + 1;
    operation.push(port);
    return port;
  };
  for (let i = 0; i < draft.ports.length; i++) {
    const sp = draft.ports[i];
    if (!sp) continue;
    const already = byPort.get(sp.port);
    if (already !== undefined) {
      ports.push({ ...sp, nodePort: sp.nodePort === 0 ? already : sp.nodePort });
      continue;
    }
    const requested = draft.ports.find((p) => p.port === sp.port && p.nodePort !== 0)?.nodePort ?? 0;
    if (requested !== 0) {
      const check = keep.has(requested) && !used.has(requested) ? 'ok' : checkNodePort(range, used, requested);
      if (check !== 'ok') {
        return { ok: false, error: invalidError('Service', draft.name, [invalid(`spec.ports[${i}].nodePort`, requested, nodePortErrorDetail(range, check))]) };
      }
      used.add(requested);
      if (!keep.has(requested)) operation.push(requested);
      byPort.set(sp.port, requested);
      ports.push({ ...sp, nodePort: requested });
    } else if (cluster.dryRun) {
      const port = dryRunNext();
      byPort.set(sp.port, port);
      ports.push({ ...sp, nodePort: port });
    } else {
      const next = allocateNextNodePort(range, used, state);
      state = next.rng;
      if (next.port === undefined) return { ok: false, error: internalError('failed to allocate a nodePort: range is full') };
      used.add(next.port);
      byPort.set(sp.port, next.port);
      ports.push({ ...sp, nodePort: next.port });
    }
  }
  // A LoadBalancer with externalTrafficPolicy Local also gets a health-check node port.
  if (draft.type === 'LoadBalancer' && draft.externalTrafficPolicy === 'Local' && draft.healthCheckNodePort === 0) {
    const kept = except?.spec.healthCheckNodePort;
    if (kept !== undefined) return { ok: true, draft: { ...draft, ports, healthCheckNodePort: kept }, rng: state };
    if (cluster.dryRun) return { ok: true, draft: { ...draft, ports, healthCheckNodePort: dryRunNext() }, rng: state };
    const next = allocateNextNodePort(range, used, state);
    if (next.port === undefined) return { ok: false, error: internalError('failed to allocate a nodePort: range is full') };
    return { ok: true, draft: { ...draft, ports, healthCheckNodePort: next.port }, rng: next.rng };
  }
  return { ok: true, draft: { ...draft, ports }, rng: state };
}

function toServicePort(p: DraftServicePort, withNodePort: boolean): ServicePort {
  return {
    ...(p.name !== '' ? { name: p.name } : {}),
    protocol: p.protocol as Protocol,
    port: p.port,
    targetPort: p.targetPort,
    ...(withNodePort && p.nodePort !== 0 ? { nodePort: p.nodePort } : {}),
  };
}

function buildService(draft: DraftService, namespace: string, uid: string, resourceVersion: string, created: number): Service {
  const type = draft.type as ServiceType;
  const external = isExternallyAccessible(type);
  return {
    kind: 'Service',
    metadata: { name: draft.name, namespace, uid, resourceVersion, creationTimestamp: created, labels: draft.labels, annotations: draft.annotations },
    spec: {
      type,
      clusterIP: type === 'ExternalName' ? '' : draft.clusterIP,
      clusterIPs: type === 'ExternalName' ? [] : [draft.clusterIP],
      ports: draft.ports.map((p) => toServicePort(p, external)),
      ...(draft.selector !== undefined ? { selector: draft.selector } : {}),
      sessionAffinity: draft.sessionAffinity as 'None' | 'ClientIP',
      ...(external ? { externalTrafficPolicy: draft.externalTrafficPolicy as TrafficPolicy } : {}),
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: true } : {}),
      ...(type === 'ExternalName' ? { externalName: draft.externalName } : {}),
      ...(draft.externalIPs.length > 0 ? { externalIPs: [...draft.externalIPs] } : {}),
      ...(type === 'LoadBalancer' && draft.externalTrafficPolicy === 'Local' && draft.healthCheckNodePort !== 0
        ? { healthCheckNodePort: draft.healthCheckNodePort }
        : {}),
    },
  };
}

export function createService(cluster: Cluster, input: ServiceInput): Result<Service> {
  const fail = (error: ApiError): Result<Service> => ({ ok: false, cluster, error });
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const refused = admitCreate(cluster, namespace, 'services', input.name);
  if (refused) return fail(refused);
  let draft = draftFromInput(input);
  const ip = allocateClusterIP(cluster, draft, cluster.rng);
  if (!ip.ok) return fail(ip.error);
  const np = allocateNodePorts(cluster, ip.draft, ip.rng);
  if (!np.ok) return fail(np.error);
  draft = np.draft;
  const errors = validateService(draft);
  if (errors.length > 0) return fail(invalidError('Service', input.name, errors));
  if (findService(cluster, input.name, namespace)) return fail(alreadyExists('Service', input.name));
  const uid = newUid(np.rng);
  const revision = nextRevision({ ...cluster, rng: uid.rng });
  const built = buildService(draft, namespace, uid.uid, revision.resourceVersion, Math.floor(cluster.now / 1000) * 1000);
  const { cluster: withLb, service } = provisionLoadBalancer(revision.cluster, built);
  return { ok: true, cluster: { ...withLb, services: servicesWith(withLb.services, service) }, value: service };
}

/**
 * Replaces a service's spec and metadata from a new desired state (what apply does after
 * merging). The clusterIP is kept; node ports are kept unless changed or no longer needed.
 */
export function updateService(cluster: Cluster, input: ServiceInput): Result<Service> {
  const fail = (error: ApiError): Result<Service> => ({ ok: false, cluster, error });
  const live = findService(cluster, input.name, input.namespace ?? DEFAULT_NAMESPACE);
  if (!live) return fail(notFound('services', input.name));
  // The registry's strategy (dropTypeDependentFields): a service leaving NodePort/LoadBalancer
  // whose ports still carry the node ports it had loses them, instead of failing validation.
  const leaving = isExternallyAccessible(live.spec.type) && !isExternallyAccessible(input.type ?? 'ClusterIP');
  const had = new Set(live.spec.ports.map((p) => p.nodePort).filter((p): p is number => p !== undefined));
  if (leaving && input.ports.every((p) => p.nodePort === undefined || p.nodePort === 0 || had.has(p.nodePort))) {
    input = { ...input, ports: input.ports.map(({ nodePort: _dropped, ...rest }) => rest) };
  }
  let draft = draftFromInput({ ...input, clusterIP: input.clusterIP ?? live.spec.clusterIP });
  if (draft.clusterIP !== live.spec.clusterIP && live.spec.clusterIP !== '') {
    return fail(invalidError('Service', input.name, [invalid('spec.clusterIPs[0]', draft.clusterIP, 'may not change once set')]));
  }
  const np = allocateNodePorts(cluster, draft, cluster.rng, live);
  if (!np.ok) return fail(np.error);
  draft = np.draft;
  const errors = validateService(draft);
  if (errors.length > 0) return fail(invalidError('Service', input.name, errors));
  const revision = nextRevision({ ...cluster, rng: np.rng });
  const built = buildService(draft, live.metadata.namespace, live.metadata.uid, revision.resourceVersion, live.metadata.creationTimestamp);
  const { cluster: withLb, service } = provisionLoadBalancer(revision.cluster, built, live);
  return { ok: true, cluster: { ...withLb, services: servicesReplacing(withLb.services, (s) => s === live, service) }, value: service };
}

export function deleteService(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Result<Service> {
  const service = findService(cluster, name, namespace);
  if (!service) return { ok: false, cluster, error: notFound('services', name) };
  return { ok: true, cluster: { ...cluster, services: servicesWithout(cluster.services, service) }, value: service };
}

/** The same service as an input, e.g. to re-apply it with changes. */
/**
 * Replaces a service whole (PUT, kubectl replace): the body's labels and annotations, none kept
 * from the live object, but the clusterIP a body leaves out is kept, as the registry's
 * patchAllocatedValues keeps it.
 */
export function replaceService(cluster: Cluster, input: ServiceInput, namespace: string, live: Service): Result<Service> {
  return updateService(cluster, {
    ...input,
    namespace,
    labels: input.labels ?? {},
    annotations: input.annotations ?? {},
    ...(input.clusterIP ? {} : { clusterIP: live.spec.clusterIP }),
  });
}

export function serviceToInput(service: Service): ServiceInput {
  return {
    name: service.metadata.name,
    namespace: service.metadata.namespace,
    labels: service.metadata.labels,
    annotations: service.metadata.annotations,
    type: service.spec.type,
    clusterIP: service.spec.clusterIP,
    ports: service.spec.ports,
    ...(service.spec.selector !== undefined ? { selector: service.spec.selector } : {}),
    sessionAffinity: service.spec.sessionAffinity,
    ...(service.spec.externalTrafficPolicy !== undefined ? { externalTrafficPolicy: service.spec.externalTrafficPolicy } : {}),
    ...(service.spec.externalName !== undefined ? { externalName: service.spec.externalName } : {}),
    ...(service.spec.externalIPs !== undefined ? { externalIPs: service.spec.externalIPs } : {}),
    ...(service.spec.healthCheckNodePort !== undefined ? { healthCheckNodePort: service.spec.healthCheckNodePort } : {}),
  };
}
