// kube-proxy's mode, from its ConfigMap (kube-system/kube-proxy, key config.conf: a
// KubeProxyConfiguration whose `mode` is "", "iptables", "ipvs" or "nftables"; "" means iptables
// on Linux). The tracer's rules are kube-proxy's iptables rules: in another mode the path is the
// same, the rules that make it are not.
import { yaml } from '../yaml.js';
import { getOwn } from '../own.js';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables' | 'unknown';

export function proxyModeOf(configMap: unknown): ProxyMode {
  const data = getOwn((configMap ?? {}) as Record<string, unknown>, 'data');
  const text = data && typeof data === 'object' ? getOwn(data as Record<string, unknown>, 'config.conf') : undefined;
  if (typeof text !== 'string') return 'unknown';
  let config: unknown;
  try {
    config = yaml().parse(text, { maxAliasCount: 10 });
  } catch {
    return 'unknown';
  }
  const mode = config && typeof config === 'object' ? getOwn(config as Record<string, unknown>, 'mode') : undefined;
  if (mode === '' || mode === undefined || mode === null || mode === 'iptables') return 'iptables';
  return mode === 'ipvs' || mode === 'nftables' ? mode : 'unknown';
}

/** The line above a trace on a real cluster: what it is, and how far to trust it. */
export function traceLabel(mode: ProxyMode, context: string): string {
  const rules =
    mode === 'iptables'
      ? 'kube-proxy runs in iptables mode (its ConfigMap says so), so these are the rules it writes'
      : mode === 'unknown'
        ? "kube-proxy's mode is not known (no kube-system/kube-proxy ConfigMap to read); the hops are those of its iptables mode"
        : `kube-proxy runs in ${mode} mode: the path is the same, but the rules on the nodes are ${mode}'s, not the iptables chains shown`;
  return `The path the rules would give, worked out from the real objects of context "${context}" (no packet was sent): ${rules}.`;
}
