// Events as API objects (`kubectl get events`): identical events from one source counted into one
// object, as client-go's recorder does (the same grouping `describe` shows as `(xN over ...)`), each
// named as the recorder names it, `OBJECT.<the first time in nanoseconds, in hex>`.

import { aggregateEvents } from './events.js';
import type { Cluster, ClusterEvent } from './types.js';

export interface EventObject {
  readonly kind: 'Event';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly creationTimestamp: number;
    readonly labels: Readonly<Record<string, string>>;
  };
  /** The first of the identical events; `count` of them, the first at `firstAt`, the last at `lastAt`. */
  readonly event: ClusterEvent;
  readonly count: number;
  readonly firstAt: number;
  readonly lastAt: number;
  /** The part of the object the event is about: the kubelet names the container (`spec.containers{nginx}`). */
  readonly fieldPath?: string;
}

/** The kubelet's events about one container rather than the pod (pkg/kubelet/container/ref.go, GenerateContainerRef). */
const CONTAINER_REASONS = new Set(['Pulling', 'Pulled', 'Failed', 'BackOff', 'Created', 'Started', 'Killing']);

/**
 * The recorder's name for an Event (client-go tools/record/event.go, makeEvent:
 * `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`). The simulator's clock counts milliseconds; a
 * real clock never gives two events the same nanosecond, so the `n`th event of one object in the
 * same millisecond is `n` nanoseconds later.
 */
export function eventName(event: ClusterEvent, n = 0): string {
  return `${event.involved.name}.${(BigInt(Math.trunc(event.at)) * 1_000_000n + BigInt(n)).toString(16)}`;
}

/** Events that have happened by now, by name (the API's list order). */
export function listEventObjects(cluster: Cluster): EventObject[] {
  const out: EventObject[] = [];
  const seen = new Set<string>();
  const happened = cluster.events.filter((event) => event.at <= cluster.now);
  const containerOf = new Map(cluster.pods.map((pod) => [pod.metadata.uid, pod.spec.containers[0]?.name]));
  for (const { event, count, firstAt, lastAt } of aggregateEvents(happened)) {
    const container =
      event.source.startsWith('kubelet') && CONTAINER_REASONS.has(event.reason) ? (event.container ?? containerOf.get(event.involvedUid)) : undefined;
    let n = 0;
    let name = eventName(event);
    while (seen.has(name)) name = eventName(event, ++n);
    seen.add(name);
    out.push({
      kind: 'Event',
      metadata: { name, namespace: event.involved.namespace ?? 'default', creationTimestamp: firstAt, labels: {} },
      event,
      count,
      firstAt,
      lastAt,
      ...(container === undefined ? {} : { fieldPath: `spec.containers{${container}}` }),
    });
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}
