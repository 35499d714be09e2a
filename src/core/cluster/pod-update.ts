// An update of a live pod (kubectl apply's patch, kubectl patch, kubectl replace's PUT), as the API
// server takes it: ValidatePodUpdate (pkg/apis/core/validation/validation.go) lets the metadata
// change, but of the spec only what its message names; anything else is refused with the go-cmp
// diff of the two specs (pod-spec-diff.ts). A new image restarts the container as the kubelet does.

import { invalidError, type ApiError, type Result } from './api-error.js';
import { forbidden } from './field-error.js';
import { nextRevision } from './ids.js';
import { podsReplacing } from './object-index.js';
import { podUpdateDiff, type ContainerUpdate } from './pod-spec-diff.js';
import { restartForNewImage, validatePod, type PodInput } from './pods.js';
import { sameJson } from './same-value.js';
import type { Cluster, Labels, Pod, RestartPolicy } from './types.js';

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The 422 of an update that would leave `live` with these containers and this restart policy. */
export function podSpecRefusal(
  live: Pod,
  containers: readonly (ContainerUpdate & { readonly imagePullPolicy?: string })[],
  restartPolicy: RestartPolicy | string,
): ApiError {
  const diff = podUpdateDiff(live, containers, restartPolicy);
  return invalidError('Pod', live.metadata.name, [forbidden('spec', diff ? `${POD_UPDATE_FORBIDDEN}\n${diff}` : POD_UPDATE_FORBIDDEN)]);
}

export interface PodUpdated {
  readonly pod: Pod;
  /** False when the update left the pod as it was (the API server then writes nothing). */
  readonly changed: boolean;
}

/**
 * Puts `desired` (a decoded manifest) in place of `live`, with these labels and annotations: the
 * manifest is validated as any pod's, its spec may change the containers' images only, and a
 * changed image restarts the container.
 */
export function updatePod(cluster: Cluster, live: Pod, desired: PodInput, meta: { readonly labels: Labels; readonly annotations: Labels }): Result<PodUpdated> {
  const errors = validatePod(desired);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Pod', desired.name, errors) };
  const shape = (containers: readonly { name: string; ports?: readonly unknown[]; env?: readonly unknown[] }[]): unknown =>
    containers.map((c) => ({ name: c.name, ports: (c.ports ?? []).map((p) => ({ protocol: 'TCP', ...(p as object) })), env: c.env ?? [] }));
  const restartChanged = (desired.restartPolicy ?? 'Always') !== live.spec.restartPolicy;
  if (!sameJson(shape(desired.containers), shape(live.spec.containers)) || restartChanged) {
    const containers = desired.containers.map((c) => ({ name: c.name, ports: c.ports ?? [], env: c.env ?? [], imagePullPolicy: c.imagePullPolicy }));
    return { ok: false, cluster, error: podSpecRefusal(live, containers, desired.restartPolicy ?? 'Always') };
  }
  const containers = live.spec.containers.map((c, i) => ({ ...c, image: desired.containers[i]?.image ?? c.image }));
  const candidate: Pod = { ...live, metadata: { ...live.metadata, labels: meta.labels, annotations: meta.annotations }, spec: { ...live.spec, containers } };
  if (sameJson(candidate, live)) return { ok: true, cluster, value: { pod: live, changed: false } };
  const revision = nextRevision(cluster);
  const updated: Pod = { ...candidate, metadata: { ...candidate.metadata, resourceVersion: revision.resourceVersion } };
  const replaced = { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p === live, updated) };
  const imageChanged = containers.some((c, i) => c.image !== live.spec.containers[i]?.image);
  const next = imageChanged ? restartForNewImage(replaced, updated) : replaced;
  return { ok: true, cluster: next, value: { pod: next.pods.find((p) => p.metadata.uid === updated.metadata.uid) ?? updated, changed: true } };
}
