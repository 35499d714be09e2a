// Values at a simple JSONPath (.a.b[0].c, [*]) of an object view, for --sort-by,
// --field-selector and -o jsonpath-as-json, where kubectl works with values, not text.

import type { JsonValue } from './go-yaml.js';
import { append } from '../append.js';

/** The values a path reaches, or undefined when the path is not a simple one. */
export function valuesAt(data: JsonValue, path: string): JsonValue[] | undefined {
  let text = path
    .trim()
    .replace(/^\{(.*)\}$/s, '$1')
    .trim();
  if (text === '' || text === '.') return [data];
  if (!text.startsWith('.') && !text.startsWith('[')) text = `.${text}`;
  const re = /\.([^.[\]]+)|\[(\d+|\*)\]/gy;
  let current: JsonValue[] = [data];
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    consumed = re.lastIndex;
    const next: JsonValue[] = [];
    for (const v of current) {
      if (m[1] !== undefined) {
        if (v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, m[1])) next.push((v as Record<string, JsonValue>)[m[1]] as JsonValue);
      } else if (Array.isArray(v)) {
        if (m[2] === '*') append(next, v);
        else if (v[Number(m[2])] !== undefined) next.push(v[Number(m[2])] as JsonValue);
      }
    }
    current = next;
  }
  return consumed === text.length ? current : undefined;
}
