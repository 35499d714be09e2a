// The switch between the quick run (`npm test`) and the long one (`npm run test:soak`, NPL_SOAK=1).
// The quick run gives every property test a share of its runs, every table of real-kubectl cases a
// spread of its rows, and every scale test a size that still proves the point; the soak runs all.

export const SOAK = process.env.NPL_SOAK === '1';

/** Runs for a property test: all of `full` in a soak, a third (at least 30) otherwise. */
export function runs(full: number): number {
  return SOAK ? full : Math.max(30, Math.ceil(full / 3));
}

/**
 * The cases a run takes from a table: all in a soak, otherwise every `every`-th, the first
 * included, so each kind of row in a table written in kinds is still met.
 */
export function spread<T>(cases: readonly T[], every = 3): readonly T[] {
  return SOAK ? cases : cases.filter((_, i) => i % every === 0);
}
