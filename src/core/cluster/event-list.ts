// Events as API objects (`kubectl get events`): each recorded event named as the recorder names
// it, `OBJECT.<the time in nanoseconds, in hex>`.

import type { Cluster, ClusterEvent } from './types.js';

export interface EventObject {
  readonly kind: 'Event';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly creationTimestamp: number;
    readonly labels: Readonly<Record<string, string>>;
  };
  readonly event: ClusterEvent;
}

export function eventName(event: ClusterEvent): string {
  return `${event.involved.name}.${(BigInt(Math.trunc(event.at)) * 1_000_000n).toString(16)}`;
}

/** Events that have happened by now, by name (the API's list order). */
export function listEventObjects(cluster: Cluster): EventObject[] {
  const out: EventObject[] = [];
  const seen = new Set<string>();
  for (const event of cluster.events) {
    if (event.at > cluster.now) continue;
    let name = eventName(event);
    while (seen.has(name)) name += '0';
    seen.add(name);
    out.push({ kind: 'Event', metadata: { name, namespace: event.involved.namespace ?? 'default', creationTimestamp: event.at, labels: {} }, event });
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}
