// What a server dry run of a create answers: the object as the registry made it (uid,
// creationTimestamp, a clusterIP and nodePorts picked but not kept), with no resourceVersion,
// since storage never wrote it (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/dryrun.go,
// DryRunnableStorage.Create copies the object out without going to etcd).

import type { JsonValue } from './go-yaml.js';

export function dryRunCreated(view: JsonValue): JsonValue {
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return view;
  const metadata = view.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return view;
  const kept = Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== 'resourceVersion'));
  return { ...view, metadata: kept };
}
