// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text outside braces is printed
// as it stands (a bare \n stays two characters); inside braces a path (.a.b, [0], [*], [1:3],
// ['key'], ..name, [?(@.type=="ExternalIP")]), a quoted string ({"\n"} is a newline),
// {range PATH}...{end}. kubectl allows missing keys (they print nothing). Maps and lists print as
// Go's json.Marshal does: keys sorted, <, > and & escaped.

import type { JsonValue } from './go-yaml.js';
import { append } from '../append.js';

type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'recursive'; readonly name: string }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'index'; readonly indexes: readonly number[] }
  | { readonly kind: 'slice'; readonly start?: number; readonly end?: number; readonly step?: number }
  | { readonly kind: 'filter'; readonly left: readonly Step[]; readonly op?: string; readonly right?: Operand };

type Operand = { readonly kind: 'literal'; readonly value: string | number | boolean } | { readonly kind: 'path'; readonly steps: readonly Step[] };

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'path'; readonly steps: readonly Step[] }
  | { readonly kind: 'range'; readonly steps: readonly Step[]; readonly body: readonly Node[] };

class ParseError extends Error {}

/** Go's strconv.Unquote for a double-quoted string. */
function unquote(text: string): string {
  try {
    return JSON.parse(
      text
        .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
        .replace(/\\a/g, '\\u0007')
        .replace(/\\v/g, '\\u000b'),
    ) as string;
  } catch {
    throw new ParseError(`invalid syntax`);
  }
}

/** Splits the template into text and the actions between braces. */
function splitActions(template: string): { text?: string; action?: string }[] {
  const out: { text?: string; action?: string }[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out.push({ text: template.slice(i) });
      break;
    }
    if (open > i) out.push({ text: template.slice(i, open) });
    // Find the closing brace, skipping quoted strings.
    let j = open + 1;
    let quote = '';
    for (; j < template.length; j++) {
      const c = template[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === '\n') throw new ParseError('unterminated quoted string');
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') break;
    }
    if (j >= template.length) throw new ParseError('unclosed action');
    out.push({ action: template.slice(open + 1, j) });
    i = j + 1;
  }
  return out;
}

function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : /^-?\d+$/.test(t) ? Number(t) : NaN;
}

/** A path: .a.b[0]['x']..y[*][?(...)] */
function parsePath(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const src = text.trim();
  if (src === '' || src === '.' || src === '$' || src === '@') return steps;
  if (src[0] === '$' || src[0] === '@') i = 1;
  const readName = (): string => {
    let name = '';
    while (i < src.length) {
      const c = src[i] ?? '';
      if (c === '\\' && src[i + 1] === '.') {
        name += '.';
        i += 2;
        continue;
      }
      if (c === '.' || c === '[' || c === ' ' || c === ')') break;
      name += c;
      i++;
    }
    return name;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '.') {
      if (src[i + 1] === '.') {
        i += 2;
        const name = readName();
        steps.push(name === '*' || name === '' ? { kind: 'wildcard' } : { kind: 'recursive', name });
        continue;
      }
      i++;
      const name = readName();
      if (name === '') {
        if (i >= src.length) break;
        throw new ParseError(`unrecognized character in action: U+${(src.codePointAt(i) ?? 0).toString(16).toUpperCase().padStart(4, '0')} '${src[i]}'`);
      }
      steps.push(name === '*' ? { kind: 'wildcard' } : { kind: 'field', name });
      continue;
    }
    if (c === '[') {
      // find the matching ]
      let depth = 0;
      let quote = '';
      let j = i;
      for (; j < src.length; j++) {
        const d = src[j];
        if (quote) {
          if (d === quote) quote = '';
        } else if (d === '"' || d === "'") quote = d;
        else if (d === '[') depth++;
        else if (d === ']' && --depth === 0) break;
      }
      if (j >= src.length) throw new ParseError('unterminated array');
      const inner = src.slice(i + 1, j).trim();
      i = j + 1;
      if (inner === '*') steps.push({ kind: 'wildcard' });
      else if (inner.startsWith('?(') && inner.endsWith(')')) steps.push(parseFilter(inner.slice(2, -1)));
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ kind: 'field', name: inner.slice(1, -1) });
      else if (inner.includes(':')) {
        const [a = '', b = '', s = ''] = inner.split(':');
        const start = parseNumber(a);
        const end = parseNumber(b);
        const step = parseNumber(s);
        if ([start, end, step].some((n) => Number.isNaN(n))) throw new ParseError(`invalid array index ${inner}`);
        steps.push({
          kind: 'slice',
          ...(start !== undefined ? { start } : {}),
          ...(end !== undefined ? { end } : {}),
          ...(step !== undefined ? { step } : {}),
        });
      } else {
        const indexes = inner.split(',').map((p) => parseNumber(p));
        if (indexes.some((n) => n === undefined || Number.isNaN(n))) throw new ParseError(`invalid array index ${inner}`);
        steps.push({ kind: 'index', indexes: indexes as number[] });
      }
      continue;
    }
    if (/[A-Za-z_]/.test(c ?? '') && i === 0) {
      steps.push({ kind: 'field', name: readName() });
      continue;
    }
    throw new ParseError(`unrecognized character in action: U+${(src.codePointAt(i) ?? 0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
  }
  return steps;
}

function parseOperand(text: string): Operand {
  const t = text.trim();
  if (/^".*"$/.test(t)) return { kind: 'literal', value: unquote(t) };
  if (/^'.*'$/.test(t)) return { kind: 'literal', value: t.slice(1, -1) };
  if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: 'literal', value: Number(t) };
  if (t.startsWith('@') || t.startsWith('$') || t.startsWith('.')) return { kind: 'path', steps: parsePath(t) };
  throw new ParseError(`unrecognized filter operand ${t}`);
}

function parseFilter(expr: string): Step {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>|=~)\s*(.*)$/.exec(expr.trim());
  if (!m) return { kind: 'filter', left: parsePath(expr) };
  const [, left = '', op = '', right = ''] = m;
  return { kind: 'filter', left: parsePath(left), op, right: parseOperand(right) };
}

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[]; steps?: Step[] }[] = [{ body: root }];
  const top = (): Node[] => stack[stack.length - 1]?.body ?? root;
  for (const part of splitActions(template)) {
    if (part.text !== undefined) {
      top().push({ kind: 'text', text: part.text });
      continue;
    }
    const action = (part.action ?? '').trim();
    if (action === 'end') {
      const frame = stack.pop();
      if (stack.length === 0 || !frame?.steps) throw new ParseError('not in range, nothing to end');
      top().push({ kind: 'range', steps: frame.steps, body: frame.body });
      continue;
    }
    if (action.startsWith('range ') || action === 'range') {
      stack.push({ body: [], steps: parsePath(action.slice(5)) });
      continue;
    }
    if (/^".*"$/s.test(action)) {
      top().push({ kind: 'text', text: unquote(action) });
      continue;
    }
    if (/^'.*'$/s.test(action)) {
      top().push({ kind: 'text', text: action.slice(1, -1) });
      continue;
    }
    top().push({ kind: 'path', steps: parsePath(action) });
  }
  // A range left open runs to the end of the template, as client-go's does.
  while (stack.length > 1) {
    const frame = stack.pop();
    if (frame?.steps) top().push({ kind: 'range', steps: frame.steps, body: frame.body });
  }
  return root;
}

const isObject = (v: JsonValue): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

function children(v: JsonValue): JsonValue[] {
  if (Array.isArray(v)) return v;
  if (isObject(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k] as JsonValue);
  return [];
}

function compare(a: JsonValue, op: string, b: JsonValue): boolean {
  switch (op) {
    case '==':
      return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
    case '!=':
      return a !== b;
    case '<':
      return typeof a === typeof b && (a as number) < (b as number);
    case '>':
      return typeof a === typeof b && (a as number) > (b as number);
    case '<=':
      return typeof a === typeof b && (a as number) <= (b as number);
    case '>=':
      return typeof a === typeof b && (a as number) >= (b as number);
    default:
      return false;
  }
}

function evaluate(value: JsonValue, steps: readonly Step[]): JsonValue[] {
  let current: JsonValue[] = [value];
  for (const step of steps) {
    const next: JsonValue[] = [];
    for (const v of current) {
      switch (step.kind) {
        case 'field':
          if (isObject(v) && Object.prototype.hasOwnProperty.call(v, step.name)) next.push(v[step.name] as JsonValue);
          break;
        case 'wildcard':
          append(next, children(v));
          break;
        case 'recursive': {
          const walk = (x: JsonValue): void => {
            if (isObject(x) && Object.prototype.hasOwnProperty.call(x, step.name)) next.push(x[step.name] as JsonValue);
            for (const c of children(x)) walk(c);
          };
          walk(v);
          break;
        }
        case 'index':
          if (Array.isArray(v)) {
            for (const raw of step.indexes) {
              const i = raw < 0 ? raw + v.length : raw;
              if (i >= 0 && i < v.length) next.push(v[i] as JsonValue);
            }
          }
          break;
        case 'slice':
          if (Array.isArray(v)) {
            const norm = (n: number | undefined, d: number): number => (n === undefined ? d : n < 0 ? Math.max(0, n + v.length) : Math.min(n, v.length));
            const by = step.step && step.step > 0 ? step.step : 1;
            for (let i = norm(step.start, 0); i < norm(step.end, v.length); i += by) next.push(v[i] as JsonValue);
          }
          break;
        case 'filter':
          for (const item of Array.isArray(v) ? v : [v]) {
            const left = evaluate(item, step.left);
            if (step.op === undefined) {
              if (left.length > 0) next.push(item);
              continue;
            }
            const rights: JsonValue[] = step.right?.kind === 'path' ? evaluate(item, step.right.steps) : step.right ? [step.right.value] : [];
            if (left.length > 0 && rights.length > 0 && compare(left[0] as JsonValue, step.op, rights[0] as JsonValue)) next.push(item);
          }
          break;
      }
    }
    current = next;
  }
  return current;
}

/** Go's json.Marshal: sorted keys, HTML-safe escapes. */
function goJson(value: JsonValue): string {
  const escape = (s: string): string =>
    JSON.stringify(s)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  if (value === null) return 'null';
  if (typeof value === 'string') return escape(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${escape(k)}:${goJson(value[k] as JsonValue)}`)
    .join(',')}}`;
}

function show(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '<nil>';
  return goJson(value);
}

export type JsonPathResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** The most a template may print; past it the simulator stops with an error, not the machine's memory. */
export const MAX_JSONPATH_OUTPUT = 4 * 1024 * 1024;

class TooLarge extends Error {}

/** Parses the template first: kubectl's `error parsing jsonpath ..., ...` comes before any output. */
export function checkJsonPath(template: string): string | undefined {
  try {
    parseTemplate(template);
    return undefined;
  } catch (e) {
    return e instanceof ParseError ? e.message : String(e);
  }
}

export function renderJsonPath(template: string, data: JsonValue): JsonPathResult {
  let nodes: Node[];
  try {
    nodes = parseTemplate(template);
  } catch (e) {
    return { ok: false, error: e instanceof ParseError ? e.message : String(e) };
  }
  const parts: string[] = [];
  let size = 0;
  const emit = (text: string): void => {
    size += text.length;
    if (size > MAX_JSONPATH_OUTPUT) throw new TooLarge();
    parts.push(text);
  };
  const render = (list: readonly Node[], scope: JsonValue): void => {
    for (const node of list) {
      if (node.kind === 'text') emit(node.text);
      else if (node.kind === 'path') {
        const values = evaluate(scope, node.steps);
        values.forEach((v, i) => emit(i < values.length - 1 ? `${show(v)} ` : show(v)));
      } else {
        for (const v of evaluate(scope, node.steps)) {
          for (const item of Array.isArray(v) ? v : [v]) render(node.body, item);
        }
      }
    }
  };
  try {
    render(nodes, data);
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, error: `output larger than ${MAX_JSONPATH_OUTPUT / 1024 / 1024} MiB: the simulator stops here` };
    throw e;
  }
  return { ok: true, text: parts.join('') };
}
