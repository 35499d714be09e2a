// A watch (`?watch=true`): the list as it stands is the baseline, and every change the clock or a
// request brings is sent as ADDED, MODIFIED or DELETED, one JSON object a line, as kube-apiserver
// streams them.
import type { ServerResponse } from 'node:http';

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: unknown;
}

/** What a watched list holds now: each object by name, with a text to compare it by. */
export interface Snapshot {
  readonly byName: ReadonlyMap<string, { readonly key: string; readonly event: unknown; readonly uid?: string }>;
}

export function changes(before: Snapshot, after: Snapshot): WatchEvent[] {
  const events: WatchEvent[] = [];
  for (const [name, now] of after.byName) {
    const was = before.byName.get(name);
    if (!was) events.push({ type: 'ADDED', object: now.event });
    else if (was.uid !== now.uid) {
      // Deleted and made again under the same name (a static pod's mirror): two objects to the API.
      events.push({ type: 'DELETED', object: was.event }, { type: 'ADDED', object: now.event });
    } else if (was.key !== now.key) events.push({ type: 'MODIFIED', object: now.event });
  }
  for (const [name, was] of before.byName) if (!after.byName.has(name)) events.push({ type: 'DELETED', object: was.event });
  return events;
}

export interface Watcher {
  readonly response: ServerResponse;
  snapshot: Snapshot;
  readonly take: () => Snapshot;
  /** Watches with the same path, query and answer form see the same listing: it is taken once a tick for all of them. */
  readonly same: string;
  /** Bytes written but not yet taken by the client: a client that stops reading is dropped. */
  readonly limit: number;
}

export function send(watcher: Watcher, events: readonly WatchEvent[]): boolean {
  // A client that has not taken what earlier rounds sent is dropped; one round (the first one's
  // ADDED rows for every object, a thousand pods' worth of Tables being over a mebibyte) is always
  // sent whole, so the limit never cuts a listing short.
  if (watcher.response.writableLength > watcher.limit) return false;
  for (const event of events) watcher.response.write(`${JSON.stringify(event)}\n`);
  return true;
}
