// What the API server says about itself: /version and the discovery documents kubectl reads
// before any other request (apimachinery pkg/apis/meta/v1 APIVersions, APIGroupList, APIResourceList).

import type { Cluster } from '../cluster/index.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { versionInfo } from '../kubectl/version.js';
import { SERVED } from './served.js';

type Json = { [key: string]: JsonValue };

export function versionDocument(cluster: Cluster): Json {
  return versionInfo(cluster.config.kubernetesVersion);
}

export function apiVersions(): Json {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
}

export function coreResources(): Json {
  const resources: JsonValue[] = [];
  for (const r of SERVED) {
    resources.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: [...r.verbs],
      ...(r.shortNames.length > 0 ? { shortNames: [...r.shortNames] } : {}),
      ...(r.categories.length > 0 ? { categories: [...r.categories] } : {}),
    });
    for (const sub of r.subresources)
      resources.push({ name: `${r.plural}/${sub.name}`, singularName: '', namespaced: r.namespaced, kind: sub.kind, verbs: [...sub.verbs] });
  }
  return { kind: 'APIResourceList', groupVersion: 'v1', resources };
}
