// The lower half of a practice step: the commands the learner ran here, their output, the prompt.
import { currentPractice, currentStep, type NavState } from '../../core/course/navigation.js';
import type { Entry } from '../../core/course/practice.js';
import { hardWrap, outputWrap } from '../../text/code.js';
import { wrap } from '../../text/wrap.js';
import { visibleLine } from '../../core/shell/line-editor.js';
import { line, seg, width, type Line } from '../../text/line.js';
import { ownKubectlLines } from './own-kubectl.js';
import { realPromptLine } from './real-cluster.js';

/** How long a command kept the learner waiting before it gave up (curl's time-out), in ms. */
export function waitOf(entry: Entry | undefined): number | null {
  if (!entry || entry.request?.outcome !== 'timeout') return null;
  const m = /\(28\)[^\n]*after (\d+) (?:milliseconds|ms)/.exec(entry.output);
  return m ? Number(m[1]) : null;
}

/**
 * `waiting`: seconds left of the last command's wait; its output shows when the wait is over.
 * `ownFolded`: the own-kubectl panel takes only its line to paste (a short window).
 */
export function terminalLines(
  state: NavState,
  entries: readonly Entry[],
  columns: number,
  goalMet: boolean,
  waiting: number | null = null,
  ownFolded = false,
): Line[] {
  const out: Line[] = [];
  for (const [i, entry] of entries.entries()) {
    out.push(...hardWrap(`$ ${entry.line}`, columns).map((piece) => [seg(piece, 'command')]));
    if (waiting !== null && i === entries.length - 1) {
      out.push(...outputWrap(`waiting for an answer... ${waiting} s (any key stops waiting)`, columns).map((piece) => line(piece, 'focus')));
      out.push(promptLine(state, columns));
      return out;
    }
    for (const text of entry.output.replace(/\n$/, '').split('\n')) {
      if (entry.output === '') break;
      out.push(...outputWrap(text, columns).map((piece) => line(piece)));
    }
  }
  if (state.prompt.candidates.length > 0) out.push(line(state.prompt.candidates.join('  '), 'dim'));
  out.push(...ownKubectlLines(state, columns, ownFolded));
  if (goalMet) out.push(line('✓ Goal reached. Press Enter on the empty prompt to go on.', 'good'));
  out.push(promptLine(state, columns));
  // Close but not it: one line under the prompt on what the last command missed.
  const here = currentStep(state);
  const miss = here && !goalMet ? currentPractice(state)?.nearMiss?.[here.step.id] : undefined;
  if (miss) out.push(...wrap(`↳ ${miss}`, columns, 'bad', 2));
  return out;
}

function promptLine(state: NavState, columns: number): Line {
  const real = realPromptLine(state.real, columns);
  if (real) return real;
  if (state.focus === 'page') return [seg('$ ', 'dim'), seg('(lesson keys: i to type again)', 'dim')];
  // Keep the cursor in view on a line longer than the window.
  const { before, at, after } = visibleLine(state.prompt.editor, columns - 3, width);
  return [seg('$ ', 'command'), seg(before), seg(at, 'cursor'), seg(after)];
}
