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

import { sameLabels } from './same-value.js';
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
    else if (Array.isArray(entry))
      this.map.set(
        key,
        entry.map((v) => (v === before ? after : v)),
      );
  }
}

/** Items filed under their labels: `key` -> `value` -> items, in list order. */
export class LabelMap<V extends object> {
  private readonly byKey = new Map<string, MultiMap<string, V>>();

  get(key: string, value: string): readonly V[] {
    return this.byKey.get(key)?.get(value) ?? NONE;
  }

  add(labels: Labels, item: V): void {
    for (const [key, value] of Object.entries(labels)) {
      let values = this.byKey.get(key);
      if (!values) this.byKey.set(key, (values = new MultiMap()));
      values.add(value, item);
    }
  }

  remove(labels: Labels, item: V): void {
    for (const [key, value] of Object.entries(labels)) this.byKey.get(key)?.remove(value, item);
  }

  replace(labels: Labels, before: V, after: V): void {
    for (const [key, value] of Object.entries(labels)) this.byKey.get(key)?.replace(value, before, after);
  }
}

/** How one kind of table files an item. */
interface Filing<T, Table> {
  make(): Table;
  add(table: Table, item: T): void;
  remove(table: Table, item: T): void;
  /** Puts `after` where `before` is, if it files under the same keys; false if it does not. */
  replace(table: Table, before: T, after: T): boolean;
}

/** Filed under each of `keysOf(item)`. */
function byKeys<T extends object, K>(keysOf: (item: T) => readonly K[]): Filing<T, MultiMap<K, T>> {
  return {
    make: () => new MultiMap(),
    add: (table, item) => {
      for (const key of keysOf(item)) table.add(key, item);
    },
    remove: (table, item) => {
      for (const key of keysOf(item)) table.remove(key, item);
    },
    replace: (table, before, after) => {
      const keys = keysOf(before);
      const keysAfter = new Set(keysOf(after));
      if (keys.length !== keysAfter.size || keys.some((k) => !keysAfter.has(k))) return false;
      for (const key of keys) table.replace(key, before, after);
      return true;
    },
  };
}

/** Filed under each of its labels. */
function byLabels<T extends object>(labelsOf: (item: T) => Labels): Filing<T, LabelMap<T>> {
  return {
    make: () => new LabelMap(),
    add: (table, item) => table.add(labelsOf(item), item),
    remove: (table, item) => table.remove(labelsOf(item), item),
    replace: (table, before, after) => {
      if (!sameLabels(labelsOf(before), labelsOf(after))) return false;
      table.replace(labelsOf(before), before, after);
      return true;
    },
  };
}

type Change<T> = { readonly added: readonly T[] } | { readonly removed: T } | { readonly replaced: readonly T[]; readonly by: T };

interface HandsOn<T> {
  handOver(from: readonly T[], to: readonly T[], change: Change<T>): void;
}

/** One kind of table, for every list of one kind that has needed it. */
class Lookup<T extends object, Table> implements HandsOn<T> {
  private readonly tables = new WeakMap<readonly T[], Table>();

  constructor(private readonly filing: Filing<T, Table>) {}

  of(list: readonly T[]): Table {
    let table = this.tables.get(list);
    if (!table) {
      table = this.filing.make();
      for (const item of list) this.filing.add(table, item);
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
      for (const item of change.added) this.filing.add(table, item);
    } else if ('removed' in change) {
      this.filing.remove(table, change.removed);
    } else {
      // In place only when the object keeps its keys: else its place in list order would be lost.
      const [before] = change.replaced;
      if (change.replaced.length !== 1 || !before || !this.filing.replace(table, before, change.by)) return;
    }
    this.tables.set(to, table);
  }
}

// ---- pods ----

/** Where a namespaced object is filed by name: `namespace/name`. */
export const qualifiedName = (namespace: string, name: string): string => `${namespace}/${name}`;

const podsByName = new Lookup(byKeys((p: Pod) => [qualifiedName(p.metadata.namespace, p.metadata.name)]));
/** By pod IP; a hostNetwork pod shares its node's address and answers as the node, so it is not filed. */
const podsByIP = new Lookup(byKeys((p: Pod) => (p.spec.hostNetwork || p.status.podIP === undefined ? [] : [p.status.podIP])));
/** Pods bound to a node, by its name (a pod waiting for the scheduler is under none). */
const podsByNode = new Lookup(byKeys((p: Pod) => (p.spec.nodeName === undefined ? [] : [p.spec.nodeName])));
const podsByLabel = new Lookup(byLabels((p: Pod) => p.metadata.labels));
const POD_LOOKUPS: readonly HandsOn<Pod>[] = [podsByName, podsByIP, podsByNode, podsByLabel];

export interface PodIndex {
  /** By `namespace/name` (qualifiedName). */
  readonly byName: MultiMap<string, Pod>;
  readonly byIP: MultiMap<string, Pod>;
  readonly byNode: MultiMap<string, Pod>;
  readonly byLabel: LabelMap<Pod>;
}

class PodTables implements PodIndex {
  constructor(private readonly pods: readonly Pod[]) {}
  get byName(): MultiMap<string, Pod> {
    return podsByName.of(this.pods);
  }
  get byIP(): MultiMap<string, Pod> {
    return podsByIP.of(this.pods);
  }
  get byNode(): MultiMap<string, Pod> {
    return podsByNode.of(this.pods);
  }
  get byLabel(): LabelMap<Pod> {
    return podsByLabel.of(this.pods);
  }
}

/** The tables over a list of pods; each is built the first time it is read. */
export const podIndex = (pods: readonly Pod[]): PodIndex => new PodTables(pods);

// ---- services ----

const holdsClusterIP = (s: Service): boolean => s.spec.clusterIP !== '' && s.spec.clusterIP !== 'None';
const nodePortsOf = (s: Service): number[] => [...new Set(s.spec.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])))];

const servicesByName = new Lookup(byKeys((s: Service) => [qualifiedName(s.metadata.namespace, s.metadata.name)]));
/** Services holding a node port (of any type), once per distinct node port. */
const servicesByNodePort = new Lookup(byKeys(nodePortsOf));
/** Services holding a cluster IP (not '' and not None). */
const servicesByClusterIP = new Lookup(byKeys((s: Service) => (holdsClusterIP(s) ? [s.spec.clusterIP] : [])));
const SERVICE_LOOKUPS: readonly HandsOn<Service>[] = [servicesByName, servicesByNodePort, servicesByClusterIP];

export interface ServiceIndex {
  /** By `namespace/name` (qualifiedName). */
  readonly byName: MultiMap<string, Service>;
  readonly byNodePort: MultiMap<number, Service>;
  readonly byClusterIP: MultiMap<string, Service>;
}

class ServiceTables implements ServiceIndex {
  constructor(private readonly services: readonly Service[]) {}
  get byName(): MultiMap<string, Service> {
    return servicesByName.of(this.services);
  }
  get byNodePort(): MultiMap<number, Service> {
    return servicesByNodePort.of(this.services);
  }
  get byClusterIP(): MultiMap<string, Service> {
    return servicesByClusterIP.of(this.services);
  }
}

/** The tables over a list of services; each is built the first time it is read. */
export const serviceIndex = (services: readonly Service[]): ServiceIndex => new ServiceTables(services);

// ---- events ----

const eventsByUid = new Lookup(byKeys((e: ClusterEvent) => [e.involvedUid]));
/** `Pulled` events by source (kubelet/NODE). */
const pulledBySource = new Lookup(byKeys((e: ClusterEvent) => (e.reason === 'Pulled' ? [e.source] : [])));
const EVENT_LOOKUPS: readonly HandsOn<ClusterEvent>[] = [eventsByUid, pulledBySource];

export interface EventIndex {
  readonly byUid: MultiMap<string, ClusterEvent>;
  readonly pulledBySource: MultiMap<string, ClusterEvent>;
}

class EventTables implements EventIndex {
  constructor(private readonly events: readonly ClusterEvent[]) {}
  get byUid(): MultiMap<string, ClusterEvent> {
    return eventsByUid.of(this.events);
  }
  get pulledBySource(): MultiMap<string, ClusterEvent> {
    return pulledBySource.of(this.events);
  }
}

/** The tables over a list of events; each is built the first time it is read. */
export const eventIndex = (events: readonly ClusterEvent[]): EventIndex => new EventTables(events);

// ---- the next list, with the tables handed on ----
// (concat, not spread: it copies a long list many times faster.)
//
// One command that makes many changes in a row (apply -f of a long file) would copy a whole
// list per change. Inside `inOneRun`, a list this module made during the run belongs to the
// run: nothing outside it has seen that list, so the next change is made to it in place
// instead of to a copy, and a file's documents go into each list after one copy. The caller
// keeps only the newest cluster of the run (an older one shares the grown list).

let runLists: WeakSet<readonly unknown[]> | undefined;

/** Runs `work` with the lists it makes growable in place (see above); the run ends with it. */
export function inOneRun<R>(run: ListRun, work: () => R): R {
  const outer = runLists;
  runLists = run.lists;
  try {
    return work();
  } finally {
    runLists = outer;
  }
}

/** The lists one command has made; pass the same run to each `inOneRun` of that command. */
export interface ListRun {
  readonly lists: WeakSet<readonly unknown[]>;
}

export const newListRun = (): ListRun => ({ lists: new WeakSet() });

/** The list to change: `list` itself when the run owns it, else `copy()`, which the run then owns. */
function ownList<T>(list: readonly T[], copy: () => T[]): { next: T[]; inPlace: boolean } {
  if (runLists?.has(list)) return { next: list as T[], inPlace: true };
  const next = copy();
  runLists?.add(next);
  return { next, inPlace: false };
}

function withChange<T>(lookups: readonly HandsOn<T>[], from: readonly T[], to: T[], change: Change<T>): T[] {
  for (const lookup of lookups) lookup.handOver(from, to, change);
  return to;
}

function appending<T>(lookups: readonly HandsOn<T>[], list: readonly T[], added: readonly T[]): T[] {
  const { next, inPlace } = ownList(list, () => list.concat(added));
  if (inPlace) for (const item of added) next.push(item);
  return withChange(lookups, list, next, { added });
}

function replacing<T>(lookups: readonly HandsOn<T>[], list: readonly T[], match: (item: T) => boolean, updated: T): T[] {
  const replaced: T[] = [];
  const { next, inPlace } = ownList(list, () =>
    list.map((item) => {
      if (!match(item)) return item;
      replaced.push(item);
      return updated;
    }),
  );
  if (inPlace) {
    for (let i = 0; i < next.length; i++) {
      const item = next[i] as T;
      if (!match(item)) continue;
      replaced.push(item);
      next[i] = updated;
    }
  }
  return withChange(lookups, list, next, { replaced, by: updated });
}

export const podsWith = (pods: readonly Pod[], pod: Pod): Pod[] => appending(POD_LOOKUPS, pods, [pod]);
export const podsWithout = (pods: readonly Pod[], pod: Pod): Pod[] =>
  withChange(
    POD_LOOKUPS,
    pods,
    pods.filter((p) => p !== pod),
    { removed: pod },
  );
/** The pods with every pod that `match`es replaced by `updated`. */
export const podsReplacing = (pods: readonly Pod[], match: (pod: Pod) => boolean, updated: Pod): Pod[] => replacing(POD_LOOKUPS, pods, match, updated);

export const servicesWith = (services: readonly Service[], service: Service): Service[] => appending(SERVICE_LOOKUPS, services, [service]);
export const servicesWithout = (services: readonly Service[], service: Service): Service[] =>
  withChange(
    SERVICE_LOOKUPS,
    services,
    services.filter((s) => s !== service),
    { removed: service },
  );
export const servicesReplacing = (services: readonly Service[], match: (service: Service) => boolean, updated: Service): Service[] =>
  replacing(SERVICE_LOOKUPS, services, match, updated);

export const eventsWith = (events: readonly ClusterEvent[], added: readonly ClusterEvent[]): ClusterEvent[] => appending(EVENT_LOOKUPS, events, added);
