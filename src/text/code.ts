// Code and YAML as lines: hard-wrapped (never reflowed), optionally numbered.
import { seg, width, type Line } from './line.js';

/** Breaks one source line into pieces of at most `columns`, continuation pieces marked with ↪. */
export function hardWrap(text: string, columns: number): string[] {
  const limit = Math.max(4, columns);
  if (width(text) <= limit) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    if (width(current + ch) > limit - (pieces.length ? 2 : 0)) {
      pieces.push(pieces.length ? `↪ ${current}` : current);
      current = '';
    }
    current += ch;
  }
  pieces.push(pieces.length ? `↪ ${current}` : current);
  return pieces;
}

export function codeLines(code: string, columns: number): Line[] {
  return code
    .trimEnd()
    .split('\n')
    .flatMap((l) => hardWrap(l, columns).map((piece) => [seg(piece, 'code')]));
}
