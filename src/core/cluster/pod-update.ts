// An update of a live pod (kubectl apply's patch, kubectl patch, kubectl replace's PUT), as the API
// server takes it: ValidatePodUpdate (pkg/apis/core/validation/validation.go) lets the metadata
// change, but of the spec only what its message names; anything else is refused with the go-cmp
// diff of the two specs (pod-spec-diff.ts). A new image restarts the container as the kubelet does.

import { invalidError, type ApiError, type Result } from './api-error.js';
import { forbidden } from './field-error.js';
import { nextRevision } from './ids.js';
import { podsReplacing } from './object-index.js';
import { livePlacement, podUpdateDiff, type ContainerUpdate, type PodPlacement } from './pod-spec-diff.js';
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
  placement?: PodPlacement,
): ApiError {
  const diff = podUpdateDiff(live, containers, restartPolicy, placement);
  return invalidError('Pod', live.metadata.name, [forbidden('spec', diff ? `${POD_UPDATE_FORBIDDEN}\n${diff}` : POD_UPDATE_FORBIDDEN)]);
}

export interface PodUpdated {
  readonly pod: Pod;
  /** False when the update left the pod as it was (the API server then writes nothing). */
  readonly changed: boolean;
}

/**
 * What the update leaves of the live pod's placement: what the manifest names, else the live pod's
 * (apply and patch send only what they change) or nothing (a PUT is the whole object).
 */
function placementOf(live: Pod, desired: PodInput, whole: boolean): PodPlacement {
  const kept = livePlacement(live);
  return {
    nodeName: desired.nodeName ?? (whole ? '' : kept.nodeName),
    serviceAccountName: desired.serviceAccountName ?? (whole ? '' : kept.serviceAccountName),
    tokenVolume: desired.volumes ? desired.volumes.includes(live.tokenVolume) : !whole,
  };
}

/**
 * Puts `desired` (a decoded manifest) in place of `live`, with these labels and annotations: the
 * manifest is validated as any pod's, its spec may change the containers' images only, and a
 * changed image restarts the container. `whole`: the manifest is the whole pod (a PUT), so what
 * the scheduler and the admission plugins added at create and it lacks is taken away, and refused.
 */
export function updatePod(
  cluster: Cluster,
  live: Pod,
  desired: PodInput,
  meta: { readonly labels: Labels; readonly annotations: Labels },
  whole = false,
): Result<PodUpdated> {
  const errors = validatePod(desired);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Pod', desired.name, errors) };
  const shape = (containers: readonly { name: string; ports?: readonly unknown[]; env?: readonly unknown[] }[]): unknown =>
    containers.map((c) => ({ name: c.name, ports: (c.ports ?? []).map((p) => ({ protocol: 'TCP', ...(p as object) })), env: c.env ?? [] }));
  const restartChanged = (desired.restartPolicy ?? 'Always') !== live.spec.restartPolicy;
  const placement = placementOf(live, desired, whole);
  const mounts = desired.containers.map((c) => (c.volumeMounts ? c.volumeMounts.includes(live.tokenVolume) : !whole));
  const unmounted = desired.containers.some((c, i) => !mounts[i] && live.spec.containers.some((lc) => lc.name === c.name));
  if (!sameJson(shape(desired.containers), shape(live.spec.containers)) || restartChanged || !sameJson(placement, livePlacement(live)) || unmounted) {
    const containers = desired.containers.map((c, i) => ({
      name: c.name,
      ports: c.ports ?? [],
      env: c.env ?? [],
      imagePullPolicy: c.imagePullPolicy,
      mountsToken: mounts[i] ?? false,
    }));
    return { ok: false, cluster, error: podSpecRefusal(live, containers, desired.restartPolicy ?? 'Always', placement) };
  }
  return writePodUpdate(
    cluster,
    live,
    live.spec.containers.map((c, i) => desired.containers[i]?.image ?? c.image),
    meta,
  );
}

/**
 * Writes what an update may change of a live pod: its containers' images (in the live order), its
 * labels and annotations. Nothing changed: nothing written. A new image restarts the container as
 * the kubelet does when a container's spec hash changes (pkg/kubelet/kuberuntime/
 * kuberuntime_manager.go computePodActions). Every pod update (apply, patch, replace, set image)
 * ends here.
 */
export function writePodUpdate(
  cluster: Cluster,
  live: Pod,
  images: readonly string[],
  meta: { readonly labels: Labels; readonly annotations: Labels },
): Result<PodUpdated> {
  const containers = live.spec.containers.map((c, i) => ({ ...c, image: images[i] ?? c.image }));
  const candidate: Pod = { ...live, metadata: { ...live.metadata, labels: meta.labels, annotations: meta.annotations }, spec: { ...live.spec, containers } };
  if (sameJson(candidate, live)) return { ok: true, cluster, value: { pod: live, changed: false } };
  const revision = nextRevision(cluster);
  const updated: Pod = { ...candidate, metadata: { ...candidate.metadata, resourceVersion: revision.resourceVersion } };
  const replaced = { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p === live, updated) };
  const changed = containers.find((c, i) => c.image !== live.spec.containers[i]?.image);
  const next = changed ? restartForNewImage(replaced, updated, changed.name) : replaced;
  return { ok: true, cluster: next, value: { pod: next.pods.find((p) => p.metadata.uid === updated.metadata.uid) ?? updated, changed: true } };
}
