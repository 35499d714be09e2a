// Where a window of lesson text may end: never inside a `$ ` command wrapped over several rows,
// whose first part alone reads as a whole command. The rows of such a command go below the fold
// together, unless the command is taller than the window.
import type { Line } from './line.js';

/** The first row of a wrapped `$ ` command (prose.ts): `$ ` then the command's words. */
const startsCommand = (row: Line | undefined): boolean => row?.[0]?.text === '$ ' && row[0].style === 'dim' && row[1]?.style === 'command';

/** A row that goes on with the command above it: its hanging indent, then the command's words. */
const continuesCommand = (row: Line | undefined): boolean =>
  row !== undefined && row.length >= 2 && row[0]!.style === 'plain' && row[0]!.text.trim() === '' && row[1]!.style === 'command';

/**
 * How many of the `height` rows from `offset` to show: all of them, or fewer when the row after
 * the last would go on with a command that starts in the window, so that command is shown whole
 * on the next page instead of cut.
 */
export function rowsBeforeFold(lines: readonly Line[], offset: number, height: number): number {
  const end = offset + height;
  if (end >= lines.length || !continuesCommand(lines[end])) return height;
  let start = end - 1;
  while (start > offset && !startsCommand(lines[start]) && continuesCommand(lines[start])) start--;
  if (!startsCommand(lines[start]) || start <= offset) return height;
  return start - offset;
}
