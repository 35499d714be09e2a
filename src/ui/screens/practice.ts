// The lower half of a practice step: the commands the learner ran here, their output, the prompt.
import type { NavState } from '../../core/course/navigation.js';
import type { Entry } from '../../core/course/practice.js';
import { hardWrap } from '../../text/code.js';
import { line, seg, type Line } from '../../text/line.js';

export function terminalLines(state: NavState, entries: readonly Entry[], columns: number, goalMet: boolean): Line[] {
  const out: Line[] = [];
  for (const entry of entries) {
    out.push(...hardWrap(`$ ${entry.line}`, columns).map((piece) => [seg(piece, 'command')]));
    for (const text of entry.output.replace(/\n$/, '').split('\n')) {
      if (entry.output === '') break;
      out.push(...hardWrap(text, columns).map((piece) => line(piece)));
    }
  }
  if (state.prompt.candidates.length > 0) out.push(line(state.prompt.candidates.join('  '), 'dim'));
  if (goalMet) out.push(line('✓ Goal reached. Press Enter on the empty prompt to go on.', 'good'));
  out.push(promptLine(state, columns));
  return out;
}

function promptLine(state: NavState, columns: number): Line {
  const { text, cursor } = state.prompt.editor;
  if (state.focus === 'page') return [seg('$ ', 'dim'), seg('(lesson keys: i to type again)', 'dim')];
  // Keep the cursor in view on a line longer than the window.
  const room = Math.max(10, columns - 3);
  const start = Math.max(0, cursor - room + 1);
  const shown = text.slice(start, start + room);
  const at = cursor - start;
  return [seg('$ ', 'command'), seg(shown.slice(0, at)), seg(shown[at] ?? ' ', 'cursor'), seg(shown.slice(at + 1))];
}
