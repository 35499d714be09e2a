// The scheduler: which node a pod goes to, and, when none can take it, the FitError text it
// records in the pod's PodScheduled condition and its FailedScheduling event.
//
// Filters, in the default profile's order, the first that fails naming the node's reason
// (pkg/scheduler/framework/plugins): TaintToleration rejects a node with a NoSchedule or
// NoExecute taint the pod does not tolerate ("node(s) had untolerated taint {key: value}",
// UnschedulableAndUnresolvable); NodeResourcesFit (fit.go) rejects a node whose allocatable
// `pods` (the kubelet's maxPods, 110) its non-terminated pods already fill ("Too many pods").
// FitError.Error() (framework/types.go) joins "0/N nodes are available:" with the sorted
// histogram of reasons and the preemption plugin's own FitError, each after " %v.": the
// DefaultPreemption PostFilter finds taints "not helpful" and, since every pod in the sandbox has
// priority 0 or more, no lower-priority victims on a full node.
// Among the nodes that pass, the least loaded wins; ties go to the first by name.

import { podIndex } from './object-index.js';
import { podPhase } from './pod-status.js';
import type { Cluster, Node, Pod, Taint } from './types.js';

export type Placement = { readonly ok: true; readonly node: Node } | { readonly ok: false; readonly message: string };

/** The kubelet's default maxPods, when a node reports no allocatable pods. */
const DEFAULT_MAX_PODS = 110;

/** How many pods the node takes: status.allocatable.pods. */
export function allocatablePods(node: Node): number {
  const n = Number(node.status.allocatable['pods']);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_MAX_PODS;
}

const isTerminated = (pod: Pod, now: number): boolean => {
  const phase = podPhase(pod, now);
  return phase === 'Succeeded' || phase === 'Failed';
};

/** The pods bound to a node that still hold their place on it (not Succeeded or Failed). */
export function activePodsOn(cluster: Cluster, nodeName: string): Pod[] {
  return podIndex(cluster.pods)
    .byNode.get(nodeName)
    .filter((p) => !isTerminated(p, cluster.now));
}

/** The first taint the scheduler will not place a pod past (the sandbox's pods tolerate none). */
export function untoleratedTaint(node: Node): Taint | undefined {
  return node.spec.taints.find((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
}

interface NodeVerdict {
  readonly node: Node;
  /** Why the filters reject the node; absent: it fits. */
  readonly reason?: string;
  /** What preemption says of a rejected node. */
  readonly preemption?: string;
  readonly load: number;
}

function judge(cluster: Cluster, node: Node): NodeVerdict {
  const taint = untoleratedTaint(node);
  const load = activePodsOn(cluster, node.metadata.name).length;
  if (taint)
    return { node, load, reason: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`, preemption: 'Preemption is not helpful for scheduling' };
  if (load + 1 > allocatablePods(node)) return { node, load, reason: 'Too many pods', preemption: 'No preemption victims found for incoming pod' };
  return { node, load };
}

/** "0/N nodes are available: 1 a, 2 b." – counts, then reasons, sorted as strings (Go's sort.Strings). */
function histogram(total: number, reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `0/${total} nodes are available: ${parts.join(', ')}.`;
}

/** The scheduler's error for a pod no node takes, as FitError.Error() spells it. */
export function fitErrorMessage(verdicts: readonly NodeVerdict[]): string {
  if (verdicts.length === 0) return 'no nodes available to schedule pods';
  const filters = histogram(
    verdicts.length,
    verdicts.map((v) => v.reason ?? ''),
  );
  const preemption = histogram(
    verdicts.length,
    verdicts.map((v) => v.preemption ?? ''),
  );
  return `${filters} preemption: ${preemption}.`;
}

/** Where the scheduler puts a pod now, or the FitError message when no node can take it. */
export function placePod(cluster: Cluster): Placement {
  const verdicts = cluster.nodes.map((n) => judge(cluster, n));
  let best: NodeVerdict | undefined;
  for (const v of verdicts) {
    if (v.reason !== undefined) continue;
    if (!best || v.load < best.load || (v.load === best.load && v.node.metadata.name < best.node.metadata.name)) best = v;
  }
  return best ? { ok: true, node: best.node } : { ok: false, message: fitErrorMessage(verdicts) };
}

/** Pods waiting for a node, in the order the scheduler takes them up again: the order they were created. */
export function waitingPods(cluster: Cluster): Pod[] {
  return cluster.pods.filter((p) => p.spec.nodeName === undefined);
}

/** Whether any node has a free place for a pod now (the cheap test before retrying the queue). */
export function anyRoom(cluster: Cluster): boolean {
  return cluster.nodes.some((n) => judge(cluster, n).reason === undefined);
}
