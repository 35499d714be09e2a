// Label selectors as `-l` takes them: a=b, a==b, a!=b, a, !a, a in (x,y), a notin (x).

import type { Labels } from '../cluster/index.js';

export type Requirement =
  | { readonly op: 'eq' | 'neq'; readonly key: string; readonly value: string }
  | { readonly op: 'exists' | 'notexists'; readonly key: string }
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] };

export type SelectorResult = { readonly ok: true; readonly requirements: Requirement[] } | { readonly ok: false; readonly error: string };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function parseSelector(text: string): SelectorResult {
  const requirements: Requirement[] = [];
  if (text.trim() === '') return { ok: true, requirements };
  for (const raw of splitTopLevel(text)) {
    const part = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      requirements.push({ op: m[2] === 'in' ? 'in' : 'notin', key: m[1] ?? '', values: (m[3] ?? '').split(',').map((v) => v.trim()) });
    } else if ((m = part.match(/^([^\s!=(),]+)\s*!=\s*([^\s!=(),]*)$/))) {
      requirements.push({ op: 'neq', key: m[1] ?? '', value: m[2] ?? '' });
    } else if ((m = part.match(/^([^\s!=(),]+)\s*==?\s*([^\s!=(),]*)$/))) {
      requirements.push({ op: 'eq', key: m[1] ?? '', value: m[2] ?? '' });
    } else if ((m = part.match(/^!\s*([^\s!=(),]+)$/))) {
      requirements.push({ op: 'notexists', key: m[1] ?? '' });
    } else if ((m = part.match(/^([^\s!=(),]+)$/))) {
      requirements.push({ op: 'exists', key: m[1] ?? '' });
    } else {
      return { ok: false, error: `unable to parse requirement: found '${part}', expected: identifier` };
    }
  }
  return { ok: true, requirements };
}

export function selectorMatches(requirements: readonly Requirement[], labels: Labels): boolean {
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    switch (r.op) {
      case 'eq':
        return has && value === r.value;
      case 'neq':
        return !has || value !== r.value;
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(value ?? '');
      case 'notin':
        return !has || !r.values.includes(value ?? '');
    }
  });
}
