// A trace step's request, run against the learner's own cluster: the URL's {{...}} filled in,
// then the tracer. Also the choices for "where will it end?" and the right one.
import type { Cluster } from '../cluster/index.js';
import { trace, type Place as HopPlace, type Trace, type TraceRequest } from '../trace/index.js';
import type { TraceSpec } from './model.js';
import { fillTemplates } from './template.js';

export type Followed = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: string };

function target(url: string): { ip: string; port: number; path: string } | string {
  const withScheme = /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`;
  try {
    const parsed = new URL(withScheme);
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(parsed.hostname)) return `${url} needs an IP address (make the objects it names first)`;
    return { ip: parsed.hostname, port: parsed.port ? Number(parsed.port) : 80, path: parsed.pathname };
  } catch {
    return `${url} is not a URL yet (make the objects it names first)`;
  }
}

/**
 * Traces of the last few clusters: a screen asks on every key, for the cluster on screen. Keyed by
 * every cluster ever traced (each step's cluster is kept for going back), they held a third of a
 * MiB by the end of the course; a cluster traced again is traced afresh, to the same trace.
 */
export const CLUSTERS_TRACED = 4;
const cache = new Map<Cluster, Map<string, Followed>>();

/** The trace of the step's request in this cluster (remembered: the same cluster gives the same trace). */
export function followRequest(spec: TraceSpec, cluster: Cluster): Followed {
  const key = JSON.stringify(spec);
  let forCluster = cache.get(cluster);
  if (!forCluster) {
    if (cache.size >= CLUSTERS_TRACED) cache.delete(cache.keys().next().value as Cluster);
    cache.set(cluster, (forCluster = new Map()));
  }
  const known = forCluster.get(key);
  if (known) return known;
  const result = follow(spec, cluster);
  forCluster.set(key, result);
  return result;
}

/** How many clusters' traces are remembered (tests). */
export const clustersTraced = (): number => cache.size;

function follow(spec: TraceSpec, cluster: Cluster): Followed {
  let request: TraceRequest;
  if (spec.from === 'load-balancer') {
    request = { from: 'load-balancer', service: spec.service ?? '' };
  } else {
    const url = fillTemplates(spec.url ?? '', cluster);
    const to = target(url);
    if (typeof to === 'string') return { ok: false, error: to };
    const http = { method: 'GET', path: to.path || '/' };
    request = spec.from === 'pod' ? { from: 'pod', pod: spec.pod ?? '', ip: to.ip, port: to.port, http } : { from: 'outside', ip: to.ip, port: to.port, http };
  }
  const traced = trace(cluster, request);
  return traced.ok ? { ok: true, trace: traced.trace } : { ok: false, error: traced.error };
}

/** Where a request can end, in words, for the learner's prediction: the same five for every trace, so the choices give nothing away. */
export type EndingId = 'outside' | 'node' | 'pod' | 'container' | 'answered';

export interface Ending {
  readonly id: EndingId;
  readonly says: string;
}

export const ENDINGS: readonly Ending[] = [
  { id: 'outside', says: 'before it reaches a node (no route, the cloud firewall, the load balancer)' },
  { id: 'node', says: "on the node, in kube-proxy's rules" },
  { id: 'pod', says: 'on its way to the pod' },
  { id: 'container', says: 'at the pod: nothing listens on that port' },
  { id: 'answered', says: 'it does not fail: the app answers' },
];

export function endings(): readonly Ending[] {
  return ENDINGS;
}

const BY_PLACE: Record<HopPlace, EndingId> = {
  client: 'outside',
  'load-balancer': 'outside',
  firewall: 'outside',
  'node-nic': 'node',
  iptables: 'node',
  service: 'node',
  node: 'node',
  conntrack: 'node',
  'pod-network': 'pod',
  pod: 'pod',
  container: 'container',
};

/** Where this request really ends. */
export function actualEnding(followed: Trace): EndingId {
  const { outcome } = followed;
  if (outcome.kind === 'answered') return 'answered';
  if (outcome.kind === 'refused' && outcome.reason === 'nothing-listening') return 'container';
  if (outcome.kind === 'timeout' && (outcome.reason === 'not-routable' || outcome.reason === 'unknown-address' || outcome.reason === 'firewall'))
    return 'outside';
  return BY_PLACE[followed.hops[outcome.hop]?.place ?? 'client'];
}
