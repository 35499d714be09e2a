// Static pods and their mirror pods. kubeadm's control plane (etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler) runs as static pods: manifests in the control-plane
// node's /etc/kubernetes/manifests that its kubelet runs on its own (pod source "file"). What the
// API shows is the kubelet's mirror pod of each, owned by the Node. Deleting a mirror pod stops
// nothing: the kubelet sees its static pod without a mirror and creates a new one at once
// (pkg/kubelet/kubelet.go, syncPod: "Create Mirror Pod if needed";
// pkg/kubelet/pod/mirror_client.go, CreateMirrorPod), under the same name with a new UID and
// creation time; the containers keep running, so the status, restarts and start time stay.

import { newUid, nextRevision } from './ids.js';
import { podsWith } from './object-index.js';
import type { Cluster, Pod } from './types.js';

/** A mirror pod: a static pod's stand-in in the API, owned by its node. */
export const isMirrorPod = (pod: Pod): boolean => pod.owner?.kind === 'Node' && pod.metadata.annotations['kubernetes.io/config.source'] === 'file';

/** The kubelet's new mirror pod for a static pod whose mirror was just deleted. */
export function recreateMirrorPod(cluster: Cluster, deleted: Pod): Cluster {
  const uid = newUid(cluster.rng);
  const revision = nextRevision({ ...cluster, rng: uid.rng });
  const mirror: Pod = {
    ...deleted,
    metadata: { ...deleted.metadata, uid: uid.uid, resourceVersion: revision.resourceVersion, creationTimestamp: Math.floor(cluster.now / 1000) * 1000 },
  };
  return { ...revision.cluster, pods: podsWith(revision.cluster.pods, mirror) };
}
