// The pod `kubectl logs deploy/NAME` (or rs/, svc/) reads: kubectl lists the pods the object
// selects and takes the most active one (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
// attachablepodforobject.go and cmd/util/podutils/podutils.go: GetFirstPod sorts with
// sort.Reverse(ActivePods)), saying "Found N pods, using pod/NAME" when there was a choice.

import {
  findDeployment,
  findReplicaSet,
  findService,
  isPodReady,
  matchesSelector,
  podConditions,
  podPhase,
  restartsOf,
  type Cluster,
  type Labels,
  type Pod,
} from '../cluster/index.js';
import { goSort } from './go-sort.js';

export type AttachableKind = 'Deployment' | 'ReplicaSet' | 'Service';

/** The selector of the object, or undefined when there is no such object. */
function selectorOf(cluster: Cluster, kind: AttachableKind, name: string, namespace: string): Labels | undefined {
  if (kind === 'Deployment') return findDeployment(cluster, name, namespace)?.spec.selector;
  if (kind === 'ReplicaSet') return findReplicaSet(cluster, name, namespace)?.spec.selector;
  const svc = findService(cluster, name, namespace);
  return svc ? (svc.spec.selector ?? {}) : undefined;
}

const PHASE_RANK: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutils.ActivePods Less: the less active pod first. */
function lessActive(a: Pod, b: Pod, now: number): boolean {
  const an = a.spec.nodeName;
  const bn = b.spec.nodeName;
  if (an !== bn && (an === '' || bn === '')) return an === '';
  const ap = PHASE_RANK[podPhase(a, now)] ?? 0;
  const bp = PHASE_RANK[podPhase(b, now)] ?? 0;
  if (ap !== bp) return ap < bp;
  const ar = isPodReady(a, now);
  const br = isPodReady(b, now);
  if (ar !== br) return !ar;
  if (ar && br) {
    const at = Math.floor((podConditions(a, now).find((c) => c.type === 'Ready')?.at ?? 0) / 1000);
    const bt = Math.floor((podConditions(b, now).find((c) => c.type === 'Ready')?.at ?? 0) / 1000);
    // The one that became ready later is the less active.
    if (at !== bt) return at > bt;
  }
  const ac = restartsOf(a, now).count;
  const bc = restartsOf(b, now).count;
  if (ac !== bc) return ac > bc;
  const aCreated = Math.floor(a.metadata.creationTimestamp / 1000);
  const bCreated = Math.floor(b.metadata.creationTimestamp / 1000);
  if (aCreated !== bCreated) return aCreated > bCreated;
  return false;
}

export type AttachablePod = { readonly found: false } | { readonly found: true; readonly pod: Pod | undefined; readonly count: number };

/** The most active pod the object selects, and how many it selects; `found: false` when there is no such object. */
export function attachablePod(cluster: Cluster, kind: AttachableKind, name: string, namespace: string): AttachablePod {
  const selector = selectorOf(cluster, kind, name, namespace);
  if (selector === undefined) return { found: false };
  // The API lists the pods by name; GetFirstPod sorts that list.
  const pods = cluster.pods
    .filter((p) => p.metadata.namespace === namespace && Object.keys(selector).length > 0 && matchesSelector(selector, p.metadata.labels))
    .sort((x, y) => (x.metadata.name < y.metadata.name ? -1 : x.metadata.name > y.metadata.name ? 1 : 0));
  goSort({
    length: pods.length,
    // sort.Reverse: Less(i, j) is ActivePods.Less(j, i).
    less: (i, j) => lessActive(pods[j] as Pod, pods[i] as Pod, cluster.now),
    swap: (i, j) => {
      const t = pods[i] as Pod;
      pods[i] = pods[j] as Pod;
      pods[j] = t;
    },
  });
  return { found: true, pod: pods[0], count: pods.length };
}
