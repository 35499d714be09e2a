// `kubectl apply` of a Deployment: created with the last-applied annotation, or the live one
// changed where the manifest changed it (a three-way merge with the last applied manifest, as
// kubectl's apply does): "unchanged" when nothing would change, else "configured".

import type { Result } from './api-error.js';
import { createDeployment, deploymentsOf, findDeployment, updateDeployment } from './deployments.js';
import type { DeploymentManifest } from './deployment-manifest.js';
import { stampLastApplied, type ApplySide } from './applied-annotation.js';
import { DEFAULT_NAMESPACE, LAST_APPLIED_ANNOTATION, type Cluster, type Deployment, type Labels } from './types.js';

export interface DeploymentApplyOutcome {
  readonly action: 'created' | 'configured' | 'unchanged';
  readonly missingAnnotation: boolean;
  readonly object: Deployment;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

function previousApplied(annotations: Labels): Obj | undefined {
  const text = annotations[LAST_APPLIED_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    return obj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** live, minus the keys the last manifest set and this one drops, plus this manifest's keys. */
function merged(live: Labels, previous: Obj, desired: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live))
    if (!(k in previous) || k in desired) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(desired)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameLabels = (a: Labels, b: Labels): boolean => sameJson(Object.entries(a).sort(), Object.entries(b).sort());

export function applyDeployment(cluster: Cluster, m: DeploymentManifest, lastApplied: string, side: ApplySide = 'client'): Result<DeploymentApplyOutcome> {
  const input = m.input;
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const live = findDeployment(cluster, m.name, namespace);
  if (!live) {
    const created = createDeployment(cluster, { ...input, annotations: stampLastApplied(input.annotations ?? {}, undefined, lastApplied, side) });
    if (!created.ok) return created;
    return { ok: true, cluster: created.cluster, value: { action: 'created', missingAnnotation: false, object: created.value } };
  }
  const prev = previousApplied(live.metadata.annotations);
  const prevMeta = obj(prev?.metadata);
  const prevSpec = obj(prev?.spec);
  // A manifest without replicas leaves the live count alone (kubectl scale's), unless the last one set it.
  const replicas = 'replicas' in obj(m.manifest.spec) || 'replicas' in prevSpec ? input.replicas : live.spec.replicas;
  const spec: Deployment['spec'] = { replicas, selector: input.selector, template: input.template };
  const labels = merged(live.metadata.labels, obj(prevMeta.labels), input.labels ?? {});
  const annotations = stampLastApplied(
    merged(live.metadata.annotations, obj(prevMeta.annotations), input.annotations ?? {}),
    live.metadata.annotations,
    lastApplied,
    side,
  );
  const unchanged = sameJson(spec, live.spec) && sameLabels(labels, live.metadata.labels) && sameLabels(annotations, live.metadata.annotations);
  if (unchanged) return { ok: true, cluster, value: { action: 'unchanged', missingAnnotation: false, object: live } };
  const updated = updateDeployment(cluster, m.name, () => spec, namespace);
  if (!updated.ok) return updated;
  const uid = live.metadata.uid;
  const next: Cluster = {
    ...updated.cluster,
    deployments: deploymentsOf(updated.cluster).map((d) => (d.metadata.uid === uid ? { ...d, metadata: { ...d.metadata, labels, annotations } } : d)),
  };
  return {
    ok: true,
    cluster: next,
    value: {
      action: 'configured',
      missingAnnotation: side === 'client' && prev === undefined,
      object: findDeployment(next, m.name, namespace) ?? updated.value,
    },
  };
}
