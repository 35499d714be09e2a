// Node port allocation as the API server does it (allocator/bitmap.go): a random
// start in the upper (dynamic) band, scanning forward with wrap-around; the lower
// (static) band is used only when the upper one is full.

import { nextInt, type RngState } from '../random.js';
import type { NodePortRange } from './types.js';

/** Size of the static band: min(max(16, size/32), 128), or 0 for tiny ranges. */
export function nodePortBandOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

export function formatRange(range: NodePortRange): string {
  return `${range.base}-${range.base + range.size - 1}`;
}

export type NodePortCheck = 'ok' | 'not-in-range' | 'already-allocated';

export function checkNodePort(range: NodePortRange, used: ReadonlySet<number>, port: number): NodePortCheck {
  if (port < range.base || port >= range.base + range.size) return 'not-in-range';
  return used.has(port) ? 'already-allocated' : 'ok';
}

export function nodePortErrorDetail(range: NodePortRange, check: Exclude<NodePortCheck, 'ok'>): string {
  return check === 'not-in-range'
    ? `provided port is not in the valid range. The range of valid ports is ${formatRange(range)}`
    : 'provided port is already allocated';
}

/** The next free node port, or undefined when the range is full. */
export function allocateNextNodePort(range: NodePortRange, used: ReadonlySet<number>, rng: RngState): { port: number | undefined; rng: RngState } {
  const max = range.size;
  const offset = nodePortBandOffset(max);
  let count = 0;
  for (const p of used) if (p >= range.base && p < range.base + max) count++;
  if (count >= max) return { port: undefined, rng };
  const upper = max - offset;
  const first = nextInt(rng, upper);
  for (let i = 0; i < upper; i++) {
    const at = offset + ((first.value + i) % upper);
    if (!used.has(range.base + at)) return { port: range.base + at, rng: first.state };
  }
  const second = nextInt(first.state, offset);
  for (let i = 0; i < offset; i++) {
    const at = (second.value + i) % offset;
    if (!used.has(range.base + at)) return { port: range.base + at, rng: second.state };
  }
  return { port: undefined, rng: second.state };
}
