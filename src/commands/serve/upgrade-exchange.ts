// `kubectl exec` and `kubectl port-forward` reach the lab as upgraded connections (WebSocket or
// SPDY), answered on the socket itself (exec-socket.ts, port-forward.ts). So that a goal can tick
// for them as for any other request, each upgrade is also told as an exchange: the request as
// kubectl sent it and the answer it got, read from the first bytes written back (`101 Switching
// Protocols`, or a refusal with its Status). An upgrade's query may repeat a name (exec's
// `command=ls&command=/`): the exchange keeps the last value of each name, as for any request,
// except `command`, whose words are kept in order as a JSON list.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiRequest, ApiResponse } from '../../core/api/request.js';
import { apiRequestOf } from './api-request.js';

/** The upgrade request as an API request (no body). */
export function upgradeRequest(req: IncomingMessage): ApiRequest {
  return apiRequestOf(req);
}

/** The status line and body of an HTTP answer's first bytes; null when they are not one. */
export function answerOfBytes(text: string): ApiResponse | null {
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
  if (!status) return null;
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const contentType = /\r\ncontent-type:[ \t]*([^\r\n]*)/i.exec(head)?.[1] ?? '';
  return { status: Number(status[1]), contentType, body: end < 0 ? '' : text.slice(end + 4) };
}

/**
 * Calls `tell` once with the answer the upgrade got, when the first bytes are written back on its
 * socket (after the code that wrote them has finished, so the cluster it hands on is the one after).
 * A socket closed with nothing written tells nothing.
 */
export function onUpgradeAnswer(socket: Duplex, tell: (answer: ApiResponse) => void): void {
  let told = false;
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  const end = socket.end.bind(socket) as (...args: unknown[]) => Duplex;
  const seen = (chunk: unknown): void => {
    if (told || chunk === undefined || typeof chunk === 'function') return;
    told = true;
    socket.write = write as Duplex['write'];
    socket.end = end as Duplex['end'];
    const text = Buffer.isBuffer(chunk) ? chunk.toString('latin1') : typeof chunk === 'string' ? chunk : '';
    const answer = answerOfBytes(text);
    if (answer) setImmediate(() => tell(answer));
  };
  socket.write = ((...args: unknown[]) => {
    seen(args[0]);
    return write(...args);
  }) as Duplex['write'];
  socket.end = ((...args: unknown[]) => {
    seen(args[0]);
    return end(...args);
  }) as Duplex['end'];
}
