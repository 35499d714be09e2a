// The cluster's node ports on the learner's own machine: a connection to 127.0.0.1:<nodePort>
// stands for one to a worker node's external IP, and it ends as the tracer says the cluster would
// end it (the page, a refusal, or silence until the client gives up).

import { appendAccessLog, isControlPlane, nodeAddress, serviceOnNodePort, type Cluster, type Node } from '../cluster/index.js';
import { trace } from '../trace/trace.js';

export type NodePortAnswer =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly reason: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
      readonly cluster: Cluster;
      readonly why: string;
    }
  | { readonly kind: 'refused'; readonly why: string }
  | { readonly kind: 'timeout'; readonly why: string };

/** The nodes in the order the loopback stands for them: the workers first (127.0.0.1, 127.0.0.2), then the control plane. */
export function loopbackNodes(cluster: Cluster): Node[] {
  return [...cluster.nodes.filter((n) => !isControlPlane(n)), ...cluster.nodes.filter((n) => isControlPlane(n))];
}

/** The loopback address that stands for the node at this index: 127.0.0.1, 127.0.0.2, ... */
export const loopbackAddress = (index: number): string => `127.0.0.${index + 1}`;

/** The node ports the cluster has open now, from every NodePort and LoadBalancer service. */
export function openNodePorts(cluster: Cluster): number[] {
  const ports = new Set<number>();
  for (const service of cluster.services) for (const port of service.spec.ports) if (port.nodePort !== undefined) ports.add(port.nodePort);
  return [...ports].sort((a, b) => a - b);
}

/**
 * What a connection to a node port gets. `userAgent` is the learner's client's: an answered request
 * is written to the pod's nginx access log with it, as a request from the sandbox's curl is.
 */
export function answerNodePort(cluster: Cluster, nodeIndex: number, port: number, method: string, path: string, userAgent?: string): NodePortAnswer {
  const node = loopbackNodes(cluster)[nodeIndex];
  const ip = node && nodeAddress(node, 'ExternalIP');
  if (!ip) return { kind: 'refused', why: 'no such worker node' };
  const traced = trace(cluster, { from: 'outside', ip, port, http: { method, path } });
  const { outcome } = traced.trace;
  if (outcome.kind === 'answered') {
    const r = outcome.response;
    let after = traced.cluster;
    if (userAgent !== undefined && outcome.server.kind === 'pod') {
      const entry = { remoteAddr: traced.trace.seenFrom ?? '-', method, path, status: r.status, bytes: Buffer.byteLength(r.body), userAgent: userAgent || '-' };
      const logged = appendAccessLog(after, outcome.server.pod.metadata.name, entry, outcome.server.pod.metadata.namespace);
      if (logged.ok) after = logged.cluster;
    }
    return { kind: 'answered', status: r.status, reason: r.reason, headers: r.headers, body: r.body, cluster: after, why: outcome.why };
  }
  const service = serviceOnNodePort(cluster, port)?.service.metadata.name;
  const why = service ? `${service}: ${outcome.why}` : outcome.why;
  return outcome.kind === 'refused' ? { kind: 'refused', why } : { kind: 'timeout', why };
}
