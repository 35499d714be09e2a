// ClusterIP allocation from the service CIDR (ipallocator/bitmap.go): the network
// and broadcast addresses are never used; random picks come from above a reserved
// lower band of min(max(16, size/16), 256) addresses, which is used only when the
// rest is full or when an address there is asked for by name (10.96.0.1, 10.96.0.10).

import { cidrSize, formatIPv4, parseIPv4, type Cidr } from './ip.js';
import { nextInt, type RngState } from '../random.js';

export function clusterIPBandOffset(cidr: Cidr): number {
  const size = cidrSize(cidr);
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

/** Number of usable addresses: the CIDR minus network and broadcast. */
function usable(cidr: Cidr): number {
  return Math.max(0, cidrSize(cidr) - 2);
}

export type ClusterIPCheck = 'ok' | 'not-in-range' | 'already-allocated' | 'invalid';

/** What an allocator needs to know of the addresses in use. */
export interface UsedAddresses {
  has(ip: string): boolean;
}

export function checkClusterIP(cidr: Cidr, used: UsedAddresses, ip: string): ClusterIPCheck {
  const value = parseIPv4(ip);
  if (value === undefined) return 'invalid';
  if (value <= cidr.base || value > cidr.base + usable(cidr)) return 'not-in-range';
  return used.has(ip) ? 'already-allocated' : 'ok';
}

export function allocateNextClusterIP(cidr: Cidr, used: UsedAddresses, rng: RngState): { ip: string | undefined; rng: RngState } {
  const max = usable(cidr);
  const offset = Math.min(clusterIPBandOffset(cidr), max);
  const base = cidr.base + 1;
  const upper = max - offset;
  let state = rng;
  if (upper > 0) {
    const first = nextInt(state, upper);
    state = first.state;
    for (let i = 0; i < upper; i++) {
      const ip = formatIPv4(base + offset + ((first.value + i) % upper));
      if (!used.has(ip)) return { ip, rng: state };
    }
  }
  if (offset > 0) {
    const second = nextInt(state, offset);
    state = second.state;
    for (let i = 0; i < offset; i++) {
      const ip = formatIPv4(base + ((second.value + i) % offset));
      if (!used.has(ip)) return { ip, rng: state };
    }
  }
  return { ip: undefined, rng: state };
}
