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

/** The footer: each binding's short hint; `instead` replaces a hint (by its text), or drops it with ''. */
export function hints(context: Context, columns: number, extra: Line = [], instead: Readonly<Record<string, string>> = {}): Line {
  const all = bindingsFor(context)
    .flatMap((b) => (b.hint ? [instead[b.hint] ?? b.hint] : []))
    .filter((hint) => hint !== '');
  // Whole hints only: those that do not fit beside `extra` are left out (? lists every key).
  const room = columns - lineWidth(extra) - (lineWidth(extra) ? 1 : 0);
  let text = '';
  for (const hint of all) {
    const next = text ? `${text} · ${hint}` : hint;
    if (lineWidth([seg(next)]) > room) break;
    text = next;
  }
  return spread(line(text, 'dim'), extra, columns);
}
