// Word-wrapping styled text to a width, keeping each word's style.
import { seg, width, type Line, type Segment, type Style } from './line.js';

interface Word {
  readonly text: string;
  readonly style: Style;
  /** True when a space came before this word in the source. */
  readonly spaced: boolean;
}

/** Splits prose into words, with `code` spans kept as code. */
export function words(text: string, style: Style = 'plain'): Word[] {
  const out: Word[] = [];
  const parts = text.split(/(`[^`]*`)/);
  let spaced = false;
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) {
      const code = part.slice(1, -1);
      // Code spans break only at their own spaces.
      code.split(' ').forEach((piece, i) => {
        if (piece) out.push({ text: piece, style: 'code', spaced: i > 0 || spaced });
      });
      spaced = false;
      continue;
    }
    const pieces = part.split(/(\s+)/);
    for (const piece of pieces) {
      if (!piece) continue;
      if (/^\s+$/.test(piece)) {
        spaced = true;
        continue;
      }
      out.push({ text: piece, style, spaced });
      spaced = false;
    }
  }
  return out;
}

/** Breaks a word longer than the width into pieces that fit. */
function breakLong(word: Word, columns: number): Word[] {
  if (width(word.text) <= columns) return [word];
  const pieces: Word[] = [];
  let current = '';
  for (const ch of word.text) {
    if (width(current + ch) > columns) {
      pieces.push({ ...word, text: current, spaced: pieces.length === 0 ? word.spaced : false });
      current = '';
    }
    current += ch;
  }
  if (current) pieces.push({ ...word, text: current, spaced: pieces.length === 0 ? word.spaced : false });
  return pieces;
}

/** Wraps words into lines of at most `columns`; later lines start with `hang` spaces. */
export function wrapWords(list: readonly Word[], columns: number, hang = 0): Line[] {
  const lines: Segment[][] = [];
  let current: Segment[] = [];
  let used = 0;
  const limit = Math.max(1, columns);
  let lineStart = true;
  // Words written without a space between them (`code`, then a comma) move to a new line together.
  const units: Word[][] = [];
  for (const word of list) {
    const unit = units[units.length - 1];
    if (unit && !word.spaced) unit.push(word);
    else units.push([word]);
  }
  for (const unit of units) {
    const unitWidth = unit.reduce((n, w) => n + width(w.text), 0);
    const gapBefore = current.length > 0 && unit[0]!.spaced ? 1 : 0;
    if (current.length > 0 && used + gapBefore + unitWidth > limit && unitWidth <= limit - hang) {
      lines.push(current);
      current = hang ? [seg(' '.repeat(hang))] : [];
      used = hang;
      lineStart = true;
    }
    for (const word of unit.flatMap((w) => breakLong(w, Math.max(1, limit - hang)))) {
      const gap = !lineStart && current.length > 0 && word.spaced ? 1 : 0;
      lineStart = false;
      const w = width(word.text);
      if (current.length > 0 && used + gap + w > limit) {
        lines.push(current);
        current = hang ? [seg(' '.repeat(hang))] : [];
        used = hang;
      } else if (gap) {
        current.push(seg(' '));
        used += 1;
      }
      const last = current[current.length - 1];
      if (last && last.style === word.style && !gap && current.length > (hang ? 1 : 0)) {
        current[current.length - 1] = seg(last.text + word.text, word.style);
      } else {
        current.push(seg(word.text, word.style));
      }
      used += w;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

export function wrap(text: string, columns: number, style: Style = 'plain', hang = 0): Line[] {
  return wrapWords(words(text, style), columns, hang);
}
