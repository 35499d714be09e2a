// Breaking text at the right edge, as a terminal does when a program prints a long line: no word
// wrap, just the next row. Done here, once per line printed, because Ink's own word wrapping
// measures a long line again for every character and took seconds on a pasted 20,000-character one.
import { isNarrow, width } from './line.js';

// string-width builds its emoji pattern on every call; a line repeats the same few characters.
const widths = new Map<string, number>();
function segmentWidth(segment: string): number {
  let w = widths.get(segment);
  if (w === undefined) {
    w = width(segment);
    if (widths.size < 4096) widths.set(segment, w);
  }
  return w;
}

/** `text` as rows of at most `columns` display columns; the first row has `first` columns fewer. */
export function hardWrap(text: string, columns: number, first = 0): string[] {
  const room = Math.max(1, columns);
  const rows: string[] = [];
  let available = Math.max(1, room - first);
  for (const source of text.split('\n')) {
    if (isNarrow(source)) {
      // One column a character: cut by length.
      rows.push(source.slice(0, available));
      for (let at = available; at < source.length; at += room) rows.push(source.slice(at, at + room));
      available = room;
      continue;
    }
    let row = '';
    let used = 0;
    // By code point, not grapheme: Intl.Segmenter costs microseconds a character. A mark of no
    // width (combining accent, joiner, variation selector) stays with the character before it.
    for (const segment of source) {
      const w = segmentWidth(segment);
      if (w > 0 && used + w > available && row !== '') {
        rows.push(row);
        available = room;
        row = '';
        used = 0;
      }
      row += segment;
      used += w;
    }
    rows.push(row);
    available = room;
  }
  return rows;
}

/**
 * One logical line of plain text as rows of at most `columns`, broken between words; rows after
 * the first are indented to where the line's text starts after its label (`  flavour     kind`).
 */
export function foldLine(text: string, columns: number): string[] {
  if (width(text) <= columns) return [text];
  const label = /^(\s*\S+\s{2,})/.exec(text)?.[1] ?? /^(\s*)/.exec(text)?.[1] ?? '';
  const hang = label.length < columns / 2 ? ' '.repeat(label.length) : '';
  const rows: string[] = [];
  let row = '';
  for (const word of text.slice(label.length).split(' ')) {
    const start = rows.length === 0 && row === '' ? label : row === '' ? hang : '';
    const next = row === '' ? `${start}${word}` : `${row} ${word}`;
    if (row !== '' && width(next) > columns) {
      rows.push(row);
      row = `${hang}${word}`;
    } else row = next;
  }
  if (row !== '') rows.push(row);
  return rows.flatMap((r) => (width(r) > columns ? hardWrap(r, columns) : [r]));
}
