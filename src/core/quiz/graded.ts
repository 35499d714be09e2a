// What each kind's grader returns; grade.ts adds the question's explanation to the lines.
import type { GradedPart } from './model.js';

export interface Graded {
  readonly correct: boolean;
  readonly score: number;
  readonly parts: readonly GradedPart[];
  readonly lines: readonly string[];
}

/** The share of parts that are ok, 0 when there are none. */
export function shareOk(parts: readonly GradedPart[]): number {
  return parts.length === 0 ? 0 : parts.filter((p) => p.ok).length / parts.length;
}
