// Field selectors as the API server applies them to a list (`metadata.name=web`,
// `spec.nodeName=worker-1,status.phase!=Failed`, `involvedObject.name=web`): each term compares a
// field of the object, read by its dotted path, with `=`, `==` or `!=`.

import type { JsonValue } from '../kubectl/go-yaml.js';
import { selectableField } from '../kubectl/get-options.js';

export interface FieldTerm {
  readonly path: readonly string[];
  readonly equal: boolean;
  readonly value: string;
}

export type FieldSelector = { readonly ok: true; readonly terms: readonly FieldTerm[] } | { readonly ok: false; readonly error: string };

export function parseFieldSelector(text: string): FieldSelector {
  const terms: FieldTerm[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const match = /^\s*([A-Za-z0-9.]+)\s*(!=|==|=)\s*(.*?)\s*$/.exec(part);
    if (!match) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    terms.push({ path: (match[1] ?? '').split('.'), equal: match[2] !== '!=', value: match[3] ?? '' });
  }
  return { ok: true, terms };
}

function fieldText(object: JsonValue, path: readonly string[]): string {
  let here: JsonValue | undefined = object;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || Array.isArray(here)) return '';
    here = Object.prototype.hasOwnProperty.call(here, key) ? here[key] : undefined;
  }
  return here === undefined || here === null || typeof here === 'object' ? '' : String(here);
}

export function fieldsMatch(terms: readonly FieldTerm[], object: JsonValue): boolean {
  return terms.every((t) => (fieldText(object, t.path) === t.value) === t.equal);
}

/** The first field of the selector that `kind` cannot be selected by: the API server refuses the list with 400. */
export function unselectable(kind: string, terms: readonly FieldTerm[]): string | undefined {
  return terms.map((t) => t.path.join('.')).find((field) => !selectableField(kind, field));
}
