// A lesson step on screen: where you are, the step's lines in a scrolled window, the keys.
import { currentTrace, goalMet, stepKey, type NavState } from '../../core/course/navigation.js';
import { traceLines } from './trace.js';
import { terminalLines } from './practice.js';
import { blank, line, seg, type Line } from '../../text/line.js';
import { quizLines } from './quiz.js';
import { goalLines, renderStep } from '../../text/step.js';
import { wrap } from '../../text/wrap.js';
import type { Display } from '../display.js';
import { contextOf } from '../keymap.js';
import type { Size } from '../use-terminal-size.js';
import { hints, unsavedMark, rule, spread } from './frame.js';
import type { Frame } from './home.js';
import { getOwn } from '../../core/own.js';

export function lessonFrame(state: NavState, size: Size, display: Display): Frame {
  const { columns, rows } = size;
  if (state.screen.kind !== 'lesson') return { lines: [], metrics: { page: 1, maxScroll: 0 } };
  const { lessons } = state.course;
  const lesson = lessons[state.screen.lesson];
  const step = lesson?.steps[state.screen.step];
  if (!lesson || !step) return { lines: [], metrics: { page: 1, maxScroll: 0 } };
  const key = stepKey(lesson, state.screen.step);

  const total = lesson.steps.length;
  const dots = display.plain ? '' : `  ${'●'.repeat(state.screen.step + 1)}${'○'.repeat(total - state.screen.step - 1)}`;
  const left: Line = [seg(`Lesson ${state.screen.lesson + 1}/${lessons.length} `, 'dim'), seg(lesson.title, 'heading')];
  const where = seg(`step ${state.screen.step + 1}/${total}`, 'dim');
  // In a narrow window the dots go first, then the step count; a save problem stays in view.
  const mark = state.unsaved ? [...unsavedMark(state), seg(' · ', 'dim')] : [];
  const header = [
    [...mark, where, seg(dots, 'focus')],
    [...mark, where],
    unsavedMark(state),
  ].map((right) => spread(left, right, columns)).find((l) => l !== left) ?? left;
  const title = line(step.title, 'heading');
  const notice = state.notice ? wrap(state.notice, columns, 'good').slice(0, 2) : [];

  const practice = getOwn(state.practice, lesson.id);
  const entries = getOwn(practice?.entries, step.id) ?? [];
  const rendered = renderStep(step, {
    columns,
    plain: display.plain,
    field: state.field[key] ?? 0,
    interactive: true,
    ...(practice ? { cluster: practice.shell.cluster, attempts: entries, hintsShown: getOwn(practice.hints, step.id) ?? 0 } : {}),
  });
  const quiz = step.kind === 'quiz' ? quizLines(state, columns, display.plain) : null;
  const traced = step.kind === 'trace' ? traceLines(state, columns, display.plain) : null;
  // Once the learner is following the trace, the window follows it too (the introduction may be long).
  const following = (() => {
    const t = currentTrace(state);
    return t !== null && (t.started || state.playing);
  })();
  const traceStart = rendered.lines.length + 1;
  const body = traced
    ? {
        lines: [...rendered.lines, blank, ...traced.lines],
        ...(following ? { focus: { from: traceStart, to: traceStart + traced.lines.length - 1 } } : {}),
      }
    : quiz
    ? {
        lines: [...rendered.lines, blank, ...quiz.lines],
        ...(quiz.focus === undefined ? {} : { focus: { from: rendered.lines.length + 1 + quiz.focus, to: rendered.lines.length + 1 + quiz.focus } }),
      }
    : rendered;
  const room = Math.max(1, rows - 1 - 3 - notice.length - 1);
  // A practice step shares the window: instructions above, its terminal below.
  const terminal = step.kind === 'do' ? terminalLines(state, entries, columns, goalMet(state)) : [];
  const terminalRows = terminal.length === 0 ? 0 : Math.min(terminal.length, Math.max(5, Math.floor(room * 0.5)));
  // The goal stays in view above the terminal, whatever the instructions' scroll.
  const goal = step.kind === 'do' && practice ? goalLines(step, { columns, plain: display.plain, cluster: practice.shell.cluster, attempts: entries }) : [];
  const pinned = goal.length ? goal.slice(0, Math.max(2, Math.floor(room / 4))) : [];
  const height = Math.max(1, room - (terminalRows ? terminalRows + 1 : 0) - (pinned.length ? pinned.length + 1 : 0));
  const maxScroll = Math.max(0, body.lines.length - height);
  let offset = Math.min(state.scroll[key] ?? 0, maxScroll);
  if (body.focus) {
    // Bring the range into view; when it is taller than the window, its top wins.
    if (body.focus.to >= offset + height) offset = Math.min(maxScroll, body.focus.to - height + 1);
    if (body.focus.from < offset) offset = body.focus.from;
  }
  const visible = body.lines.slice(offset, offset + height);
  const more = maxScroll === 0 ? '' : offset >= maxScroll ? 'end' : `↓ more ${Math.round((offset / maxScroll) * 100)}%`;
  // On a trace's last stop → goes on to the next step, and there is nothing left to play.
  const traceView = currentTrace(state)?.view;
  const atLastStop = traced !== null && traceView !== undefined && traceView.at >= traced.stops - 1;
  const footer = hints(contextOf(state), columns, line(more, 'focus'), atLastStop ? { '→ next hop': '→ next step', 'a play': '' } : {});

  const goalBlock = pinned.length ? [[] as Line, ...pinned] : [];
  const below = terminalRows ? [...goalBlock, rule(columns, display.plain), ...terminal.slice(terminal.length - terminalRows)] : [];
  return {
    lines: [header, title, rule(columns, display.plain), ...visible, ...fill(height - visible.length), ...below, ...notice, footer],
    metrics: {
      page: Math.max(1, height - 1),
      maxScroll,
      ...(traced ? { stops: traced.stops } : {}),
    },
  };
}

const fill = (n: number): Line[] => new Array<Line>(Math.max(0, n)).fill(blank);
