// The requests and limits `kubectl describe node` adds up for the pods on a node
// (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNodeResource and
// getPodsTotalRequestsAndLimits): each quantity with its share of the node's allocatable,
// truncated to a whole percent.

import type { Labels, Pod } from '../cluster/index.js';

const BINARY: readonly [string, number][] = [
  ['Gi', 1024 ** 3],
  ['Mi', 1024 ** 2],
  ['Ki', 1024],
];

/** A quantity in base units: cpu in millicores, memory in bytes. */
export function parseQuantity(text: string, cpu: boolean): number {
  const m = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|k|M|G)?$/.exec(text.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  if (cpu) return unit === 'm' ? n : n * 1000;
  const binary = BINARY.find(([u]) => u === unit);
  if (binary) return n * binary[1];
  const decimal: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9 };
  return n * (decimal[unit] ?? 1);
}

/** The quantity as resource.Quantity prints a sum: `950m`, `1`, `290Mi`. */
export function formatQuantity(value: number, cpu: boolean): string {
  if (value === 0) return '0';
  if (cpu) return value % 1000 === 0 ? String(value / 1000) : `${value}m`;
  for (const [unit, size] of BINARY) if (value % size === 0) return `${value / size}${unit}`;
  return String(value);
}

export interface PodResources {
  readonly cpuRequests: number;
  readonly cpuLimits: number;
  readonly memoryRequests: number;
  readonly memoryLimits: number;
}

export function podResources(pod: Pod): PodResources {
  const sum = (pick: (l: { requests?: Labels; limits?: Labels }) => Labels | undefined, key: string, cpu: boolean): number =>
    pod.spec.containers.reduce((total, c) => total + parseQuantity(pick(c.resources ?? {})?.[key] ?? '0', cpu), 0);
  return {
    cpuRequests: sum((r) => r.requests, 'cpu', true),
    cpuLimits: sum((r) => r.limits, 'cpu', true),
    memoryRequests: sum((r) => r.requests, 'memory', false),
    memoryLimits: sum((r) => r.limits, 'memory', false),
  };
}

/** `100m (5%)`: the quantity and its whole-percent share of what the node can give. */
export function withShare(value: number, allocatable: number, cpu: boolean): string {
  const share = allocatable > 0 ? Math.trunc((value / allocatable) * 100) : 0;
  return `${formatQuantity(value, cpu)} (${share}%)`;
}
