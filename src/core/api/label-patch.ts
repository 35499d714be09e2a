// A merge patch that only changes metadata.labels, as `kubectl label` sends it
// (label.go: jsonpatch.CreateMergePatch of the object before and after): a key with a value sets
// that label, a key with null removes it. The lab applies it with the API's label validation.

import { setLabels, type Cluster, type LabelledKind, type Result } from '../cluster/index.js';
import type { Json } from './objects.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The label changes, when the patch changes nothing but labels (and names a resourceVersion at most). */
export function labelChanges(body: unknown): Map<string, string | null> | undefined {
  if (!isObj(body) || Object.keys(body).some((k) => k !== 'metadata')) return undefined;
  const meta = body.metadata;
  if (!isObj(meta) || !isObj(meta.labels) || Object.keys(meta).some((k) => k !== 'labels' && k !== 'resourceVersion')) return undefined;
  const changes = new Map<string, string | null>();
  for (const [k, v] of Object.entries(meta.labels)) {
    if (v !== null && typeof v !== 'string') return undefined;
    changes.set(k, v);
  }
  return changes;
}

export function applyLabelPatch(
  cluster: Cluster,
  kind: LabelledKind,
  live: Readonly<Record<string, string>>,
  name: string,
  changes: ReadonlyMap<string, string | null>,
  namespace?: string,
): Result<unknown> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(live)) Object.defineProperty(labels, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of changes) {
    if (v === null) delete labels[k];
    else Object.defineProperty(labels, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return setLabels(cluster, kind, name, labels, namespace);
}

export type { Json };
