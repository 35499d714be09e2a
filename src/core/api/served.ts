// The resources the lab's API server serves: the core/v1 kinds the cluster holds, described for
// discovery by the same 1.32 table `kubectl api-resources` prints (kubectl/api-resources.ts), plus
// what that table has no column for (categories, subresources).

import { API_RESOURCES } from '../kubectl/api-resources.js';
import type { ResourceKind } from '../kubectl/resources.js';

export interface Subresource {
  readonly name: string;
  readonly kind: string;
  readonly verbs: readonly string[];
}

export interface ServedResource {
  readonly kind: ResourceKind;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly subresources: readonly Subresource[];
  /** The API group for kinds beyond core/v1 (`apps`, `discovery.k8s.io`); absent for core/v1. */
  readonly group?: string;
}

/** The core/v1 kinds the lab holds objects of. */
const LAB_KINDS: ReadonlySet<string> = new Set<ResourceKind>(['Endpoints', 'Event', 'Namespace', 'Node', 'Pod', 'Service']);

/** What discovery adds beyond api-resources' columns (kube-apiserver's registry for these kinds). */
const EXTRA: Readonly<Partial<Record<ResourceKind, Pick<ServedResource, 'categories' | 'subresources'>>>> = {
  Pod: {
    categories: ['all'],
    subresources: [
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
    ],
  },
  Service: { categories: ['all'], subresources: [{ name: 'status', kind: 'Service', verbs: ['get', 'patch', 'update'] }] },
};

export const SERVED: readonly ServedResource[] = API_RESOURCES.filter(([, , apiVersion, , kind]) => apiVersion === 'v1' && LAB_KINDS.has(kind)).map(
  ([plural, shortNames, , namespaced, kind, verbs]) => ({
    kind: kind as ResourceKind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    verbs: verbs.split(','),
    shortNames: shortNames === '' ? [] : shortNames.split(','),
    categories: EXTRA[kind as ResourceKind]?.categories ?? [],
    subresources: EXTRA[kind as ResourceKind]?.subresources ?? [],
  }),
);

export function servedByPlural(plural: string): ServedResource | undefined {
  return SERVED.find((r) => r.plural === plural);
}
