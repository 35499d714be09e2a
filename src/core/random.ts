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

/** The numbers 0..n-1 in a random order (Fisher-Yates), and the state after the draws. */
export function shuffledIndices(state: RngState, n: number): { order: number[]; state: RngState } {
  const order = Array.from({ length: n }, (_, i) => i);
  let current = state;
  for (let i = n - 1; i > 0; i--) {
    const drawn = nextInt(current, i + 1);
    current = drawn.state;
    const j = drawn.value;
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { order, state: current };
}

/**
 * Like shuffledIndices, but never 0, 1, 2, ... in order (for n >= 2), so a puzzle whose answer is
 * the natural order (the hops of a request, pairs side by side) never starts out solved.
 */
export function scrambledIndices(state: RngState, n: number): { order: number[]; state: RngState } {
  const drawn = shuffledIndices(state, n);
  if (n >= 2 && drawn.order.every((value, i) => value === i)) {
    // Rotating by one keeps the draw deterministic and moves every item.
    return { order: [...drawn.order.slice(1), drawn.order[0]!], state: drawn.state };
  }
  return drawn;
}
