// The three-way merge of `kubectl apply` for an apps/v1 workload: what the live object keeps and
// what it takes from the manifest, given the manifest applied last (its annotation).

import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { LAST_APPLIED_ANNOTATION, type Labels } from './types.js';
import { setOwn } from '../own.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/** The manifest the last client-side apply recorded in the object's annotation, if it reads as one. */
export function previousApplied(annotations: Labels): Obj | undefined {
  const text = annotations[LAST_APPLIED_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Obj) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Three-way merge of a map (labels, annotations): the live keys the last apply did not set, then
 * this manifest's. Keys are own properties only: `constructor` is a label like any other.
 */
export function mergeMap(live: Labels, previous: Labels | undefined, desired: Labels | undefined): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live)) if (!(previous && Object.hasOwn(previous, k))) setOwn(out, k, v);
  for (const [k, v] of Object.entries(desired ?? {})) setOwn(out, k, v);
  return out;
}

/** The labels or annotations the last applied manifest set. */
export function prevMeta(prev: Obj | undefined, key: 'labels' | 'annotations'): Labels | undefined {
  const meta = prev?.metadata;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const value = (meta as Obj)[key];
  return typeof value === 'object' && value !== null ? (value as Labels) : undefined;
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
  const replicas = Object.hasOwn(obj(manifestSpec), 'replicas') || Object.hasOwn(obj(prev?.spec), 'replicas') ? input.replicas : live.spec.replicas;
  const labels = mergeMap(live.metadata.labels, prevMeta(prev, 'labels'), input.labels);
  const annotations = stampLastApplied(
    mergeMap(live.metadata.annotations, prevMeta(prev, 'annotations'), input.annotations),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  return { replicas, labels, annotations, missingAnnotation: side === 'client' && prev === undefined };
}
