// The API groups beyond core/v1 that the cluster holds objects of: apps/v1 (deployments,
// replicasets and the cluster's own daemonsets: kubectl get deploy, rs, ds) and discovery.k8s.io/v1 (endpointslices, which kubectl
// 1.32's describe service reads). Discovery for them comes from the same api-resources table the
// sandbox prints; lists, objects and Tables from the sandbox's own lookup, views and printers.

import type { Cluster } from '../cluster/index.js';
import { API_RESOURCES } from '../kubectl/api-resources.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { itemLabels } from '../kubectl/lookup.js';
import { parseSelector, selectorMatches } from '../kubectl/label-selector.js';
import type { ResourceKind } from '../kubectl/resources.js';
import { fieldsMatch, parseFieldSelector, unselectable } from './field-selector.js';
import { getObject, listObjects, objectView, type Json } from './objects.js';
import { json, wantsTable, type ApiRequest, type ApiResponse } from './request.js';
import { plainStatus } from './status.js';
import { tableOf } from './table.js';
import type { ServedResource } from './served.js';

interface GroupResource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: ResourceKind;
  readonly shortNames: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly string[];
}

/** The kinds of these groups the cluster holds, and the subresources kube-apiserver registers for them. */
const HELD: Readonly<Partial<Record<string, readonly string[]>>> = {
  Deployment: ['scale', 'status'],
  ReplicaSet: ['scale', 'status'],
  DaemonSet: ['status'],
  EndpointSlice: [],
};

export const GROUP_RESOURCES: readonly GroupResource[] = API_RESOURCES.filter(
  ([, , apiVersion, , kind]) => apiVersion.includes('/') && HELD[kind] !== undefined,
).map(([plural, shortNames, apiVersion, , kind, verbs]) => {
  const [group = '', version = ''] = apiVersion.split('/');
  return {
    group,
    version,
    plural,
    kind: kind as ResourceKind,
    shortNames: shortNames === '' ? [] : shortNames.split(','),
    verbs: verbs.split(','),
    subresources: HELD[kind] ?? [],
  };
});

const GROUPS = [...new Set(GROUP_RESOURCES.map((r) => `${r.group}/${r.version}`))];

function groupEntry(groupVersion: string): Json {
  const [name = '', version = ''] = groupVersion.split('/');
  const preferred = { groupVersion, version };
  return { name, versions: [preferred], preferredVersion: preferred };
}

/** /apis: every group the lab serves. */
export function groupList(): Json {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: GROUPS.map(groupEntry) };
}

function resourceList(groupVersion: string): Json {
  const resources: JsonValue[] = [];
  for (const r of GROUP_RESOURCES.filter((g) => `${g.group}/${g.version}` === groupVersion)) {
    resources.push({
      name: r.plural,
      singularName: r.kind.toLowerCase(),
      namespaced: true,
      kind: r.kind,
      verbs: [...r.verbs],
      ...(r.shortNames.length ? { shortNames: [...r.shortNames] } : {}),
      ...(r.group === 'apps' ? { categories: ['all'] } : {}),
    });
    for (const sub of r.subresources) {
      resources.push({
        name: `${r.plural}/${sub}`,
        singularName: '',
        namespaced: true,
        ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { kind: r.kind }),
        verbs: ['get', 'patch', 'update'],
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

const notFound = (): ApiResponse => json(404, plainStatus(404, 'NotFound', 'the server could not find the requested resource'));

/** An answer for a request under /apis/<group>/..., or null when it is not one (the caller goes on). */
export function handleGroup(cluster: Cluster, request: ApiRequest): ApiResponse | null {
  const parts = request.path.split('/').filter((p) => p !== '');
  if (parts[0] !== 'apis' || parts.length < 2 || request.method !== 'GET') return null;
  const groupVersion = `${parts[1]}/${parts[2] ?? ''}`;
  if (parts.length === 2)
    return GROUPS.some((g) => g.startsWith(`${parts[1]}/`))
      ? json(200, { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(GROUPS.find((g) => g.startsWith(`${parts[1]}/`)) ?? '') })
      : null;
  if (!GROUPS.includes(groupVersion)) return null;
  if (parts.length === 3) return json(200, resourceList(groupVersion));
  let rest = parts.slice(3).map((p) => decodeURIComponent(p));
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const resource = GROUP_RESOURCES.find((r) => `${r.group}/${r.version}` === groupVersion && r.plural === rest[0]);
  if (!resource || rest.length > 3) return notFound();
  // A subresource (deployments/NAME/scale) is the core handler's.
  if (rest.length === 3) return null;
  const name = rest[1];
  const rv = String(cluster.revision);
  if (name !== undefined) {
    const item = namespace === undefined ? undefined : getObject(cluster, resource.kind, name, namespace);
    if (!item)
      return json(404, {
        ...plainStatus(404, 'NotFound', `${resource.plural}.${resource.group} "${name}" not found`),
        details: { name, group: resource.group, kind: resource.plural },
      });
    return json(200, wantsTable(request.accept) ? tableOf(cluster, item.kind, [item], rv) : objectView(cluster, item));
  }
  const labels = parseSelector(request.query.get('labelSelector') ?? '');
  if (!labels.ok) return json(400, plainStatus(400, 'BadRequest', labels.error));
  const fields = parseFieldSelector(request.query.get('fieldSelector') ?? '');
  if (!fields.ok) return json(400, plainStatus(400, 'BadRequest', fields.error));
  const refused = unselectable(resource.kind, fields.terms);
  if (refused !== undefined) return json(400, plainStatus(400, 'BadRequest', `field label not supported: ${refused}`));
  const items = listObjects(cluster, resource.kind, namespace)
    .filter((item) => selectorMatches(labels.requirements, itemLabels(item)))
    .map((item) => ({ item, view: objectView(cluster, item) }))
    .filter((p) => fieldsMatch(fields.terms, p.view));
  if (wantsTable(request.accept))
    return json(
      200,
      tableOf(
        cluster,
        resource.kind,
        items.map((p) => p.item),
        rv,
        request.query.get('includeObject') === 'Object',
      ),
    );
  const listed = items.map(({ view }) => Object.fromEntries(Object.entries(view).filter(([k]) => k !== 'kind' && k !== 'apiVersion')));
  return json(200, { kind: `${resource.kind}List`, apiVersion: groupVersion, metadata: { resourceVersion: rv }, items: listed });
}

/** Where a request under /apis/<group>/<version>/ points, as the core handlers take it (writes and watches). */
export interface GroupTarget {
  readonly resource: ServedResource;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

export function groupTarget(path: string): GroupTarget | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] !== 'apis' || parts.length < 4) return undefined;
  const groupVersion = `${parts[1] ?? ''}/${parts[2] ?? ''}`;
  let rest = parts.slice(3).map((p) => decodeURIComponent(p));
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const found = GROUP_RESOURCES.find((r) => `${r.group}/${r.version}` === groupVersion && r.plural === rest[0]);
  if (!found || rest.length > 3) return undefined;
  const resource: ServedResource = {
    kind: found.kind,
    plural: found.plural,
    singular: found.kind.toLowerCase(),
    namespaced: true,
    verbs: found.verbs,
    shortNames: found.shortNames,
    categories: found.group === 'apps' ? ['all'] : [],
    subresources: [],
    group: found.group,
  };
  return { resource, namespace, name: rest[1], subresource: rest[2] };
}
