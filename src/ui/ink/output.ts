// Ink's Output (ink/build/output.js in Ink 6.8, MIT): the grid of styled cells a frame is drawn
// into, giving the same string for the same writes and clips. Ink builds a new one for every
// frame: an object for every cell of the screen, every line tokenized again, the styles of every
// pair of neighbouring cells compared through new sets. On a full screen that was most of what a
// key press cost, in time and in garbage. This one works out the same rows with less:
// - a row drawn by a single write (every row of a screen made of one Text per line) depends only
//   on the frame's width, where the line starts and the line itself, so it is remembered from
//   frame to frame: a key changes a few lines, and the others cost a lookup;
// - what a line tokenizes to, and widths, are remembered too;
// - empty cells share one frozen object;
// - a row becomes a string without comparing neighbours whose styles are the same.
// The bundle uses it in Ink's place (scripts/build.mjs); test/ui/ink-output.test.ts checks it
// against Ink's own.
import {
  ansiCodesToString,
  diffAnsiCodes,
  reduceAnsiCodesIncremental,
  styledCharsFromTokens,
  tokenize,
  type AnsiCode,
  type StyledChar,
} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { remember } from './remember.js';

type Transformer = (line: string, index: number) => string;

interface Clip {
  readonly x1: number | undefined;
  readonly x2: number | undefined;
  readonly y1: number | undefined;
  readonly y2: number | undefined;
}

type Operation =
  | { readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: readonly Transformer[] }
  | { readonly type: 'clip'; readonly clip: Clip }
  | { readonly type: 'unclip' };

const NO_STYLES: AnsiCode[] = Object.freeze([]) as unknown as AnsiCode[];
const EMPTY_CELL: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES });

// A line's cells, shared by every frame, so never changed: cells are replaced, not edited. They
// take about a hundred bytes a character, and are needed only when a row is drawn afresh. A row
// drawn by one write (every row of the course's screens: a Text a line) is remembered as a string
// (below), so its line's cells are worked out once and let go: kept, 64 lines of them held 1 MB of
// a 13 MB heap at the end of the whole course walked (bench/README.md, "Cells let go"). Only rows
// that several writes share, drawn again on every frame, keep their lines' cells.
export const LINES_KEPT = 64;
/** Rows drawn by one write, kept as strings: a dozen screens (4,096 held 0.9 MB). */
export const ROWS_KEPT = 512;
const cellsOf = (line: string): StyledChar[] => plainStyledChars(line) ?? styledCharsFromTokens(tokenize(line));
const styledChars = remember(cellsOf, LINES_KEPT);
const widthOf = remember((text) => stringWidth(text));
const widestLineOf = remember((text) => {
  let width = 0;
  for (const line of text.split('\n')) width = Math.max(width, widthOf(line));
  return width;
});

/** The tokens of one SGR sequence (`\x1b[1;36m` is two), as ansi-tokenize reads it. */
const sgrTokens = remember((code) => tokenize(code) as AnsiCode[], 512);

/** Where the SGR sequence (`\x1b[`, digits and semicolons, `m`) starting at `from` ends, or -1. */
function sgrEnd(line: string, from: number): number {
  if (line.charCodeAt(from + 1) !== 0x5b) return -1;
  for (let i = from + 2; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x6d) return i + 1;
    if (c !== 0x3b && (c < 0x30 || c > 0x39)) return -1;
  }
  return -1;
}

/**
 * styledCharsFromTokens(tokenize(line)) for the lines a course screen is made of: printable ASCII
 * and SGR colour and weight codes. Each ASCII character is a grapheme of its own, one column wide,
 * so the line is read by index, without ansi-tokenize's grapheme segmenter (an object and a string
 * a character, and a copy of the rest of the line at each code) and with one styles list shared by
 * the characters between two codes (cells are never edited). Any other line (links, wide or
 * combining characters, controls, a code that is not SGR) is null: ansi-tokenize reads it.
 */
function plainStyledChars(line: string): StyledChar[] | null {
  const chars: StyledChar[] = [];
  let styles: AnsiCode[] = NO_STYLES;
  for (let i = 0; i < line.length;) {
    const c = line.charCodeAt(i);
    if (c === 0x1b) {
      const end = sgrEnd(line, i);
      if (end === -1) return null;
      const tokens = sgrTokens(line.slice(i, end));
      for (let t = 0; t < tokens.length; t++) styles = reduceAnsiCodesIncremental(styles, [tokens[t]!]);
      i = end;
    } else if (c >= 0x20 && c <= 0x7e) {
      chars.push({ type: 'char', value: line[i]!, fullWidth: false, styles });
      i++;
    } else {
      return null;
    }
  }
  return chars;
}

/** A line to draw into a row, from column x, after clipping and transforming. */
interface Placement {
  readonly x: number;
  readonly line: string;
}

export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const rows: Placement[][] = Array.from({ length: this.height }, () => []);
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type === 'write') place(rows, operation, clips.at(-1));
    }
    const output = rows.map((row) => (row.length === 1 ? drawnAlone(this.width, row[0]!) : draw(this.width, row))).join('\n');
    return { output, height: rows.length };
  }
}

/** One write, as Ink does it: clipped, then transformed line by line into the rows it covers. */
function place(rows: Placement[][], operation: Extract<Operation, { type: 'write' }>, clip: Clip | undefined): void {
  const { text, transformers } = operation;
  let { x, y } = operation;
  let lines = text.split('\n');
  if (clip) {
    const { x1, x2, y1, y2 } = clip;
    const horizontal = typeof x1 === 'number' && typeof x2 === 'number';
    const vertical = typeof y1 === 'number' && typeof y2 === 'number';
    // Wholly outside the clip: nothing to draw.
    if (horizontal && (x + widestLineOf(text) < x1 || x > x2)) return;
    if (vertical && (y + lines.length < y1 || y > y2)) return;
    if (horizontal) {
      const left = x;
      lines = lines.map((line) => {
        const width = widthOf(line);
        return sliceAnsi(line, left < x1 ? x1 - left : 0, left + width > x2 ? x2 - left : width);
      });
      if (x < x1) x = x1;
    }
    if (vertical) {
      const height = lines.length;
      lines = lines.slice(y < y1 ? y1 - y : 0, y + height > y2 ? y2 - y : height);
      if (y < y1) y = y1;
    }
  }
  let offsetY = 0;
  for (const [index, original] of lines.entries()) {
    const row = rows[y + offsetY];
    // A line outside the grid is dropped, and (as in Ink) the lines after it move up into its row.
    if (!row) continue;
    const line = transformers.reduce((text, transformer) => transformer(text, index), original);
    row.push({ x, line });
    offsetY++;
  }
}

/**
 * A row as Ink draws it: a width of empty cells, each line's characters over them in turn; a row
 * of several writes takes its lines' cells from those kept, a row of one works them out.
 */
function draw(width: number, placements: readonly Placement[]): string {
  if (placements.length === 0) return '';
  const cells = new Array<StyledChar>(width).fill(EMPTY_CELL);
  const lineCells = placements.length === 1 ? cellsOf : styledChars;
  for (const { x, line } of placements) {
    let offsetX = x;
    for (const character of lineCells(line)) {
      cells[offsetX] = character;
      const characterWidth = Math.max(1, widthOf(character.value));
      // A wide character covers the cells after it.
      for (let n = 1; n < characterWidth; n++) cells[offsetX + n] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
      offsetX += characterWidth;
    }
  }
  return rowToString(cells.filter((cell) => cell !== undefined)).trimEnd();
}

const drawnRows = remember((key) => {
  // "width x line": the line is everything after the second space.
  const first = key.indexOf(' ');
  const second = key.indexOf(' ', first + 1);
  return draw(Number(key.slice(0, first)), [{ x: Number(key.slice(first + 1, second)), line: key.slice(second + 1) }]);
}, ROWS_KEPT);
const drawnAlone = (width: number, { x, line }: Placement): string => drawnRows(`${width} ${x} ${line}`);

/** How many lines' cells and drawn rows the frames keep between them (test/ui/ink-kept.test.ts). */
export const kept = (): { readonly lines: number; readonly rows: number } => ({ lines: styledChars.kept(), rows: drawnRows.kept() });

const sameStyles = (a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean =>
  a === b || (a.length === b.length && a.every((code, i) => code.code === b[i]!.code));

/**
 * ansi-tokenize's styledCharsToString, without the work for neighbours of the same style: their
 * difference is no codes at all, which the library finds through three new sets a cell.
 */
function rowToString(cells: readonly StyledChar[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i === 0) {
      if (cell.styles.length > 0) out += ansiCodesToString(cell.styles);
    } else {
      const before = cells[i - 1]!.styles;
      if (!sameStyles(before, cell.styles)) out += ansiCodesToString(diffAnsiCodes(before, cell.styles));
    }
    out += cell.value;
    if (i === cells.length - 1 && cell.styles.length > 0) out += ansiCodesToString(diffAnsiCodes(cell.styles, []));
  }
  return out;
}
