// The lower half of a practice step: the commands the learner ran here, their output, the prompt.
import type { NavState } from '../../core/course/navigation.js';
import type { Entry } from '../../core/course/practice.js';
import { hardWrap, outputWrap } from '../../text/code.js';
import { visibleLine } from '../../core/shell/line-editor.js';
import { line, seg, width, type Line } from '../../text/line.js';

export function terminalLines(state: NavState, entries: readonly Entry[], columns: number, goalMet: boolean): Line[] {
  const out: Line[] = [];
  for (const entry of entries) {
    out.push(...hardWrap(`$ ${entry.line}`, columns).map((piece) => [seg(piece, 'command')]));
    for (const text of entry.output.replace(/\n$/, '').split('\n')) {
      if (entry.output === '') break;
      out.push(...outputWrap(text, columns).map((piece) => line(piece)));
    }
  }
  if (state.prompt.candidates.length > 0) out.push(line(state.prompt.candidates.join('  '), 'dim'));
  if (goalMet) out.push(line('✓ Goal reached. Press Enter on the empty prompt to go on.', 'good'));
  out.push(promptLine(state, columns));
  return out;
}

function promptLine(state: NavState, columns: number): Line {
  if (state.focus === 'page') return [seg('$ ', 'dim'), seg('(lesson keys: i to type again)', 'dim')];
  // Keep the cursor in view on a line longer than the window.
  const { before, at, after } = visibleLine(state.prompt.editor, columns - 3, width);
  return [seg('$ ', 'command'), seg(before), seg(at, 'cursor'), seg(after)];
}
