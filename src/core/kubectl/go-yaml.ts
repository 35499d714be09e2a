// YAML as kubectl prints it (sigs.k8s.io/yaml over go-yaml v2): keys sorted with
// go-yaml's natural order, sequences not indented under their key, strings quoted
// only when they would read back as something else (numbers, booleans, null,
// timestamps), long plain strings folded at 80 columns.

import { append } from '../append.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/** Unicode's letters; below U+0080 they are A-Z and a-z, told apart without ICU's property data. */
const isLetter = (c: string): boolean => (c.length === 1 && c < '\x80' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : /\p{L}/u.test(c));

/** go-yaml v2's keyList.Less */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] ?? '';
    const bc = br[i] ?? '';
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] ?? ''); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai] ?? ''); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi] ?? ''); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return ar.length < br.length;
}

export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

const BOOL_OR_NULL = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  '~',
  'null',
  'Null',
  'NULL',
  '',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '.nan',
  '.NaN',
  '.NAN',
  '<<',
]);

function looksLikeNumber(s: string): boolean {
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0b[01]+|0x[0-9a-fA-F]+|0o?[0-7]+|\d+)$/.test(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  return /^[-+]?\d+(:[0-5]?\d)+(\.\d*)?$/.test(plain);
}

function looksLikeTimestamp(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(s);
}

/** Would the plain scalar read back as something other than this string? */
function resolvesToNonString(s: string): boolean {
  if (BOOL_OR_NULL.has(s)) return true;
  const c = s[0] ?? '';
  if (isDigit(c) || c === '+' || c === '-' || c === '.') return looksLikeNumber(s) || looksLikeTimestamp(s);
  return false;
}

/** libyaml's analysis: may this string be written plain in block context? */
function plainAllowed(s: string): boolean {
  if (s.length === 0) return false;
  if (/^[\s]|[\s]$/.test(s)) return false;
  const first = s[0] ?? '';
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (s.length === 1 || /\s/.test(s[1] ?? ''))) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Folds a plain scalar at spaces once the column passes 80, as go-yaml's emitter does. */
function foldPlain(s: string, startColumn: number, indent: number): string {
  let out = '';
  let column = startColumn;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === ' ' && column > 80 && i > 0 && i < s.length - 1 && s[i + 1] !== ' ' && s[i - 1] !== ' ') {
      out += `\n${' '.repeat(indent)}`;
      column = indent;
      continue;
    }
    out += ch;
    column++;
  }
  return out;
}

function scalar(value: string | number | boolean | null, column: number, indent: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (value.includes('\n')) return literal(value, indent);
  if (resolvesToNonString(value)) return doubleQuoted(value);
  if (plainAllowed(value)) return foldPlain(value, column, indent);
  if (/[\u0000-\u001f\u007f]/.test(value)) return doubleQuoted(value);
  return `'${foldPlain(value.replace(/'/g, "''"), column + 1, indent)}'`;
}

function literal(value: string, indent: number): string {
  const trailing = value.match(/\n*$/)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const leadingSpace = value.startsWith(' ') ? String(2) : '';
  const body = trailing === 0 ? value : value.slice(0, value.length - trailing) + '\n'.repeat(trailing - 1);
  const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l));
  return `|${leadingSpace}${chomp}\n${lines.join('\n')}`;
}

const isMap = (v: JsonValue): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

function emitMap(map: { [key: string]: JsonValue }, indent: number, firstLinePrefix: string | undefined): string[] {
  const lines: string[] = [];
  const keys = sortYamlKeys(Object.keys(map));
  keys.forEach((key, index) => {
    const value = map[key] as JsonValue;
    const pad = index === 0 && firstLinePrefix !== undefined ? firstLinePrefix : ' '.repeat(indent);
    const keyText = scalarKey(key);
    if (isMap(value) && Object.keys(value).length > 0) {
      lines.push(`${pad}${keyText}:`);
      append(lines, emitMap(value, indent + 2, undefined));
    } else if (Array.isArray(value) && value.length > 0) {
      lines.push(`${pad}${keyText}:`);
      append(lines, emitSeq(value, indent));
    } else {
      const prefix = `${pad}${keyText}: `;
      lines.push(prefix + inlineValue(value, prefix.length, indent + 2));
    }
  });
  return lines;
}

function scalarKey(key: string): string {
  if (resolvesToNonString(key) || !plainAllowed(key)) return key === '' ? '""' : resolvesToNonString(key) ? doubleQuoted(key) : `'${key.replace(/'/g, "''")}'`;
  return key;
}

function inlineValue(value: JsonValue, column: number, indent: number): string {
  if (isMap(value)) return '{}';
  if (Array.isArray(value)) return '[]';
  return scalar(value, column, indent);
}

function emitSeq(items: JsonValue[], indent: number): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  for (const item of items) {
    if (isMap(item) && Object.keys(item).length > 0) {
      append(lines, emitMap(item, indent + 2, `${pad}- `));
    } else if (Array.isArray(item) && item.length > 0) {
      const nested = emitSeq(item, indent + 2);
      const first = nested[0] ?? '';
      lines.push(`${pad}- ${first.trimStart()}`, ...nested.slice(1));
    } else {
      lines.push(`${pad}- ${inlineValue(item, indent + 2, indent + 2)}`);
    }
  }
  return lines;
}

/** The whole document, ending with a newline. */
export function toGoYaml(value: JsonValue): string {
  if (isMap(value)) return Object.keys(value).length === 0 ? '{}\n' : `${emitMap(value, 0, undefined).join('\n')}\n`;
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : `${emitSeq(value, 0).join('\n')}\n`;
  return `${scalar(value, 0, 0)}\n`;
}
