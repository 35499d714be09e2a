// Events the control plane and kubelets record, shown by `kubectl describe`.

import { eventIndex, eventsWith } from './object-index.js';
import type { Cluster, ClusterEvent } from './types.js';

export function recordEvents(cluster: Cluster, events: readonly ClusterEvent[]): Cluster {
  return events.length === 0 ? cluster : { ...cluster, events: eventsWith(cluster.events, events) };
}

/** Events about one object (by uid) that have happened by `now`, oldest first. */
export function eventsFor(cluster: Cluster, uid: string): ClusterEvent[] {
  return eventIndex(cluster.events).byUid.get(uid).filter((e) => e.at <= cluster.now).sort((a, b) => a.at - b.at);
}
