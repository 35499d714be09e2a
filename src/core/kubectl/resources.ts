// Resource type names kubectl accepts, and how they map to what the cluster serves.

export type ResourceKind = 'Pod' | 'Service' | 'Node' | 'Endpoints' | 'Deployment' | 'ReplicaSet' | 'Namespace' | 'EndpointSlice' | 'Event' | 'DaemonSet';

export interface ResourceType {
  readonly kind: ResourceKind;
  /** Plural, as in API paths and `pods "x" not found`. */
  readonly plural: string;
  /** Singular, as in `pod/x`. */
  readonly singular: string;
  readonly namespaced: boolean;
  /** The API group, for names such as `deployment.apps/web` (absent: the core group). */
  readonly group?: string;
}

/** `deployment.apps`, `pod`: how kubectl names a type before `/NAME`. */
export const qualifiedSingular = (type: ResourceType): string => (type.group ? `${type.singular}.${type.group}` : type.singular);
/** `deployments.apps`, `pods`: as in `deployments.apps "x" not found`. */
export const qualifiedPlural = (type: ResourceType): string => (type.group ? `${type.plural}.${type.group}` : type.plural);

export const RESOURCE_TYPES: readonly ResourceType[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', namespaced: true },
  { kind: 'Node', plural: 'nodes', singular: 'node', namespaced: false },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', namespaced: true },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', namespaced: true, group: 'apps' },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', namespaced: true, group: 'apps' },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', namespaced: true, group: 'discovery.k8s.io' },
  { kind: 'Event', plural: 'events', singular: 'event', namespaced: true },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', namespaced: true, group: 'apps' },
];

const ALIASES: Readonly<Record<string, ResourceKind>> = {
  pods: 'Pod',
  pod: 'Pod',
  po: 'Pod',
  services: 'Service',
  service: 'Service',
  svc: 'Service',
  nodes: 'Node',
  node: 'Node',
  no: 'Node',
  endpoints: 'Endpoints',
  endpoint: 'Endpoints',
  ep: 'Endpoints',
  deployments: 'Deployment',
  deployment: 'Deployment',
  deploy: 'Deployment',
  'deployments.apps': 'Deployment',
  'deployment.apps': 'Deployment',
  replicasets: 'ReplicaSet',
  replicaset: 'ReplicaSet',
  rs: 'ReplicaSet',
  'replicasets.apps': 'ReplicaSet',
  'replicaset.apps': 'ReplicaSet',
  namespaces: 'Namespace',
  namespace: 'Namespace',
  ns: 'Namespace',
  endpointslices: 'EndpointSlice',
  endpointslice: 'EndpointSlice',
  'endpointslices.discovery.k8s.io': 'EndpointSlice',
  'endpointslice.discovery.k8s.io': 'EndpointSlice',
  events: 'Event',
  event: 'Event',
  ev: 'Event',
  daemonsets: 'DaemonSet',
  daemonset: 'DaemonSet',
  ds: 'DaemonSet',
  'daemonsets.apps': 'DaemonSet',
  'daemonset.apps': 'DaemonSet',
};

/** Real resource types the simulated cluster has none of (so `get` finds nothing). */
const EMPTY_TYPES: readonly string[] = [
  'statefulsets',
  'statefulset',
  'sts',
  'jobs',
  'job',
  'cronjobs',
  'cronjob',
  'cj',
  'configmaps',
  'configmap',
  'cm',
  'secrets',
  'secret',
  'ingresses',
  'ingress',
  'ing',
  'persistentvolumeclaims',
  'pvc',
  'replicationcontrollers',
  'rc',
];

export function resolveType(name: string): ResourceType | 'empty' | undefined {
  const lower = name.toLowerCase().replace(/\.v1(?=\.|$)|\/v1$/, '');
  const kind = ALIASES[lower];
  if (kind) return RESOURCE_TYPES.find((t) => t.kind === kind);
  return EMPTY_TYPES.includes(lower) ? 'empty' : undefined;
}

export function typeOf(kind: ResourceKind): ResourceType {
  return RESOURCE_TYPES.find((t) => t.kind === kind) as ResourceType;
}

/** kubectl's words for a resource type it does not know. */
export const unknownTypeMessage = (typeName: string): string => `the server doesn't have a resource type "${typeName}"`;

/** `TYPE/NAME` arguments as targets, or the first type name kubectl does not know. */
export function slashedTargets(args: readonly string[]): { ok: true; targets: { type: ResourceType; name: string }[] } | { ok: false; typeName: string } {
  const targets: { type: ResourceType; name: string }[] = [];
  for (const arg of args) {
    const [typeName = '', name = ''] = arg.split('/');
    const type = resolveType(typeName);
    if (!type || type === 'empty') return { ok: false, typeName };
    targets.push({ type, name });
  }
  return { ok: true, targets };
}
