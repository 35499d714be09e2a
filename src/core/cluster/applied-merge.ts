// The three-way merge of `kubectl apply` for an apps/v1 workload: what the live object keeps and
// what it takes from the manifest, given the manifest applied last (its annotation).

import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { LAST_APPLIED_ANNOTATION, type Labels } from './types.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

export function previousApplied(annotations: Labels): Obj | undefined {
  const text = annotations[LAST_APPLIED_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    return obj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** live, minus the keys the last manifest set and this one drops, plus this manifest's keys. */
export function merged(live: Labels, previous: Obj, desired: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live))
    if (!(k in previous) || k in desired) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(desired)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** What an apply of an apps/v1 workload's manifest keeps of the live object and takes from the manifest. */
export interface AppliedMeta {
  readonly replicas: number;
  readonly labels: Labels;
  readonly annotations: Labels;
  /** The live object carried no last-applied configuration (kubectl warns of a client-side apply). */
  readonly missingAnnotation: boolean;
}

/**
 * The three-way merge of `kubectl apply` for a Deployment or a ReplicaSet: labels and annotations
 * merged with the last applied manifest's, the new one stamped; replicas from the manifest, or the
 * live count (kubectl scale's) when neither this manifest nor the last one set them.
 */
export function appliedMeta(
  live: { readonly metadata: { readonly labels: Labels; readonly annotations: Labels }; readonly spec: { readonly replicas: number } },
  manifestSpec: unknown,
  input: { readonly replicas: number; readonly labels?: Labels; readonly annotations?: Labels },
  lastApplied: string,
  side: ApplySide,
): AppliedMeta {
  const prev = previousApplied(live.metadata.annotations);
  const prevMeta = obj(prev?.metadata);
  const replicas = 'replicas' in obj(manifestSpec) || 'replicas' in obj(prev?.spec) ? input.replicas : live.spec.replicas;
  const labels = merged(live.metadata.labels, obj(prevMeta.labels), input.labels ?? {});
  const annotations = stampLastApplied(
    merged(live.metadata.annotations, obj(prevMeta.annotations), input.annotations ?? {}),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  return { replicas, labels, annotations, missingAnnotation: side === 'client' && prev === undefined };
}
