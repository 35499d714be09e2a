// Which seed a launch of the course makes its clusters from, and what the progress keeps of it.
import { isSeed, type Progress } from './model.js';

export interface CourseSeed {
  readonly seed: number;
  /** The progress with the seed to keep in it. */
  readonly progress: Progress;
}

/**
 * A `--seed` given on the command line is used, and kept: the next launch without one makes the
 * cluster the learner saw last. Without one, the kept seed is used; with none kept (a first
 * launch, a reset, a file from before seeds were kept), `pick` makes one, and it is kept from now on.
 */
export function courseSeed(progress: Progress, given: number | undefined, pick: () => number): CourseSeed {
  const seed = given ?? progress.seed ?? pick();
  // A number that JSON cannot carry whole (larger than any double) is used, but not kept.
  if (!isSeed(seed) || progress.seed === seed) return { seed, progress };
  return { seed, progress: { ...progress, seed } };
}
