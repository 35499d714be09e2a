// `deployment/web`, `deploy web`: one workload named on the command line.

import { resolveType, unknownTypeMessage, type ResourceType } from './resources.js';

export type Target = { ok: true; type: ResourceType; name: string } | { ok: false; error: string };

export function oneTarget(args: readonly string[]): Target {
  const [first = '', second] = args;
  let typeName = first;
  let name = second ?? '';
  if (first.includes('/')) [typeName = '', name = ''] = first.split('/');
  const type = resolveType(typeName);
  if (type === undefined || type === 'empty') return { ok: false, error: unknownTypeMessage(typeName) };
  return { ok: true, type, name };
}
