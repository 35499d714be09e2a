// kube-proxy's pick among n endpoints, as the kernel makes it: the rules of a KUBE-SVC (or
// KUBE-SVL) chain are tried in order; rule i carries `-m statistic --mode random --probability
// 1/(n-i)` (pkg/proxy/iptables/proxier.go writes "%0.10f"; the kernel keeps it in 2^31ths) and
// matches when a fresh 31-bit random number is below it (xt_statistic: get_random_u32() &
// 0x7FFFFFFF < probability); the last rule has no statistic match and takes whatever is left.
// The draws come from the cluster's seeded generator, so the same state picks the same pod.

import { nextUint32, type RngState } from '../random.js';
import { kubeProxyProbability, savedProbability } from './rules.js';
import type { RuleDraw } from './types.js';

const TWO_31 = 0x80000000;

export interface Pick {
  readonly chosen: number;
  /** The statistic rules tried, in order; the chosen rule is the last (or, past them all, the unconditional one). */
  readonly draws: readonly RuleDraw[];
  readonly state: RngState;
}

/** The probability the kernel compares with: lround(2^31 * p). */
export function storedProbability(remaining: number): number {
  return Math.round(TWO_31 * Number(kubeProxyProbability(remaining)));
}

export function pickEndpoint(rng: RngState, n: number): Pick {
  const draws: RuleDraw[] = [];
  let state = rng;
  for (let i = 0; i < n - 1; i++) {
    const next = nextUint32(state);
    state = next.state;
    const value = next.value & 0x7fffffff;
    const matched = value < storedProbability(n - i);
    draws.push({ probability: savedProbability(n - i), draw: value / TWO_31, matched });
    if (matched) return { chosen: i, draws, state };
  }
  return { chosen: Math.max(0, n - 1), draws, state };
}

/** Why each statistic rule matched or not, in one sentence. */
export function pickNote(draws: readonly RuleDraw[], chosen: number, n: number): string {
  const steps = draws.map(
    (d, j) => `rule ${j + 1} (--probability ${d.probability}) drew ${d.draw.toFixed(5)}: ${d.matched ? 'below, so it matched' : 'not below, next rule'}`,
  );
  if (chosen === n - 1) steps.push(`rule ${n} has no probability and takes what is left`);
  return `kube-proxy's rules are tried in order, each with a fresh random draw (so each endpoint gets 1 in ${n} new connections): ${steps.join('; ')}`;
}
