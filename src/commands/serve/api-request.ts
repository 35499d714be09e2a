// An HTTP request as the lab's API handler takes it: the path, the query, the two headers it reads
// and the body. An upgrade (exec, port-forward) has no body, and its `command` words, given once
// each, travel as one JSON list.
import type { IncomingMessage } from 'node:http';
import type { ApiRequest } from '../../core/api/request.js';

export function apiRequestOf(req: IncomingMessage, raw?: Buffer): ApiRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = new Map<string, string>();
  for (const [k, v] of url.searchParams) query.set(k, v);
  const command = url.searchParams.getAll('command');
  if (raw === undefined && command.length > 0) query.set('command', JSON.stringify(command));
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query,
    accept: String(req.headers.accept ?? ''),
    contentType: String(req.headers['content-type'] ?? ''),
    body: raw?.toString('utf8') ?? '',
    ...(raw ? { raw } : {}),
  };
}
