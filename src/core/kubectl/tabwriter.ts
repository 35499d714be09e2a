// Go's text/tabwriter (elastic tabstops), as kubectl uses it: cells end at a tab,
// the text after a line's last tab is not part of any column, and a column's
// width is decided over a block of consecutive lines that have that column.

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly tabwidth: number;
  readonly padding: number;
}

/** kubectl get: printers.GetNewTabWriter */
export const GET_TABLE: TabwriterOptions = { minwidth: 6, tabwidth: 4, padding: 3 };
/** kubectl describe: tabbedString */
export const DESCRIBE: TabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 2 };

/** The width of a cell: its code points, as `[...text].length` counts them (a lone surrogate is one). */
function width(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const SPACES: string[] = [];
function spaces(n: number): string {
  if (n <= 0) return '';
  return (SPACES[n] ??= ' '.repeat(n));
}

export function formatTabbed(text: string, options: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  return (
    layout(
      (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t')),
      options,
    ) + (endsWithNewline ? '\n' : '')
  );
}

/** The lines of cells laid out, joined with newlines (no newline after the last). */
function layout(lines: readonly (readonly string[])[], options: TabwriterOptions): string {
  const widths: number[] = [];
  const out: string[] = lines.map(() => '');

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      const last = cells.length - 1;
      let row = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j] ?? '';
        row += cell;
        if (j < last && j < widths.length) row += spaces((widths[j] ?? 0) - width(cell));
      }
      out[i] = row;
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue;
      writeLines(start, current);
      start = current;
      let w = options.minwidth;
      for (; current < line1; current++) {
        const cells = lines[current] ?? [];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column] ?? '') + options.padding);
      }
      widths.push(w);
      format(start, current);
      widths.pop();
      start = current;
      current--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** A table for `kubectl get`: rows of cells, joined with tabs and aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  // Cells are the lines' tab-separated fields, unless a cell holds a tab or a newline itself.
  if (rows.some((r) => r.some((cell) => cell.includes('\t') || cell.includes('\n')))) {
    return formatTabbed(rows.map((r) => r.join('\t')).join('\n') + '\n', GET_TABLE);
  }
  return layout(rows, GET_TABLE) + '\n';
}
