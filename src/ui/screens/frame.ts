// Pieces every screen shares: a rule, a header with text at both ends, the footer of key hints.
import { bindingsFor, type Context } from '../keymap.js';
import { line, lineWidth, seg, type Line, type Segment } from '../../text/line.js';

export const rule = (columns: number, plain: boolean): Line => [seg((plain ? '-' : '─').repeat(columns), 'border')];

/** Said in every header while progress cannot be saved: the notice alone goes with the next step. */
export const unsavedMark = (state: { readonly unsaved: boolean }): Segment[] => (state.unsaved ? [seg('progress not saved', 'bad')] : []);

export function spread(left: Line, right: Line, columns: number): Line {
  const gap = columns - lineWidth(left) - lineWidth(right);
  return gap >= 1 ? [...left, seg(' '.repeat(gap)), ...right] : left;
}

/**
 * The footer: each binding's short hint; `instead` replaces a hint (by its text), or drops it with
 * ''; a hint in `keep` (by its text after `instead`) is never the one dropped for room.
 */
export function hints(context: Context, columns: number, extra: Line = [], instead: Readonly<Record<string, string>> = {}, keep: readonly string[] = []): Line {
  const all = bindingsFor(context)
    .flatMap((b) => (b.hint ? [instead[b.hint] ?? b.hint] : []))
    .filter((hint) => hint !== '');
  // Whole hints only. When they do not all fit, the hints before the last two go first (the way
  // out and the list of every key stay), keeping the first; then `extra`; then the rest.
  const joined = (list: readonly string[]) => list.join(' · ');
  const fitsIn = (list: readonly string[], room: number) => lineWidth([seg(joined(list))]) <= room;
  // The place of the hint to drop next: the last one before the final two (from `lowest` on) not kept.
  const dropAt = (list: readonly string[], lowest: number): number => {
    for (let i = list.length - 3; i >= lowest; i--) if (!keep.includes(list[i]!)) return i;
    return -1;
  };
  const beside = columns - lineWidth(extra) - 1;
  const short = [...all];
  for (let i = dropAt(short, 1); i >= 0 && !fitsIn(short, beside); i = dropAt(short, 1)) short.splice(i, 1);
  if (fitsIn(short, beside)) return spread(line(joined(short), 'dim'), extra, columns);
  const kept = [...all];
  for (let i = dropAt(kept, 0); i >= 0 && !fitsIn(kept, columns); i = dropAt(kept, 0)) kept.splice(i, 1);
  while (kept.length > 0 && !fitsIn(kept, columns)) kept.shift();
  return line(joined(kept), 'dim');
}
