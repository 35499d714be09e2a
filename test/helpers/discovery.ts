// What the real kubectl's discovery asks of a test's own small API server (`/api`, `/apis`,
// `/api/v1`, `/apis/GROUP/VERSION`), answered for the resources the test serves.

export interface ServedResource {
  readonly name: string;
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly kind: string;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
}

/** A resource as an APIResourceList lists it. */
export const served = (name: string, kind: string, shortNames: readonly string[], verbs: readonly string[], namespaced = true): ServedResource => ({
  name,
  singularName: kind.toLowerCase(),
  namespaced,
  kind,
  verbs,
  shortNames,
});

/**
 * The discovery document at `path`, or undefined for a path that is not discovery's.
 * `byGroupVersion` names the resources of each group version: `v1` for the core group, `apps/v1`...
 */
export function discoveryAt(path: string, byGroupVersion: Readonly<Record<string, readonly ServedResource[]>>): unknown {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
  if (path === '/apis') {
    const groups = Object.keys(byGroupVersion)
      .filter((groupVersion) => groupVersion.includes('/'))
      .map((groupVersion) => {
        const [name, version] = groupVersion.split('/');
        return { name, versions: [{ groupVersion, version }], preferredVersion: { groupVersion, version } };
      });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  const groupVersion = path === '/api/v1' ? 'v1' : path.startsWith('/apis/') ? path.slice('/apis/'.length) : undefined;
  const resources = groupVersion === undefined ? undefined : byGroupVersion[groupVersion];
  return resources && { kind: 'APIResourceList', groupVersion, resources };
}
