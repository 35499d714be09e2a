// JSON as kubectl prints it (json.MarshalIndent with four spaces): HTML characters
// escaped as Go does, keys in the given order or sorted (objects from the server
// are unstructured maps, whose keys encoding/json sorts).

import type { JsonValue } from './go-yaml.js';

function goString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function toGoJson(value: JsonValue, sortKeys: boolean, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + toGoJson(v, sortKeys, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  if (sortKeys) keys.sort();
  return `{\n${keys.map((k) => `${inner}${goString(k)}: ${toGoJson(value[k] as JsonValue, sortKeys, inner)}`).join(',\n')}\n${indent}}`;
}
