// How a traced connection ends, with the hop that decided it and why, in one sentence.

import type { HttpResponse } from '../cluster/index.js';
import type { Outcome, RefusedReason, Server, TimeoutReason } from './types.js';

export function answered(server: Server, response: HttpResponse, seenFrom: string): Outcome {
  const who =
    server.kind === 'pod'
      ? `container ${server.container} in pod/${server.pod.metadata.name} accepted the connection`
      : `${server.process} on ${server.node.metadata.name} accepted the connection`;
  return { kind: 'answered', server, response, why: `${who}; it saw it come from ${seenFrom}` };
}

export const refused = (reason: RefusedReason, hop: number, why: string): Outcome => ({ kind: 'refused', reason, hop, why });
export const timedOut = (reason: TimeoutReason, hop: number, why: string): Outcome => ({ kind: 'timeout', reason, hop, why });
