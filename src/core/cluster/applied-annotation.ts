// Which apply writes kubectl.kubernetes.io/last-applied-configuration. A client-side `kubectl
// apply` always does: the annotation is how its next three-way merge knows what it set. A
// server-side apply never adds it; when the live object already has one (it was applied
// client-side before) the API server keeps it up to date with what was just applied, for the
// field manager `kubectl` only (apimachinery pkg/util/managedfields/internal/lastappliedupdater.go).

import { LAST_APPLIED_ANNOTATION, type Labels } from './types.js';

export type ApplySide = 'client' | 'server';

/** The annotations an apply leaves on the object, given those it merged and the live object's. */
export function stampLastApplied(annotations: Labels, live: Labels | undefined, lastApplied: string, side: ApplySide): Labels {
  const had = (live?.[LAST_APPLIED_ANNOTATION] ?? '') !== '';
  if (side === 'client' || had) return { ...annotations, [LAST_APPLIED_ANNOTATION]: lastApplied };
  const out: Record<string, string> = { ...annotations };
  delete out[LAST_APPLIED_ANNOTATION];
  return out;
}
