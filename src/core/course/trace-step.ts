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

const cache = new WeakMap<Cluster, Map<string, Followed>>();

/** The trace of the step's request in this cluster (remembered: the same cluster gives the same trace). */
export function followRequest(spec: TraceSpec, cluster: Cluster): Followed {
  const key = JSON.stringify(spec);
  let forCluster = cache.get(cluster);
  if (!forCluster) cache.set(cluster, (forCluster = new Map()));
  const known = forCluster.get(key);
  if (known) return known;
  const result = follow(spec, cluster);
  forCluster.set(key, result);
  return result;
}

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

/** Where a request can end, in words, for the learner's prediction: each distinct place on its way, then "the app answers". */
export interface Ending {
  readonly id: HopPlace | 'answered';
  readonly says: string;
}

const PLACE_WORDS: Record<HopPlace, string> = {
  client: 'on your machine',
  'load-balancer': 'at the cloud load balancer',
  firewall: "at the node's firewall",
  'node-nic': "at the node's network interface",
  iptables: "in kube-proxy's iptables rules on the node",
  service: 'at the Service',
  node: 'on the node',
  conntrack: 'in connection tracking',
  'pod-network': 'on the pod network',
  pod: 'at the pod',
  container: 'in the container',
};

export function endings(followed: Trace): Ending[] {
  const places = [...new Set(followed.hops.map((h) => h.place))].filter((p) => p !== 'client' && p !== 'conntrack');
  return [...places.map((p) => ({ id: p, says: `it fails ${PLACE_WORDS[p]}` })), { id: 'answered' as const, says: 'the app answers' }];
}

/** Where this request really ends. */
export function actualEnding(followed: Trace): Ending['id'] {
  const { outcome } = followed;
  if (outcome.kind === 'answered') return 'answered';
  return followed.hops[outcome.hop]?.place ?? 'client';
}
