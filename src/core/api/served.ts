// The resources the lab's API server serves, with what discovery says of each
// (names, verbs, short names and categories as kube-apiserver 1.32 lists them for core/v1).

import type { ResourceKind } from '../kubectl/resources.js';

export interface Subresource {
  readonly name: string;
  readonly kind: string;
  readonly verbs: readonly string[];
}

export interface ServedResource {
  readonly kind: ResourceKind | 'Namespace' | 'Event';
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly subresources: readonly Subresource[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const SERVED: readonly ServedResource[] = [
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', namespaced: true, verbs: ALL_VERBS, shortNames: ['ep'], categories: [], subresources: [] },
  { kind: 'Event', plural: 'events', singular: 'event', namespaced: true, verbs: ALL_VERBS, shortNames: ['ev'], categories: [], subresources: [] },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['ns'], categories: [], subresources: [] },
  {
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    namespaced: false,
    verbs: ALL_VERBS,
    shortNames: ['no'],
    categories: [],
    subresources: [],
  },
  {
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    namespaced: true,
    verbs: ALL_VERBS,
    shortNames: ['po'],
    categories: ['all'],
    subresources: [
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
    ],
  },
  {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    namespaced: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: ['svc'],
    categories: ['all'],
    subresources: [{ name: 'status', kind: 'Service', verbs: ['get', 'patch', 'update'] }],
  },
];

export function servedByPlural(plural: string): ServedResource | undefined {
  return SERVED.find((r) => r.plural === plural);
}
