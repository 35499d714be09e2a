// A screen line as styled pieces. Steps, diagrams and prose all become Line[]; Ink draws them,
// `print` joins their text. Styles name what a piece is, never a colour.
import stringWidth from 'string-width';
import { NARROW } from './narrow.js';

export type Style =
  'plain' | 'heading' | 'dim' | 'code' | 'command' | 'border' | 'focus' | 'cursor' | 'good' | 'bad' | 'nodePort' | 'port' | 'targetPort' | 'containerPort';

export interface Segment {
  readonly text: string;
  readonly style: Style;
}

export type Line = readonly Segment[];

export const seg = (text: string, style: Style = 'plain'): Segment => ({ text, style });
export const line = (text: string, style: Style = 'plain'): Line => (text ? [seg(text, style)] : []);
export const blank: Line = [];

export const isNarrow = (text: string): boolean => NARROW.test(text);
export const width = (text: string): number => (NARROW.test(text) ? text.length : stringWidth(text));
export const lineWidth = (l: Line): number => l.reduce((n, s) => n + width(s.text), 0);
export const lineText = (l: Line): string => l.map((s) => s.text).join('');

export function padTo(l: Line, columns: number): Line {
  const missing = columns - lineWidth(l);
  return missing > 0 ? [...l, seg(' '.repeat(missing))] : l;
}

export function indent(lines: readonly Line[], by: number): Line[] {
  const pad = seg(' '.repeat(by));
  return lines.map((l) => (l.length ? [pad, ...l] : l));
}

/** Cuts a line to at most `columns` display columns (the screen never wraps what we draw). */
export function clip(l: Line, columns: number): Line {
  // Most lines fit: they come back as they are, with nothing copied.
  if (lineWidth(l) <= columns) return l;
  const out: Segment[] = [];
  let used = 0;
  for (const s of l) {
    const w = width(s.text);
    if (used + w <= columns) {
      out.push(s);
      used += w;
      continue;
    }
    let text = '';
    for (const ch of s.text) {
      if (used + width(text + ch) > columns) break;
      text += ch;
    }
    if (text) out.push(seg(text, s.style));
    break;
  }
  return out;
}
