// A small seeded random number generator (mulberry32). Its whole state is one unsigned 32-bit
// integer, so it can live inside an immutable value: the cluster, a quiz. Same seed, same draws.

export type RngState = number;

export function seedRng(seed: number): RngState {
  // Mix the seed once so that nearby seeds start far apart.
  let z = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** The next 32-bit value and the state after it. */
export function nextUint32(state: RngState): { value: number; state: RngState } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: (t ^ (t >>> 14)) >>> 0, state: next };
}

/** A uniform integer in [0, n). n must be at least 1. */
export function nextInt(state: RngState, n: number): { value: number; state: RngState } {
  if (n <= 1) return { value: 0, state };
  const { value, state: after } = nextUint32(state);
  return { value: Math.floor((value / 0x1_0000_0000) * n), state: after };
}

/** Several random 32-bit words in a row, e.g. for a UID. */
export function nextWords(state: RngState, count: number): { words: number[]; state: RngState } {
  const words: number[] = [];
  let s = state;
  for (let i = 0; i < count; i++) {
    const r = nextUint32(s);
    words.push(r.value);
    s = r.state;
  }
  return { words, state: s };
}
