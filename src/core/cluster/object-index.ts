// Lookup tables over a cluster's pods, services and events: by name, by pod IP, by label,
// by node, by node port, by cluster IP, by involved object.
//
// The cluster is an immutable value and its object lists are never changed in place, so a
// table belongs to one list (a WeakMap keyed by the list itself) and cannot go stale: any
// code that puts a new list into a cluster gets new tables, each built when first used. To
// keep a long run of creates or deletes linear, the helpers at the end make the next list and
// hand the previous list's tables on to it with just that change applied (the previous list
// builds its own again if it is ever used). A table keeps each key's items in list order, so
// a lookup finds what a scan of the list would have found first.

import type { ClusterEvent, Labels, Pod, Service } from './types.js';

const NONE: readonly never[] = [];

/**
 * Key -> the items with that key, in list order. Most keys have one item, kept as itself
 * rather than in a list of one (items are objects, never arrays). A list handed out is only
 * good until the next change: callers copy what they keep.
 */
export class MultiMap<K, V extends object> {
  private readonly map = new Map<K, V | V[]>();

  get(key: K): readonly V[] {
    const entry = this.map.get(key);
    return entry === undefined ? NONE : Array.isArray(entry) ? entry : [entry];
  }

  first(key: K): V | undefined {
    const entry = this.map.get(key);
    return Array.isArray(entry) ? entry[0] : entry;
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  add(key: K, value: V): void {
    const entry = this.map.get(key);
    if (entry === undefined) this.map.set(key, value);
    else if (Array.isArray(entry)) entry.push(value);
    else this.map.set(key, [entry, value]);
  }

  remove(key: K, value: V): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    const rest = (Array.isArray(entry) ? entry : [entry]).filter((v) => v !== value);
    if (rest.length === 0) this.map.delete(key);
    else this.map.set(key, rest.length === 1 ? (rest[0] as V) : rest);
  }

  replace(key: K, before: V, after: V): void {
    const entry = this.map.get(key);
    if (entry === before) this.map.set(key, after);
    else if (Array.isArray(entry)) this.map.set(key, entry.map((v) => (v === before ? after : v)));
  }
}

type Change<T> = { readonly added: readonly T[] } | { readonly removed: T } | { readonly replaced: readonly T[]; readonly by: T };

/** One table: each item under each of its keys, for every list of one kind that has needed it. */
class Lookup<T extends object, K> {
  private readonly tables = new WeakMap<readonly T[], MultiMap<K, T>>();

  constructor(private readonly keysOf: (item: T) => readonly K[]) {}

  of(list: readonly T[]): MultiMap<K, T> {
    let table = this.tables.get(list);
    if (!table) {
      table = new MultiMap();
      for (const item of list) for (const key of this.keysOf(item)) table.add(key, item);
      this.tables.set(list, table);
    }
    return table;
  }

  /** Moves `from`'s table, if it has one, to `to` with the change applied; or drops it. */
  handOver(from: readonly T[], to: readonly T[], change: Change<T>): void {
    const table = this.tables.get(from);
    if (!table) return;
    this.tables.delete(from);
    if ('added' in change) {
      for (const item of change.added) for (const key of this.keysOf(item)) table.add(key, item);
    } else if ('removed' in change) {
      for (const key of this.keysOf(change.removed)) table.remove(key, change.removed);
    } else {
      // In place only when the object keeps its keys; else its position would be lost.
      const [before] = change.replaced;
      if (change.replaced.length !== 1 || !before) return;
      const keys = this.keysOf(before);
      const after = new Set(this.keysOf(change.by));
      if (keys.length !== after.size || keys.some((k) => !after.has(k))) return;
      for (const key of keys) table.replace(key, before, change.by);
    }
    this.tables.set(to, table);
  }
}

/** `key`=`value` as one string that no other pair makes. */
const labelKey = (key: string, value: string): string => `${key.length}:${key}=${value}`;
const labelKeys = (labels: Labels): string[] => Object.entries(labels).map(([k, v]) => labelKey(k, v));

// ---- pods ----

const podsByName = new Lookup<Pod, string>((p) => [p.metadata.name]);
const podsByIP = new Lookup<Pod, string>((p) => [p.status.podIP]);
const podsByNode = new Lookup<Pod, string>((p) => [p.spec.nodeName]);
const podsByLabel = new Lookup<Pod, string>((p) => labelKeys(p.metadata.labels));
const POD_LOOKUPS = [podsByName, podsByIP, podsByNode, podsByLabel];

export interface PodIndex {
  readonly byName: MultiMap<string, Pod>;
  readonly byIP: MultiMap<string, Pod>;
  readonly byNode: MultiMap<string, Pod>;
  /** Pods carrying the label `key`=`value`. */
  readonly byLabel: { get(key: string, value: string): readonly Pod[] };
}

/** The tables over a list of pods; each is built the first time it is read. */
export function podIndex(pods: readonly Pod[]): PodIndex {
  return {
    get byName() {
      return podsByName.of(pods);
    },
    get byIP() {
      return podsByIP.of(pods);
    },
    get byNode() {
      return podsByNode.of(pods);
    },
    byLabel: { get: (key, value) => podsByLabel.of(pods).get(labelKey(key, value)) },
  };
}

// ---- services ----

const holdsClusterIP = (s: Service): boolean => s.spec.clusterIP !== '' && s.spec.clusterIP !== 'None';

const servicesByName = new Lookup<Service, string>((s) => [s.metadata.name]);
/** Services holding a node port (of any type), once per distinct node port. */
const servicesByNodePort = new Lookup<Service, number>((s) => [...new Set(s.spec.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])))]);
/** Services holding a cluster IP (not '' and not None). */
const servicesByClusterIP = new Lookup<Service, string>((s) => (holdsClusterIP(s) ? [s.spec.clusterIP] : []));
const SERVICE_LOOKUPS = [servicesByName, servicesByNodePort, servicesByClusterIP];

export interface ServiceIndex {
  readonly byName: MultiMap<string, Service>;
  readonly byNodePort: MultiMap<number, Service>;
  readonly byClusterIP: MultiMap<string, Service>;
}

/** The tables over a list of services; each is built the first time it is read. */
export function serviceIndex(services: readonly Service[]): ServiceIndex {
  return {
    get byName() {
      return servicesByName.of(services);
    },
    get byNodePort() {
      return servicesByNodePort.of(services);
    },
    get byClusterIP() {
      return servicesByClusterIP.of(services);
    },
  };
}

// ---- events ----

const eventsByUid = new Lookup<ClusterEvent, string>((e) => [e.involvedUid]);
/** `Pulled` events by source (kubelet/NODE). */
const pulledBySource = new Lookup<ClusterEvent, string>((e) => (e.reason === 'Pulled' ? [e.source] : []));
const EVENT_LOOKUPS = [eventsByUid, pulledBySource];

export interface EventIndex {
  readonly byUid: MultiMap<string, ClusterEvent>;
  readonly pulledBySource: MultiMap<string, ClusterEvent>;
}

/** The tables over a list of events; each is built the first time it is read. */
export function eventIndex(events: readonly ClusterEvent[]): EventIndex {
  return {
    get byUid() {
      return eventsByUid.of(events);
    },
    get pulledBySource() {
      return pulledBySource.of(events);
    },
  };
}

// ---- the next list, with the tables handed on ----
// (concat, not spread: it copies a long list many times faster.)

function withChange<T extends object>(lookups: readonly Lookup<T, unknown>[], from: readonly T[], to: T[], change: Change<T>): T[] {
  for (const lookup of lookups) lookup.handOver(from, to, change);
  return to;
}

function replacing<T extends object>(lookups: readonly Lookup<T, unknown>[], list: readonly T[], match: (item: T) => boolean, updated: T): T[] {
  const replaced: T[] = [];
  const next = list.map((item) => {
    if (!match(item)) return item;
    replaced.push(item);
    return updated;
  });
  return withChange(lookups, list, next, { replaced, by: updated });
}

export const podsWith = (pods: readonly Pod[], pod: Pod): Pod[] => withChange(POD_LOOKUPS, pods, pods.concat([pod]), { added: [pod] });
export const podsWithout = (pods: readonly Pod[], pod: Pod): Pod[] => withChange(POD_LOOKUPS, pods, pods.filter((p) => p !== pod), { removed: pod });
/** The pods with every pod that `match`es replaced by `updated`. */
export const podsReplacing = (pods: readonly Pod[], match: (pod: Pod) => boolean, updated: Pod): Pod[] => replacing(POD_LOOKUPS, pods, match, updated);

export const servicesWith = (services: readonly Service[], service: Service): Service[] =>
  withChange(SERVICE_LOOKUPS, services, services.concat([service]), { added: [service] });
export const servicesWithout = (services: readonly Service[], service: Service): Service[] =>
  withChange(SERVICE_LOOKUPS, services, services.filter((s) => s !== service), { removed: service });
export const servicesReplacing = (services: readonly Service[], match: (service: Service) => boolean, updated: Service): Service[] =>
  replacing(SERVICE_LOOKUPS, services, match, updated);

export const eventsWith = (events: readonly ClusterEvent[], added: readonly ClusterEvent[]): ClusterEvent[] =>
  withChange(EVENT_LOOKUPS, events, events.concat(added), { added });
