// The objects a verb names (label, annotate): `TYPE NAME...` or `TYPE/NAME...`, each type resolved
// through every alias, with the resource builder's errors (staging/src/k8s.io/cli-runtime/pkg/resource/builder.go).

import { resolveType, unknownTypeMessage, type ResourceType } from './resources.js';

/** `TYPE NAME...` or `TYPE/NAME...`, as the resource builder reads them. */
export function resourceTargets(resources: readonly string[]): { ok: true; items: { type: ResourceType; name: string }[] } | { ok: false; error: string } {
  const items: { type: ResourceType; name: string }[] = [];
  const slashed = resources.filter((r) => r.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== resources.length)
      return {
        ok: false,
        error:
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      };
    for (const r of resources) {
      const at = r.indexOf('/');
      const typeName = r.slice(0, at);
      const type = resolveType(typeName);
      if (!type || type === 'empty') return { ok: false, error: unknownTypeMessage(typeName) };
      items.push({ type, name: r.slice(at + 1) });
    }
    return { ok: true, items };
  }
  const [typeName = '', ...names] = resources;
  const type = resolveType(typeName);
  if (!type || type === 'empty') return { ok: false, error: unknownTypeMessage(typeName) };
  if (names.length === 0) return { ok: false, error: 'resource(s) were provided, but no name was specified' };
  for (const name of names) items.push({ type, name });
  return { ok: true, items };
}
