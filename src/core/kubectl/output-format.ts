// The -o/--output flag: which printer, or the error kubectl gives for an unknown one.

import { checkJsonPath, renderJsonPath } from './jsonpath.js';
import { toGoJson } from './go-json.js';
import { toGoYaml, type JsonValue } from './go-yaml.js';

export type OutputFormat =
  | { readonly kind: 'default' }
  | { readonly kind: 'wide' }
  | { readonly kind: 'yaml' }
  | { readonly kind: 'json' }
  | { readonly kind: 'name' }
  | { readonly kind: 'jsonpath'; readonly template: string }
  | { readonly kind: 'jsonpath-as-json'; readonly template: string }
  | { readonly kind: 'custom-columns'; readonly spec: string };

const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export function parseOutput(value: string | undefined, allowWide: boolean): { ok: true; format: OutputFormat } | { ok: false; error: string } {
  if (value === undefined || value === '') return { ok: true, format: { kind: 'default' } };
  if (value === 'yaml' || value === 'json' || value === 'name') return { ok: true, format: { kind: value } };
  if (value === 'wide' && allowWide) return { ok: true, format: { kind: 'wide' } };
  const asJson = value.match(/^jsonpath-as-json=(.*)$/s);
  if (asJson) return { ok: true, format: { kind: 'jsonpath-as-json', template: asJson[1] ?? '' } };
  const columns = value.match(/^custom-columns=(.*)$/s);
  if (columns && allowWide) return { ok: true, format: { kind: 'custom-columns', spec: columns[1] ?? '' } };
  const jp = value.match(/^jsonpath=(.*)$/s);
  if (jp) {
    const template = jp[1] ?? '';
    const problem = checkJsonPath(template);
    if (problem !== undefined) return { ok: false, error: `error parsing jsonpath ${template}, ${problem}` };
    return { ok: true, format: { kind: 'jsonpath', template } };
  }
  const allowed = allowWide ? GET_FORMATS : OBJECT_FORMATS;
  return { ok: false, error: `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed}` };
}

/** Prints one object or a list in a data format; `sortKeys` for objects that come from the server. */
export function printData(format: OutputFormat, data: JsonValue, sortKeys: boolean): { ok: true; text: string } | { ok: false; error: string } {
  switch (format.kind) {
    case 'yaml':
      return { ok: true, text: toGoYaml(data) };
    case 'json':
      return { ok: true, text: `${toGoJson(data, sortKeys)}\n` };
    case 'jsonpath': {
      const r = renderJsonPath(format.template, data);
      return r.ok ? { ok: true, text: r.text } : { ok: false, error: `error executing jsonpath "${format.template}": ${r.error}` };
    }
    default:
      return { ok: false, error: 'not a data format' };
  }
}

export function listOf(items: JsonValue[]): JsonValue {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
