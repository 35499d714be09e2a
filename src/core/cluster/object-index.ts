// Lookup tables over a cluster's pods, services and events: by name, by pod IP, by label,
// by node, by node port, by cluster IP, by involved object.
//
// The cluster is an immutable value and its object lists are never changed in place, so an
// index belongs to one array (a WeakMap keyed by the array itself) and cannot go stale: any
// code that puts a new array into a cluster gets a new index, built on first use. To keep a
// long run of creates or deletes linear, the helpers below make the next array and hand the
// previous array's index over to it with just that change applied (the previous array then
// builds its own again if it is ever used). Every list in an index keeps the array's order,
// so a lookup returns what a scan of the array would have found first.

import type { ClusterEvent, Labels, Pod, Service } from './types.js';

/**
 * Key -> the items with that key, in array order. Most keys have one item, kept as itself
 * rather than in a list of one (items are objects, never arrays). A list handed out is only
 * good until the next change: callers copy what they keep.
 */
class MultiMap<K, V extends object> {
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

const NONE: readonly never[] = [];

/** One entry per own label, `key` -> `value` -> items. */
class LabelMap<V extends object> {
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

function sameLabels(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}

// ---- pods ----

export interface PodIndex {
  readonly byName: MultiMap<string, Pod>;
  readonly byIP: MultiMap<string, Pod>;
  readonly byNode: MultiMap<string, Pod>;
  readonly byLabel: LabelMap<Pod>;
}

const podIndexes = new WeakMap<readonly Pod[], PodIndex>();

function addPod(index: PodIndex, pod: Pod): void {
  index.byName.add(pod.metadata.name, pod);
  index.byIP.add(pod.status.podIP, pod);
  index.byNode.add(pod.spec.nodeName, pod);
  index.byLabel.add(pod.metadata.labels, pod);
}

function removePod(index: PodIndex, pod: Pod): void {
  index.byName.remove(pod.metadata.name, pod);
  index.byIP.remove(pod.status.podIP, pod);
  index.byNode.remove(pod.spec.nodeName, pod);
  index.byLabel.remove(pod.metadata.labels, pod);
}

/** Replaces a pod in place, if nothing it is indexed by has changed. */
function replacePodIn(index: PodIndex, before: Pod, after: Pod): boolean {
  if (
    before.metadata.name !== after.metadata.name ||
    before.status.podIP !== after.status.podIP ||
    before.spec.nodeName !== after.spec.nodeName ||
    !sameLabels(before.metadata.labels, after.metadata.labels)
  ) {
    return false;
  }
  index.byName.replace(before.metadata.name, before, after);
  index.byIP.replace(before.status.podIP, before, after);
  index.byNode.replace(before.spec.nodeName, before, after);
  index.byLabel.replace(before.metadata.labels, before, after);
  return true;
}

export function podIndex(pods: readonly Pod[]): PodIndex {
  let index = podIndexes.get(pods);
  if (!index) {
    index = { byName: new MultiMap(), byIP: new MultiMap(), byNode: new MultiMap(), byLabel: new LabelMap() };
    for (const pod of pods) addPod(index, pod);
    podIndexes.set(pods, index);
  }
  return index;
}

// ---- services ----

export interface ServiceIndex {
  readonly byName: MultiMap<string, Service>;
  /** Services holding a node port (of any type), once per distinct node port. */
  readonly byNodePort: MultiMap<number, Service>;
  /** Services holding a cluster IP (not '' and not None). */
  readonly byClusterIP: MultiMap<string, Service>;
}

const serviceIndexes = new WeakMap<readonly Service[], ServiceIndex>();

function nodePortsOf(service: Service): Set<number> {
  const ports = new Set<number>();
  for (const p of service.spec.ports) if (p.nodePort !== undefined) ports.add(p.nodePort);
  return ports;
}

const holdsClusterIP = (service: Service): boolean => service.spec.clusterIP !== '' && service.spec.clusterIP !== 'None';

function addService(index: ServiceIndex, service: Service): void {
  index.byName.add(service.metadata.name, service);
  for (const port of nodePortsOf(service)) index.byNodePort.add(port, service);
  if (holdsClusterIP(service)) index.byClusterIP.add(service.spec.clusterIP, service);
}

function removeService(index: ServiceIndex, service: Service): void {
  index.byName.remove(service.metadata.name, service);
  for (const port of nodePortsOf(service)) index.byNodePort.remove(port, service);
  if (holdsClusterIP(service)) index.byClusterIP.remove(service.spec.clusterIP, service);
}

function replaceServiceIn(index: ServiceIndex, before: Service, after: Service): boolean {
  const ports = nodePortsOf(before);
  const portsAfter = nodePortsOf(after);
  if (
    before.metadata.name !== after.metadata.name ||
    before.spec.clusterIP !== after.spec.clusterIP ||
    ports.size !== portsAfter.size ||
    [...ports].some((p) => !portsAfter.has(p))
  ) {
    return false;
  }
  index.byName.replace(before.metadata.name, before, after);
  for (const port of ports) index.byNodePort.replace(port, before, after);
  if (holdsClusterIP(before)) index.byClusterIP.replace(before.spec.clusterIP, before, after);
  return true;
}

export function serviceIndex(services: readonly Service[]): ServiceIndex {
  let index = serviceIndexes.get(services);
  if (!index) {
    index = { byName: new MultiMap(), byNodePort: new MultiMap(), byClusterIP: new MultiMap() };
    for (const service of services) addService(index, service);
    serviceIndexes.set(services, index);
  }
  return index;
}

// ---- events ----

export interface EventIndex {
  readonly byUid: MultiMap<string, ClusterEvent>;
  /** `Pulled` events by source (kubelet/NODE). */
  readonly pulledBySource: MultiMap<string, ClusterEvent>;
}

const eventIndexes = new WeakMap<readonly ClusterEvent[], EventIndex>();

function addEvent(index: EventIndex, event: ClusterEvent): void {
  index.byUid.add(event.involvedUid, event);
  if (event.reason === 'Pulled') index.pulledBySource.add(event.source, event);
}

export function eventIndex(events: readonly ClusterEvent[]): EventIndex {
  let index = eventIndexes.get(events);
  if (!index) {
    index = { byUid: new MultiMap(), pulledBySource: new MultiMap() };
    for (const event of events) addEvent(index, event);
    eventIndexes.set(events, index);
  }
  return index;
}

// ---- the next array, with the index handed over ----
// (concat, not spread: it copies a long array many times faster.)

function handOver<T, I>(indexes: WeakMap<readonly T[], I>, from: readonly T[], to: readonly T[], change: (index: I) => boolean): void {
  const index = indexes.get(from);
  if (!index) return;
  indexes.delete(from);
  if (change(index)) indexes.set(to, index);
}

function replaced<T>(list: readonly T[], match: (item: T) => boolean, updated: T): { next: T[]; before: T[] } {
  const before: T[] = [];
  const next = list.map((item) => {
    if (!match(item)) return item;
    before.push(item);
    return updated;
  });
  return { next, before };
}

export function podsWith(pods: readonly Pod[], pod: Pod): Pod[] {
  const next = pods.concat([pod]);
  handOver(podIndexes, pods, next, (index) => (addPod(index, pod), true));
  return next;
}

export function podsWithout(pods: readonly Pod[], pod: Pod): Pod[] {
  const next = pods.filter((p) => p !== pod);
  handOver(podIndexes, pods, next, (index) => (removePod(index, pod), true));
  return next;
}

/** The pods with every pod that `match`es replaced by `updated`. */
export function podsReplacing(pods: readonly Pod[], match: (pod: Pod) => boolean, updated: Pod): Pod[] {
  const { next, before } = replaced(pods, match, updated);
  handOver(podIndexes, pods, next, (index) => before.length === 1 && replacePodIn(index, before[0] as Pod, updated));
  return next;
}

export function servicesWith(services: readonly Service[], service: Service): Service[] {
  const next = services.concat([service]);
  handOver(serviceIndexes, services, next, (index) => (addService(index, service), true));
  return next;
}

export function servicesWithout(services: readonly Service[], service: Service): Service[] {
  const next = services.filter((s) => s !== service);
  handOver(serviceIndexes, services, next, (index) => (removeService(index, service), true));
  return next;
}

export function servicesReplacing(services: readonly Service[], match: (service: Service) => boolean, updated: Service): Service[] {
  const { next, before } = replaced(services, match, updated);
  handOver(serviceIndexes, services, next, (index) => before.length === 1 && replaceServiceIn(index, before[0] as Service, updated));
  return next;
}

export function eventsWith(events: readonly ClusterEvent[], added: readonly ClusterEvent[]): ClusterEvent[] {
  const next = events.concat(added);
  handOver(eventIndexes, events, next, (index) => {
    for (const event of added) addEvent(index, event);
    return true;
  });
  return next;
}
