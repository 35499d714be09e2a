// A pod's container log: nginx writes one line per request in its "main"
// (combined + X-Forwarded-For) format, which `kubectl logs` prints.

import { notFound, type Result } from './api-error.js';
import { podIndex, qualifiedName, podsReplacing } from './object-index.js';
import type { Cluster, Pod } from './types.js';

export interface AccessLogEntry {
  readonly remoteAddr: string;
  readonly method: string;
  readonly path: string;
  readonly httpVersion?: string;
  readonly status: number;
  readonly bytes: number;
  readonly userAgent: string;
  readonly referer?: string;
  readonly forwardedFor?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** nginx $time_local, in UTC: 01/Mar/2025:09:05:12 +0000 */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

export function formatAccessLine(entry: AccessLogEntry, at: number): string {
  const request = `${entry.method} ${entry.path} ${entry.httpVersion ?? 'HTTP/1.1'}`;
  return `${entry.remoteAddr} - - [${nginxTime(at)}] "${request}" ${entry.status} ${entry.bytes} "${entry.referer ?? '-'}" "${entry.userAgent}" "${entry.forwardedFor ?? '-'}"`;
}

/** Appends one request to a pod's log, stamped with the cluster's clock. */
export function appendAccessLog(cluster: Cluster, podName: string, entry: AccessLogEntry, namespace = 'default'): Result<Pod> {
  const pod = podIndex(cluster.pods).byName.first(qualifiedName(namespace, podName));
  if (!pod) return { ok: false, cluster, error: notFound('pods', podName) };
  const updated: Pod = { ...pod, log: [...pod.log, formatAccessLine(entry, cluster.now)] };
  return { ok: true, cluster: { ...cluster, pods: podsReplacing(cluster.pods, (p) => p === pod, updated) }, value: updated };
}
