// Faster stand-ins for two helpers Ink calls for every cell of every frame. The build
// (scripts/build.mjs) puts them between Ink and the originals; each returns exactly what the
// original returns, which test/ui/ink-fast-paths.test.ts checks against the originals.
// On a lesson step they halve the CPU of a key press and the garbage it leaves (bench/README.md).
import { NARROW } from '../text/narrow.js';

/** The parts of @alcalzone/ansi-tokenize's styled character that turning cells into text reads. */
export interface StyledCell {
  readonly type: 'char';
  readonly value: string;
  readonly fullWidth: boolean;
  readonly styles: readonly { readonly code: string; readonly endCode: string }[];
}

const sameStyles = (a: StyledCell['styles'], b: StyledCell['styles']): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]?.code !== b[i]?.code || a[i]?.endCode !== b[i]?.endCode) return false;
  }
  return true;
};

/**
 * Joins neighbouring cells that carry the same styles into one. styledCharsToString writes, between
 * two cells, the escape codes that turn the first cell's styles into the second's: nothing when
 * they are the same. It builds three Sets and five arrays to find that out, for each of the
 * 4,800 cells of a 120x40 frame; given the joined runs it writes the same text.
 */
export function joinStyleRuns<T extends StyledCell>(cells: readonly T[]): StyledCell[] {
  const runs: StyledCell[] = [];
  let run: { type: 'char'; value: string; fullWidth: boolean; styles: StyledCell['styles'] } | undefined;
  for (const cell of cells) {
    if (run && sameStyles(run.styles, cell.styles)) {
      run.value += cell.value;
    } else {
      run = { type: 'char', value: cell.value, fullWidth: false, styles: cell.styles };
      runs.push(run);
    }
  }
  return runs;
}

type StringWidth = (text: string, options?: object) => number;

/**
 * string-width with a shortcut for narrow text (text/narrow.ts). Past ASCII, string-width segments
 * graphemes and tests each one against /^\p{RGI_Emoji}$/v, whose first use compiles a regular
 * expression of several thousand sequences: about 6 MiB of memory for a moment at the first frame,
 * for box drawing and bullets that are one column each.
 */
export function withNarrowShortcut(stringWidth: StringWidth, stripAnsi: (text: string) => string): StringWidth {
  return (text, options) => {
    // Options (ambiguous characters as wide, escape codes counted) change the answer: no shortcut.
    if (options === undefined && typeof text === 'string') {
      const plain = text.includes('\x1b') || text.includes('\x9b') ? stripAnsi(text) : text;
      if (NARROW.test(plain)) return plain.length;
    }
    return stringWidth(text, options);
  };
}
