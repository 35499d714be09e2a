// What the core benchmarks share: a cluster of many workers, and failing loudly while building it.
import type { Cluster, NodePlan } from '../src/core/cluster/index.js';

/** One control-plane node and `workers` workers, addressed like the default cluster (documentation ranges). */
export function nodePlans(workers: number): NodePlan[] {
  const plans: NodePlan[] = [
    {
      name: 'control-plane',
      controlPlane: true,
      internalIP: '192.168.49.2',
      externalIP: '203.0.113.10',
      podCIDR: '10.244.0.0/24',
      joinedBefore: 3 * 3_600_000,
    },
  ];
  for (let i = 1; i <= workers; i++) {
    plans.push({
      name: `worker-${i}`,
      controlPlane: false,
      internalIP: `192.168.49.${2 + i}`,
      externalIP: `203.0.113.${10 + i}`,
      podCIDR: `10.244.${i}.0/24`,
      joinedBefore: 3 * 3_600_000 - 40_000 - i * 1_000,
    });
  }
  return plans;
}

/** The cluster after a change that must succeed while building a benchmark's cluster. */
export function must<T>(result: { ok: true; cluster: Cluster; value: T } | { ok: false; error: { message: string } }, what: string): Cluster {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.cluster;
}
