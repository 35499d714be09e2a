// What answers on podIP:port: the pod behind an address, and whether its
// container listens there. Used by curl and trace.

import { knownImage, type KnownImage } from './images.js';
import { podIndex } from './object-index.js';
import type { Cluster, Pod, Protocol } from './types.js';

export type PortAnswer =
  | { readonly kind: 'listening'; readonly pod: Pod; readonly image: KnownImage }
  | { readonly kind: 'refused'; readonly pod: Pod; readonly reason: 'nothing-listening' | 'not-started' }
  | { readonly kind: 'no-pod' };

export function podByIP(cluster: Cluster, ip: string): Pod | undefined {
  return podIndex(cluster.pods)
    .byIP.get(ip)
    .find((p) => cluster.now >= p.timeline.sandboxAt);
}

export function whatAnswers(cluster: Cluster, ip: string, port: number, protocol: Protocol = 'TCP'): PortAnswer {
  const pod = podByIP(cluster, ip);
  if (!pod) return { kind: 'no-pod' };
  if (cluster.now < pod.timeline.startedAt) return { kind: 'refused', pod, reason: 'not-started' };
  for (const container of pod.spec.containers) {
    const image = knownImage(container.image);
    if (image?.listens.some((l) => l.port === port && l.protocol === protocol)) return { kind: 'listening', pod, image };
  }
  return { kind: 'refused', pod, reason: 'nothing-listening' };
}

export interface HttpResponse {
  /** The status line's protocol version when not 1.1 (Go's plain-HTTP-to-TLS answer is HTTP/1.0). */
  readonly version?: '1.0';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

function notFoundPage(server: string): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 1123 date in GMT, as HTTP headers carry it. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** What the image's web server sends back for a request. */
export function serveHttp(image: KnownImage, method: string, path: string, now: number): HttpResponse {
  const clean = path.split('?')[0] ?? '/';
  const found = clean === '/' || clean === '/index.html';
  const body = found ? image.indexHtml : notFoundPage(image.server);
  const headers: [string, string][] = [
    ['Server', image.server],
    ['Date', httpDate(now)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(Buffer.byteLength(body))],
  ];
  if (found)
    headers.push(
      ['Last-Modified', httpDate(Date.UTC(2020, 3, 14, 16, 2, 11))],
      ['Connection', 'keep-alive'],
      ['ETag', `"5e95de13-${Buffer.byteLength(body).toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    );
  else headers.push(['Connection', 'keep-alive']);
  return { status: found ? 200 : 404, reason: found ? 'OK' : 'Not Found', headers, body: method === 'HEAD' ? '' : body };
}
