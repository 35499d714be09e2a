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

const width = (text: string): number => [...text].length;

export function formatTabbed(text: string, options: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  const widths: number[] = [];
  const out: string[] = lines.map(() => '');

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      let row = '';
      cells.forEach((cell, j) => {
        row += cell;
        if (j < cells.length - 1 && j < widths.length) row += ' '.repeat(Math.max(0, (widths[j] ?? 0) - width(cell)));
      });
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
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** A table for `kubectl get`: rows of cells, joined with tabs and aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  return formatTabbed(rows.map((r) => r.join('\t')).join('\n') + '\n', GET_TABLE);
}
