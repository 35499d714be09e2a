// The three patch kinds kubectl patch sends: JSON merge patch (RFC 7386), JSON patch (RFC 6902)
// and the strategic merge patch, which merges the lists Kubernetes gives a merge key
// (a service's ports by port, a pod's containers by name, their ports by containerPort,
// env by name) instead of replacing them (apimachinery/pkg/util/strategicpatch).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: { [key: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/** Merge keys by the list's field name (the paths a learner patches). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  ports: 'port',
  containers: 'name',
  env: 'name',
  initContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
};

function mergeKeyFor(field: string, list: readonly Json[]): string | undefined {
  if (field === 'ports') {
    // Container ports merge on containerPort, service ports on port.
    return list.some((item) => isObject(item) && 'containerPort' in item) ? 'containerPort' : 'port';
  }
  return MERGE_KEYS[field];
}

const SET_ELEMENT_ORDER = '$setElementOrder/';

/**
 * `$setElementOrder/FIELD` (what kubectl's CreateTwoWayMergePatch sends beside a merged list, as
 * `kubectl set image` does): the list's elements in the order it names by merge key, the others after.
 */
function inElementOrder(list: readonly Json[], order: Json, mergeKey: string): Json[] {
  if (!Array.isArray(order)) return [...list];
  const rank = (item: Json): number => {
    const at = isObject(item) ? order.findIndex((o) => isObject(o) && o[mergeKey] === item[mergeKey]) : -1;
    return at < 0 ? order.length : at;
  };
  return list
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.item);
}

export function strategicMerge(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: { [key: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const live = out[key];
    if (Array.isArray(value) && Array.isArray(live)) {
      const mergeKey = mergeKeyFor(key, [...live, ...value]);
      if (mergeKey) {
        const merged = [...live];
        for (const item of value) {
          const at = isObject(item) ? merged.findIndex((l) => isObject(l) && l[mergeKey] === item[mergeKey]) : -1;
          if (isObject(item) && item.$patch === 'delete') {
            if (at >= 0) merged.splice(at, 1);
          } else if (at >= 0) merged[at] = strategicMerge(merged[at] ?? null, item);
          else merged.push(item);
        }
        out[key] = merged;
        continue;
      }
    }
    out[key] = strategicMerge(live ?? null, value);
  }
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const field = key.slice(SET_ELEMENT_ORDER.length);
    const list = out[field];
    const mergeKey = Array.isArray(list) ? mergeKeyFor(field, list) : undefined;
    if (Array.isArray(list) && mergeKey) out[field] = inElementOrder(list, order, mergeKey);
  }
  return out;
}

const unescape = (part: string): string => part.replace(/~1/g, '/').replace(/~0/g, '~');

/** RFC 6902 operations, with the error texts of evanphx/json-patch that kubectl shows. */
export function jsonPatch(target: Json, ops: Json): { ok: true; value: Json } | { ok: false; error: string } {
  if (!Array.isArray(ops)) return { ok: false, error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let doc: Json = structuredClone(target);
  for (const op of ops) {
    if (!isObject(op)) return { ok: false, error: 'invalid operation' };
    const path = typeof op.path === 'string' ? op.path : '';
    const parts = path.split('/').slice(1).map(unescape);
    // A non-string op reads as "unknown", as json-patch's Operation.Kind() reads it.
    const name = typeof op.op === 'string' ? op.op : 'unknown';
    const parentOf = (d: Json): { parent: Json; key: string } | undefined => {
      let node: Json = d;
      for (const part of parts.slice(0, -1)) {
        if (Array.isArray(node)) node = node[Number(part)] ?? null;
        else if (isObject(node)) node = node[part] ?? null;
        else return undefined;
        if (node === null) return undefined;
      }
      return { parent: node, key: parts[parts.length - 1] ?? '' };
    };
    const at = parentOf(doc);
    if (!at || (!Array.isArray(at.parent) && !isObject(at.parent)))
      return { ok: false, error: `${name} operation does not apply: doc is missing path: "${path}": missing value` };
    const { parent, key } = at;
    if (name === 'add' || name === 'replace') {
      const value = op.value ?? null;
      if (Array.isArray(parent)) {
        const index = key === '-' ? parent.length : Number(key);
        if (name === 'add') parent.splice(index, 0, value);
        else if (index < parent.length) parent[index] = value;
        else return { ok: false, error: `replace operation does not apply: doc is missing key: ${path}: missing value` };
      } else {
        if (name === 'replace' && !(key in parent)) return { ok: false, error: `replace operation does not apply: doc is missing key: ${path}: missing value` };
        parent[key] = value;
      }
    } else if (name === 'remove') {
      if (Array.isArray(parent)) {
        const index = Number(key);
        if (index >= parent.length) return { ok: false, error: `remove operation does not apply: doc is missing key: ${path}: missing value` };
        parent.splice(index, 1);
      } else {
        if (!(key in parent)) return { ok: false, error: `remove operation does not apply: doc is missing path: "${path}": missing value` };
        delete parent[key];
      }
    } else if (name === 'test') {
      const current = Array.isArray(parent) ? parent[Number(key)] : parent[key];
      if (JSON.stringify(current) !== JSON.stringify(op.value)) return { ok: false, error: `testing value ${path} failed: test failed` };
    } else {
      return { ok: false, error: `Unexpected kind: ${name}` };
    }
    doc = structuredClone(doc);
  }
  return { ok: true, value: doc };
}
