// The shipped course, validated at build time and stored as JSON beside the bundle.
import type { Course } from './model.js';

export const COMPILED_FORMAT = 1;

/** Reads a compiled course; null when the text is not one (then the YAML lessons are read instead). */
export function parseCompiled(text: string): Course | null {
  try {
    const data = JSON.parse(text) as { format?: unknown; course?: Course };
    return data.format === COMPILED_FORMAT && Array.isArray(data.course?.lessons) ? data.course : null;
  } catch {
    return null;
  }
}
