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

/**
 * A line a command printed, broken to the window as a terminal would, but at a space when one is
 * near the edge, so words stay whole; a piece that goes on from the row above is marked with ↪.
 */
export function outputWrap(text: string, columns: number): string[] {
  const limit = Math.max(8, columns);
  if (text.length <= limit && width(text) <= limit) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest !== '') {
    const room = limit - (pieces.length ? 2 : 0);
    let cut = 0;
    let used = 0;
    for (const ch of rest) {
      const w = width(ch);
      if (used + w > room) break;
      used += w;
      cut += ch.length;
    }
    if (cut >= rest.length) {
      pieces.push(rest);
      break;
    }
    const space = rest.lastIndexOf(' ', cut);
    if (space > cut / 2) cut = space + 1;
    pieces.push(rest.slice(0, Math.max(1, cut)).trimEnd());
    rest = rest.slice(Math.max(1, cut));
  }
  return pieces.map((p, i) => (i === 0 ? p : `↪ ${p}`));
}
