// What `kubectl get` does with its list before printing it: --field-selector, --sort-by,
// and the -o custom-columns and -o jsonpath-as-json printers
// (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go, customcolumn.go; apimachinery fields).

import { goSort } from './go-sort.js';
import type { Cluster } from '../cluster/index.js';
import { valuesAt } from './field-path.js';
import { toGoJson } from './go-json.js';
import type { JsonValue } from './go-yaml.js';
import { renderJsonPath } from './jsonpath.js';
import { itemView, type Item } from './lookup.js';
import { formatTable } from './tabwriter.js';
import { jsonText } from '../json-text.js';

type Requirement = { readonly field: string; readonly value: string; readonly equal: boolean };

/** fields.ParseSelector: `a=b,c!=d` (also `==`). */
export function parseFieldSelector(text: string): { ok: true; requirements: Requirement[] } | { ok: false; error: string } {
  const requirements: Requirement[] = [];
  if (text.trim() === '') return { ok: true, requirements };
  for (const term of text.split(',')) {
    const m = term.match(/^([^=!]+)(==|=|!=)(.*)$/);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${term}'` };
    requirements.push({ field: (m[1] ?? '').trim(), value: (m[3] ?? '').trim(), equal: m[2] !== '!=' });
  }
  return { ok: true, requirements };
}

/** The fields the API server lets a list be selected by, for the kinds here. */
const SELECTABLE: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'metadata.name',
    'metadata.namespace',
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  Service: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
};

/** Whether the API server selects `kind` by `field` (each registry's GetAttrs: the fields it can match). */
export function selectableField(kind: string, field: string): boolean {
  return (SELECTABLE[kind] ?? ['metadata.name', 'metadata.namespace']).includes(field);
}

export function matchesFields(cluster: Cluster, item: Item, requirements: readonly Requirement[]): boolean {
  if (requirements.length === 0) return true;
  const view = itemView(cluster, item) as JsonValue;
  return requirements.every((r) => {
    const path = r.field === 'source' ? 'source.component' : r.field;
    const found = valuesAt(view, path)?.[0];
    const text = jsonText(found);
    return r.equal ? text === r.value : text !== r.value;
  });
}

/**
 * sorter.go isLess on the first value each path reaches, as kubectl 1.32 has it: an item the path
 * misses sorts first, numbers by value, strings byte by byte (Go's <; no natural order yet).
 */
function kubectlLess(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  if (a === null || b === null) return a === null && b !== null;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  const sa = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const sb = typeof b === 'object' ? JSON.stringify(b) : String(b);
  return Buffer.compare(Buffer.from(sa, 'utf8'), Buffer.from(sb, 'utf8')) < 0;
}

/** --sort-by: Go's sort.Sort (not stable) with kubectl's comparison, as sorter.go does it. */
export function sortItems(cluster: Cluster, items: readonly Item[], path: string): { ok: true; items: Item[] } | { ok: false; error: string } {
  const expr = path.trim().replace(/^\{(.*)\}$/s, '$1');
  const keyed: { item: Item; key: JsonValue | undefined }[] = [];
  for (const item of items) {
    const values = valuesAt(itemView(cluster, item), expr);
    if (values === undefined) return { ok: false, error: `couldn't parse jsonpath ${path}` };
    keyed.push({ item, key: values[0] });
  }
  goSort({
    length: keyed.length,
    less: (i, j) => kubectlLess(keyed[i]?.key, keyed[j]?.key),
    swap: (i, j) => {
      const t = keyed[i] as (typeof keyed)[number];
      keyed[i] = keyed[j] as (typeof keyed)[number];
      keyed[j] = t;
    },
  });
  return { ok: true, items: keyed.map((k) => k.item) };
}

/** -o custom-columns=HEADER:PATH,...: one row per object; what a path does not reach is <none>. */
export function customColumns(
  cluster: Cluster,
  items: readonly Item[],
  spec: string,
  noHeaders: boolean,
): { ok: true; text: string } | { ok: false; error: string } {
  const columns: { header: string; path: string }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { ok: false, error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const path = part.slice(colon + 1).trim();
    columns.push({ header: part.slice(0, colon), path: path.startsWith('{') ? path : `{${path.startsWith('.') ? path : `.${path}`}}` });
  }
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
  for (const item of items) {
    const view = itemView(cluster, item) as JsonValue;
    rows.push(
      columns.map((c) => {
        const values = valuesAt(view, c.path);
        if (values !== undefined) {
          if (values.length === 0 || values.every((v) => v === null)) return '<none>';
          if (values.every((v) => typeof v !== 'object' || v === null)) return values.map((v) => String(v)).join(',');
        }
        const r = renderJsonPath(c.path, view);
        return r.ok && r.text !== '' ? r.text.replace(/ /g, ',') : '<none>';
      }),
    );
  }
  return { ok: true, text: formatTable(rows) };
}

/** -o jsonpath-as-json: the values the template's path reaches, as a JSON array. */
export function jsonpathAsJson(data: JsonValue, template: string): { ok: true; text: string } | { ok: false; error: string } {
  const values = valuesAt(data, template);
  if (values === undefined) return { ok: false, error: `jsonpath-as-json takes one path such as {.items[*].metadata.name} here: ${template}` };
  return { ok: true, text: `${toGoJson(values, false)}\n` };
}
