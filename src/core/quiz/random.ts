// A small seeded random number generator (mulberry32): the whole state is one 32-bit number,
// so it can live in the quiz state and the same seed always gives the same quiz.

export type Rng = number;

export function seedRng(seed: number): Rng {
  let z = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** A whole number in [0, n), and the state after drawing it. */
export function nextInt(rng: Rng, n: number): { value: number; rng: Rng } {
  if (n <= 1) return { value: 0, rng };
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const word = (t ^ (t >>> 14)) >>> 0;
  return { value: Math.floor((word / 0x1_0000_0000) * n), rng: next };
}

/** The numbers 0..n-1 in a random order (Fisher-Yates). */
export function shuffledIndices(rng: Rng, n: number): { order: number[]; rng: Rng } {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = rng;
  for (let i = n - 1; i > 0; i--) {
    const draw = nextInt(state, i + 1);
    state = draw.rng;
    const j = draw.value;
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { order, rng: state };
}

/**
 * Like shuffledIndices, but never 0, 1, 2, ... in order (for n >= 2), so a puzzle whose answer is
 * the natural order (the hops of a request, pairs side by side) never starts out solved.
 */
export function scrambledIndices(rng: Rng, n: number): { order: number[]; rng: Rng } {
  const drawn = shuffledIndices(rng, n);
  if (n >= 2 && drawn.order.every((value, i) => value === i)) {
    // Rotating by one keeps the draw deterministic and moves every item.
    return { order: [...drawn.order.slice(1), drawn.order[0]!], rng: drawn.rng };
  }
  return drawn;
}
