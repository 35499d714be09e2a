// Adding many items to a list without spreading them into a call: a spread passes each item as an
// argument on the stack, and past some 100,000 (services, pods, rules) the call throws.

/** Pushes every item onto `target`, one at a time; returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function largest(values: Iterable<number>, empty: number): number {
  let most: number | undefined;
  for (const v of values) most = most === undefined || v > most ? v : most;
  return most ?? empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function smallest(values: Iterable<number>, empty: number): number {
  let least: number | undefined;
  for (const v of values) least = least === undefined || v < least ? v : least;
  return least ?? empty;
}
