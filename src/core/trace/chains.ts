// kube-proxy's chain names, computed as pkg/proxy/iptables/proxier.go does: the first 16
// characters of the base32 (RFC 4648, upper case) of sha256(servicePortName + protocol
// [+ endpoint]), protocol in lower case. servicePortName is `namespace/name`, plus `:portname`
// when the port is named (proxy.ServicePortName.String()).

import { sha256 } from '../digest.js';
import type { Protocol, Service, ServicePort } from '../cluster/index.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Hashes already worked out: the same service ports and endpoints come back trace after trace. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The first 16 base32 characters of sha256(text): 80 bits, the first 10 bytes of the digest. */
export function hash16(text: string): string {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const out = computeHash16(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

function computeHash16(text: string): string {
  const digest = sha256(text);
  let out = '';
  let bits = 0;
  let value = 0;
  for (let i = 0; out.length < 16; i++) {
    value = (value << 8) | (digest[i] ?? 0);
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      bits -= 5;
      out += BASE32[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** `default/my-first-service`, or `default/myapp-pod-nodeport-service:http` for a named port. */
export function servicePortName(service: Service, port: ServicePort): string {
  const base = `${service.metadata.namespace}/${service.metadata.name}`;
  return port.name ? `${base}:${port.name}` : base;
}

export const protocolName = (protocol: Protocol): string => protocol.toLowerCase();

/** portProtoHash */
export function portProtoHash(name: string, protocol: Protocol): string {
  return hash16(name + protocolName(protocol));
}

export interface ServiceChains {
  /** KUBE-SVC-: every ready endpoint (Cluster policy). */
  readonly svc: string;
  /** KUBE-SVL-: the node's own endpoints (Local policy). */
  readonly svl: string;
  /** KUBE-EXT-: where node-port and load-balancer traffic goes first. */
  readonly ext: string;
  /** KUBE-FW-: loadBalancerSourceRanges. */
  readonly fw: string;
}

export function serviceChains(name: string, protocol: Protocol): ServiceChains {
  const h = portProtoHash(name, protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** KUBE-SEP- for one endpoint `ip:port` of a service port. */
export function endpointChain(name: string, protocol: Protocol, endpoint: string): string {
  return `KUBE-SEP-${hash16(name + protocolName(protocol) + endpoint)}`;
}
