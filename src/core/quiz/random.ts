// Seeded draws for a quiz (shuffled options, scrambled puzzles), on the project's one generator:
// the state is one 32-bit number kept in the quiz state, so the same seed gives the same quiz.
import { nextInt as draw, seedRng } from '../random.js';

export type Rng = number;
export { seedRng };

/** A whole number in [0, n), and the state after drawing it. */
export function nextInt(rng: Rng, n: number): { value: number; rng: Rng } {
  const drawn = draw(rng, n);
  return { value: drawn.value, rng: drawn.state };
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
