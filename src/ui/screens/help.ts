// The keys of the screen underneath, listed from the same bindings the router uses.
import type { NavState } from '../../core/course/navigation.js';
import { blank, line, seg, type Line } from '../../text/line.js';
import { wrap } from '../../text/wrap.js';
import type { Display } from '../display.js';
import { bindingsFor, contextOf } from '../keymap.js';
import type { Size } from '../use-terminal-size.js';
import { hints, rule } from './frame.js';
import type { Frame } from './home.js';

export function helpFrame(state: NavState, size: Size, display: Display): Frame {
  const underneath = contextOf({ ...state, help: false });
  const bindings = [...bindingsFor(underneath), ...bindingsFor('help').filter((b) => b.keys.includes('escape'))];
  const labelWidth = Math.max(...bindings.map((b) => b.label.length)) + 3;
  // Each key's words wrap beside its label, so a narrow window cuts none of them.
  const list: Line[] = bindings.flatMap((b) =>
    wrap(b.does, Math.max(1, size.columns - labelWidth)).map((words, i) => [seg((i === 0 ? b.label : '').padEnd(labelWidth), 'heading'), ...words]),
  );
  const room = Math.max(1, size.rows - 5);
  const maxScroll = Math.max(0, list.length - room);
  const from = Math.min(state.helpScroll ?? 0, maxScroll);
  return {
    lines: [line('Keys', 'heading'), rule(size.columns, display.plain), ...list.slice(from, from + room), blank, hints('help', size.columns)],
    metrics: { page: room, maxScroll },
  };
}
