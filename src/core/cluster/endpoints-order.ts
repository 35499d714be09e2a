// How the endpoints controller packs and orders an Endpoints object's subsets
// (pkg/controller/endpoint/endpoints_controller.go syncService, then RepackSubsets and
// SortSubsets in pkg/api/v1/endpoints/util.go). The controller makes one subset per pod and
// service port; RepackSubsets gathers, for each port, the addresses that offer it (an address
// not ready for one port is not ready for all), then puts into one subset the ports that have
// exactly the same addresses, each as ready or not. SortSubsets orders each subset's addresses by
// IP (as bytes), then by the pod's UID; its ports, and then the subsets themselves, by the md5 of
// their go-spew dump (endpoint-spew.ts): an order of no meaning, but the one a real cluster shows.

import { md5 } from '../digest.js';
import { spewPort, spewSubset } from './endpoint-spew.js';
import type { EndpointAddress, EndpointPort, EndpointSubset } from './types.js';

/** One pod's address for one service port, as the controller's per-pod subsets hold it. */
export interface PortAddress {
  readonly port: EndpointPort;
  readonly address: EndpointAddress;
  readonly ready: boolean;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** LessEndpointAddress: the IP's bytes, then the target's UID (an address with no target first). */
export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  return compare(a.ip, b.ip) || compare(a.podName === '' ? '' : a.podUid, b.podName === '' ? '' : b.podUid);
}

/** bytes.Compare of two md5 sums, as hex of the same length compares. */
function byHash<T>(items: readonly T[], text: (item: T) => string): T[] {
  if (items.length < 2) return [...items];
  const keyed = items.map((item) => ({ item, hash: md5(text(item)).toString('hex') }));
  return keyed.sort((a, b) => compare(a.hash, b.hash)).map((k) => k.item);
}

const portKey = (p: EndpointPort): string => `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol}`;
const addressKey = (a: EndpointAddress): string => `${a.ip}\u0000${a.podUid}`;

/** RepackSubsets then SortSubsets, for the addresses of one service's pods in `namespace`. */
export function packSubsets(entries: readonly PortAddress[], namespace: string): EndpointSubset[] {
  // Each port's addresses, each ready unless it was not ready once.
  const byPort = new Map<string, { port: EndpointPort; addresses: Map<string, { address: EndpointAddress; ready: boolean }> }>();
  for (const entry of entries) {
    const key = portKey(entry.port);
    const slot = byPort.get(key) ?? { port: entry.port, addresses: new Map() };
    byPort.set(key, slot);
    const seen = slot.addresses.get(addressKey(entry.address));
    if (!seen || seen.ready) slot.addresses.set(addressKey(entry.address), { address: seen?.address ?? entry.address, ready: entry.ready });
  }
  // The ports that have the very same addresses, each ready or not, share a subset.
  const bySet = new Map<string, { addresses: { address: EndpointAddress; ready: boolean }[]; ports: EndpointPort[] }>();
  for (const { port, addresses } of byPort.values()) {
    const list = [...addresses.values()].sort((a, b) => compareAddresses(a.address, b.address));
    const key = list.map((a) => `${addressKey(a.address)}\u0000${a.ready ? 1 : 0}`).join('\u0001');
    const group = bySet.get(key) ?? { addresses: list, ports: [] };
    group.ports.push(port);
    bySet.set(key, group);
  }
  const subsets = [...bySet.values()].map((g): EndpointSubset => ({
    addresses: g.addresses.filter((a) => a.ready).map((a) => a.address),
    notReadyAddresses: g.addresses.filter((a) => !a.ready).map((a) => a.address),
    ports: byHash(g.ports, spewPort),
  }));
  return byHash(subsets, (s) => spewSubset(s, namespace));
}
