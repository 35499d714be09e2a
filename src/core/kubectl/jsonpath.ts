// A small part of kubectl's JSONPath templates: text with {.a.b[0].c}, [*] and
// {range .items[*]}...{end}; enough for `-o jsonpath='{.spec.ports[0].nodePort}'`.

import type { JsonValue } from './go-yaml.js';
import { append } from '../append.js';

type Step = { readonly field: string } | { readonly index: number } | { readonly all: true };

function parsePath(expr: string): Step[] | undefined {
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\d+|\*)\]/gy;
  let text = expr.trim();
  if (text === '.' || text === '') return steps;
  if (!text.startsWith('.') && !text.startsWith('[')) text = `.${text}`;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text)) !== null) {
    consumed = re.lastIndex;
    if (m[1] !== undefined) steps.push({ field: m[1] });
    else if (m[2] === '*') steps.push({ all: true });
    else steps.push({ index: Number(m[2]) });
  }
  return consumed === text.length ? steps : undefined;
}

function evaluate(value: JsonValue, steps: readonly Step[]): JsonValue[] {
  let current: JsonValue[] = [value];
  for (const step of steps) {
    const next: JsonValue[] = [];
    for (const v of current) {
      if ('field' in step) {
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && step.field in v) next.push(v[step.field] as JsonValue);
        else if (Array.isArray(v) && step.field === '*') append(next, v);
      } else if ('index' in step) {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index] as JsonValue);
      } else if (Array.isArray(v)) append(next, v);
      else if (typeof v === 'object' && v !== null) append(next, Object.values(v));
    }
    current = next;
  }
  return current;
}

function show(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return JSON.stringify(value);
}

export type JsonPathResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

export function renderJsonPath(template: string, data: JsonValue): JsonPathResult {
  const parts = template.split(/(\{[^}]*\})/).filter((p) => p !== '');
  const render = (tokens: string[], scope: JsonValue): { text: string; rest: string[] } | { error: string } => {
    let text = '';
    while (tokens.length > 0) {
      const token = tokens.shift() ?? '';
      if (!token.startsWith('{')) {
        text += token.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        continue;
      }
      const inner = token.slice(1, -1).trim();
      if (inner === 'end') return { text, rest: tokens };
      if (inner.startsWith('range ')) {
        const steps = parsePath(inner.slice(6));
        if (!steps) return { error: `unrecognized identifier ${inner.slice(6)}` };
        const body: string[] = [];
        let depth = 1;
        while (tokens.length > 0) {
          const t = tokens.shift() ?? '';
          if (t.startsWith('{') && t.slice(1, -1).trim().startsWith('range ')) depth++;
          if (t.startsWith('{') && t.slice(1, -1).trim() === 'end') depth--;
          if (depth === 0) break;
          body.push(t);
        }
        for (const item of evaluate(scope, steps)) {
          const r = render([...body], item);
          if ('error' in r) return r;
          text += r.text;
        }
        continue;
      }
      const steps = parsePath(inner.replace(/^\$/, ''));
      if (!steps) return { error: `unrecognized identifier ${inner}` };
      const values = evaluate(scope, steps);
      text += values.map(show).join(' ');
    }
    return { text, rest: [] };
  };
  const result = render(parts, data);
  return 'error' in result ? { ok: false, error: result.error } : { ok: true, text: result.text };
}
