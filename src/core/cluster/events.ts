// Events the control plane and kubelets record, shown by `kubectl describe`.

import { eventIndex, eventsWith } from './object-index.js';
import type { Cluster, ClusterEvent } from './types.js';

export function recordEvents(cluster: Cluster, events: readonly ClusterEvent[]): Cluster {
  return events.length === 0 ? cluster : { ...cluster, events: eventsWith(cluster.events, events) };
}

/** Events about one object (by uid) that have happened by `now`, oldest first. */
export function eventsFor(cluster: Cluster, uid: string): ClusterEvent[] {
  return eventIndex(cluster.events)
    .byUid.get(uid)
    .filter((e) => e.at <= cluster.now)
    .sort((a, b) => a.at - b.at);
}

/** One Event object as the API stores it: identical events from one source, counted. */
export interface AggregatedEvent {
  readonly event: ClusterEvent;
  readonly count: number;
  readonly firstAt: number;
  readonly lastAt: number;
}

/** The recorder's spam filter: 25 events per source, object, reason and message, then one per 5 minutes. */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/**
 * What client-go's event recorder makes of a run of events (tools/record/events_cache.go):
 * identical ones (same object, source, type, reason, message) become one Event with a count and
 * first/last timestamps; the spam filter drops a burst past 25. Sorted by last timestamp, as
 * `kubectl describe` lists them.
 */
export function aggregateEvents(events: readonly ClusterEvent[]): AggregatedEvent[] {
  const groups = new Map<string, { event: ClusterEvent; count: number; firstAt: number; lastAt: number; tokens: number; refilledAt: number }>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    const key = [e.involvedUid, e.source, e.type, e.reason, e.message].join('\u0000');
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { event: e, count: 1, firstAt: e.at, lastAt: e.at, tokens: SPAM_BURST - 1, refilledAt: e.at });
      continue;
    }
    const refill = Math.floor((e.at - group.refilledAt) / SPAM_REFILL_MS);
    if (refill > 0) {
      group.tokens = Math.min(SPAM_BURST, group.tokens + refill);
      group.refilledAt += refill * SPAM_REFILL_MS;
    }
    if (group.tokens <= 0) continue;
    group.tokens--;
    group.count++;
    group.lastAt = e.at;
  }
  return [...groups.values()].map((g) => ({ event: g.event, count: g.count, firstAt: g.firstAt, lastAt: g.lastAt })).sort((a, b) => a.lastAt - b.lastAt);
}
