// A trace as plain text for the sandbox: one block per hop (where, the packet in and out, what
// decided it, the rule that matched), the way back, and the outcome. No colour, no box drawing.

import { formatAddress, formatPacket } from './nat.js';
import type { Decision, EndpointChoice, Hop, Outcome, Trace, TraceRequest } from './types.js';
import { CLIENT_IP } from './types.js';
import { append } from '../append.js';

const LABEL = 8;
const line = (label: string, text: string): string => `      ${label.padEnd(LABEL)}${text}`;

const endpointText = (e: EndpointChoice): string => `${e.ip}:${e.port}${e.pod ? ` (pod/${e.pod} on ${e.node})` : ` (${e.node})`}`;

export function describeDecision(d: Decision): string {
  switch (d.by) {
    case 'nodePort':
      return `nodePort ${d.nodePort} of ${d.service}`;
    case 'port':
      return `port ${d.port} of ${d.service}, on its cluster IP ${d.clusterIP}`;
    case 'targetPort':
      return typeof d.targetPort === 'number'
        ? `targetPort ${d.targetPort} of ${d.service} (its port is ${d.port})`
        : `targetPort "${d.targetPort}" of ${d.service}: the pod's port named so, ${d.resolved}`;
    case 'containerPort': {
      const declared = d.declared.length
        ? `containerPort ${[...new Set(d.declared)].join(', ')} declared in pod/${d.pod}`
        : `no containerPort declared in pod/${d.pod} (it only documents)`;
      const listening = d.listening.length ? `its containers listen on ${[...new Set(d.listening)].join(', ')}` : 'nothing in it listens on any port';
      return `${declared}; ${listening}`;
    }
    case 'selector':
      return d.selector && Object.keys(d.selector).length
        ? `selector ${Object.entries(d.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')} of ${d.service}`
        : `${d.service} has no selector`;
    case 'endpoint': {
      const chosen = d.endpoints[d.chosen];
      const all = d.endpoints
        .slice(0, 3)
        .map((e) => `${e.ip}:${e.port}`)
        .join(', ');
      const more = d.endpoints.length > 3 ? ` + ${d.endpoints.length - 3} more` : '';
      const which = d.local ? 'local endpoints' : 'endpoints';
      const drawn =
        !d.draws || d.draws.length === 0
          ? ''
          : d.chosen < d.endpoints.length - 1
            ? `; rule ${d.chosen + 1}'s random draw matched`
            : '; every random draw missed, so the last rule took it';
      return `endpoint ${chosen ? endpointText(chosen) : '?'}, ${d.chosen + 1} of ${d.endpoints.length} ${which} (${all}${more})${drawn}`;
    }
    case 'externalTrafficPolicy':
      return `externalTrafficPolicy ${d.policy} of ${d.service}`;
    case 'firewall':
      return `firewall: port ${d.port} ${d.allowed ? 'allowed' : 'not allowed'} in from outside`;
    case 'load-balancer':
      return `load balancer targets ${d.nodes.join(', ')}; it chose ${d.chosen}, on nodePort ${d.nodePort}`;
    case 'address':
      return d.text;
  }
}

function formatHop(hop: Hop, n: number): string[] {
  const out = [`${String(n).padStart(2)}. ${hop.where}`];
  const same = hop.out !== undefined && formatPacket(hop.out) === formatPacket(hop.in);
  if (same || hop.out === undefined) out.push(line('packet', formatPacket(hop.in)));
  else out.push(line('in', formatPacket(hop.in)), line('out', `${formatPacket(hop.out)}${hop.nat ? `  (${hop.nat})` : ''}`));
  for (const d of hop.decided) out.push(line('by', describeDecision(d)));
  for (const r of hop.rules) out.push(line(`rule`, `[${r.table}] ${r.text}`));
  if (hop.note) out.push(line('note', hop.note));
  return out;
}

function describeRequest(request: TraceRequest): string {
  switch (request.from) {
    case 'outside':
      return `from your laptop (${CLIENT_IP}) to ${formatAddress({ ip: request.ip, port: request.port })}`;
    case 'pod':
      return `from pod/${request.pod} to ${formatAddress({ ip: request.ip, port: request.port })}`;
    case 'load-balancer':
      return `from your laptop (${CLIENT_IP}) through the load balancer of service ${request.service}${request.port !== undefined ? ` on port ${request.port}` : ''}`;
  }
}

export function describeOutcome(outcome: Outcome, hops: readonly Hop[]): string {
  switch (outcome.kind) {
    case 'answered':
      if (outcome.server.kind === 'node' && outcome.server.listener.speaks === 'ssh') return `answered by sshd, which speaks SSH, not HTTP: ${outcome.why}.`;
      if (outcome.server.kind === 'node') {
        return `answered by ${outcome.server.process}, which speaks TLS only (plain http:// gets HTTP/1.0 400 Bad Request, https:// its certificate): ${outcome.why}.`;
      }
      return `answered, HTTP/${outcome.response.version ?? '1.1'} ${outcome.response.status} ${outcome.response.reason}: ${outcome.why}.`;
    case 'refused':
      return `connection refused at hop ${outcome.hop + 1} (${hops[outcome.hop]?.where ?? '?'}): ${outcome.why}.`;
    case 'timeout':
      return `timed out at hop ${outcome.hop + 1} (${hops[outcome.hop]?.where ?? '?'}): ${outcome.why}.`;
  }
}

/** The trace as the sandbox's `trace` command prints it. */
export function formatTrace(trace: Trace): string {
  const out = [`Trace ${describeRequest(trace.request)}.`, 'Nothing is sent: this is the path the next connection would take.', ''];
  trace.hops.forEach((hop, i) => append(out, formatHop(hop, i + 1)));
  if (trace.reply.length) {
    out.push('', 'The way back:');
    trace.reply.forEach((hop, i) => append(out, formatHop(hop, i + 1)));
  }
  out.push('', `Outcome: ${describeOutcome(trace.outcome, trace.hops)}`);
  return `${out.join('\n')}\n`;
}
