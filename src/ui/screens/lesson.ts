// A lesson step on screen: where you are, the step's lines in a scrolled window, the keys.
import { attemptsIn, type LessonPractice } from '../../core/course/practice.js';
import { checkGoal, type Attempt } from '../../core/course/goals.js';
import { currentQuiz, currentTrace, goalMet, outputKey, stepKey, type NavState } from '../../core/course/navigation.js';
import type { Cluster } from '../../core/cluster/index.js';
import type { DoStep, Step } from '../../core/course/model.js';
import { fillFrom } from '../../text/step.js';
import { aheadCluster } from '../../text/replay.js';
import { quizPhase } from '../../core/quiz/index.js';
import { prose } from '../../text/prose.js';
import { traceLines } from './trace.js';
import { terminalLines } from './practice.js';
import { blank, line, lineWidth, seg, type Line } from '../../text/line.js';
import { quizLines } from './quiz.js';
import { goalLines, renderStep } from '../../text/step.js';
import { wrap } from '../../text/wrap.js';
import type { Display } from '../display.js';
import { contextOf } from '../keymap.js';
import type { Size } from '../use-terminal-size.js';
import { hints, unsavedMark, rule, spread } from './frame.js';
import type { Frame } from './home.js';
import { getOwn } from '../../core/own.js';
import { ownKubectlHere } from '../../core/course/own-kubectl.js';
import { ownKubectlTallest } from './own-kubectl.js';
import { worldOf } from '../../core/course/real-world.js';
import { realReachLines } from './real-cluster.js';
import { rowsBeforeFold } from '../../text/fold.js';

/** Whether a practice step's goal is met by what was done before the command still waiting. */
function metBefore(step: Step, practice: LessonPractice | undefined, attempts: readonly Attempt[]): boolean {
  return step.kind !== 'do' || !practice || checkGoal(step.goal, practice.shell.cluster, attempts).every((p) => p.met);
}

/** `waiting`: seconds left while a command (a curl that times out) keeps the learner waiting. */
export function lessonFrame(state: NavState, size: Size, display: Display, waiting: number | null = null): Frame {
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
  const header =
    [[...mark, where, seg(dots, 'focus')], [...mark, where], unsavedMark(state)].map((right) => spread(left, right, columns)).find((l) => l !== left) ?? left;
  const title = line(step.title, 'heading');
  const notice = state.notice ? wrap(state.notice, columns, 'good').slice(0, 2) : [];
  // Prose keeps a readable measure in a wide window; the output pane, header and footer use it all.
  const measure = Math.min(columns, MEASURE);

  const practice = getOwn(state.practice, lesson.id);
  const entries = getOwn(practice?.entries, step.id) ?? [];
  // While a command keeps the learner waiting, its answer is not shown yet, and the goal does not judge it yet.
  const attempts = practice ? (waiting === null ? attemptsIn(practice, step.id) : attemptsIn(practice, step.id).slice(0, -1)) : [];
  // Values the learner's cluster has not got yet read as they will be once the step is done.
  const ahead = practice ? aheadCluster(lesson, state.screen.lesson, state.screen.step, state.seed, state.files) : undefined;
  const rendered = renderStep(step, {
    ...(ahead ? { templates: ahead } : {}),
    columns: measure,
    plain: display.plain,
    field: state.field[key] ?? 0,
    interactive: true,
    world: worldOf(state.real),
    ...(practice ? { cluster: practice.shell.cluster, attempts, hintsShown: getOwn(practice.hints, step.id) ?? 0 } : {}),
  });
  const quiz = step.kind === 'quiz' ? quizLines(state, measure, display.plain) : null;
  const traced = step.kind === 'trace' ? traceLines(state, measure, display.plain) : null;
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
          ...(quiz.focus === undefined ? {} : { focus: { from: rendered.lines.length + 1 + quiz.focus.from, to: rendered.lines.length + 1 + quiz.focus.to } }),
          ...(quiz.cursor === undefined ? {} : { cursor: rendered.lines.length + 1 + quiz.cursor }),
        }
      : rendered;
  const room = Math.max(1, rows - 1 - 3 - notice.length - 1);
  // A practice step shares the window: instructions above, its terminal below, the goal (and the
  // hint the learner asked for) pinned between them, where the learner looks while typing.
  const hint = step.kind === 'do' && practice ? latestHint(step, practice.hints[step.id] ?? 0, practice.shell.cluster, ahead, measure, display.plain) : [];
  // The goal stays in view above the terminal, whatever the instructions' scroll: a quarter of the
  // room, or the whole goal while that leaves the instructions and the terminal half of it.
  const goal =
    step.kind === 'do' && practice
      ? goalLines(step, { columns: measure, plain: display.plain, cluster: practice.shell.cluster, attempts, ...(ahead ? { templates: ahead } : {}) })
      : [];
  // On a real cluster, under a curl goal: the URL that answers from this machine (what `reach` says).
  const reach =
    step.kind === 'do' && practice ? realReachLines(state.real, step, practice.shell.cluster, measure).slice(0, Math.max(1, Math.floor(room / 6))) : [];
  const goalRoom =
    Math.max(2, Math.floor(room / 4), Math.min(goal.length, Math.floor(room / 2) - 1)) +
    reach.length +
    (hint.length ? Math.min(hint.length, Math.max(2, Math.floor(room / 5))) : 0);
  const pinned = goal.length ? [...goal, ...reach, ...hint].slice(0, goalRoom) : [];
  // The own-kubectl panel folds to its line to paste when, unfolded, it would leave the
  // instructions fewer than READ_ROWS rows (a short window); its tallest form decides, so it does
  // not fold and unfold as requests come in.
  const ownTallest = step.kind === 'do' ? ownKubectlTallest(state, columns) : 0;
  const ownFolded = ownTallest > 0 && room - (pinned.length ? pinned.length + 1 : 0) - 1 - (ownTallest + 2) < READ_ROWS;
  const terminal =
    step.kind === 'do'
      ? terminalLines(state, entries, columns, waiting === null ? goalMet(state) : metBefore(step, practice, attempts), waiting, ownFolded)
      : [];
  const terminalRoom = terminal.length === 0 ? 0 : Math.max(5, Math.floor(room * 0.5));
  const terminalRows = Math.min(terminal.length, terminalRoom);
  const height = Math.max(1, room - (terminalRows ? terminalRows + 1 : 0) - (pinned.length ? pinned.length + 1 : 0));
  const maxScroll = Math.max(0, body.lines.length - height);
  let offset = Math.min(state.scroll[key] ?? 0, maxScroll);
  if (body.focus) {
    // Bring the range into view; when it is taller than the window, its top wins.
    if (body.focus.to >= offset + height) offset = Math.min(maxScroll, body.focus.to - height + 1);
    if (body.focus.from < offset) offset = body.focus.from;
  }
  // The cursor's row wins over the top of a question taller than the window.
  const cursorRow = 'cursor' in body && typeof body.cursor === 'number' ? body.cursor : undefined;
  if (cursorRow !== undefined && cursorRow >= offset + height) offset = Math.min(maxScroll, cursorRow - height + 2);
  // A command wrapped over rows is not cut at the fold: its rows go below it together.
  const shown = rowsBeforeFold(body.lines, offset, height);
  const visible = body.lines.slice(offset, offset + shown);
  const more = maxScroll === 0 ? '' : offset >= maxScroll ? 'end' : `↓ more ${Math.round((offset / maxScroll) * 100)}%`;
  // On a trace's last stop → goes on to the next step, and there is nothing left to play.
  const traceView = currentTrace(state)?.view;
  const atLastStop = traced !== null && traceView !== undefined && traceView.at >= traced.stops - 1;
  const phase = quiz ? quizPhaseOf(state) : null;
  const moved: Record<string, string> = atLastStop
    ? { '→ next hop': '→ next step', 'a play': '' }
    : phase === 'feedback'
      ? { 'enter answer': 'enter next question' }
      : phase === 'done'
        ? { 'enter answer': 'enter next step · r again' }
        : {};
  // On a real cluster the learner's own kubectl reaches it already: no simulated cluster to serve.
  const instead = state.real ? { ...moved, 'ctrl-o kubectl': '' } : moved;
  // While the step is served, the way to stop it stays in the footer however narrow the window.
  const footer = ownKubectlHere(state)
    ? hints(contextOf(state), columns, line(more, 'focus'), { ...instead, 'ctrl-o kubectl': 'ctrl-o stop' }, ['ctrl-o stop'])
    : hints(contextOf(state), columns, line(more, 'focus'), instead);

  // The output pane keeps every line of the step; page up and down move through it.
  const outputMax = Math.max(0, terminal.length - terminalRows);
  const back = Math.min(state.scroll[outputKey(lesson, state.screen.step)] ?? 0, outputMax);
  const shownOutput = terminal.slice(terminal.length - terminalRows - back, terminal.length - back);
  const goalBlock = pinned.length ? [[] as Line, ...pinned] : [];
  const outputRule =
    outputMax === 0
      ? rule(columns, display.plain)
      : ruleWith(
          back > 0 ? `${back} newer line${back === 1 ? '' : 's'} below · pgdn` : `${outputMax} earlier line${outputMax === 1 ? '' : 's'} · pgup`,
          columns,
          display.plain,
        );
  const below = terminalRows ? [...goalBlock, outputRule, ...shownOutput] : [];
  return {
    lines: [header, title, rule(columns, display.plain), ...visible, ...fill(height - visible.length), ...below, ...notice, footer],
    metrics: {
      page: Math.max(1, shown - 1),
      maxScroll,
      ...(traced ? { stops: traced.stops } : {}),
      ...(terminalRows ? { outputPage: Math.max(1, terminalRows - 1), outputMaxScroll: outputMax } : {}),
    },
  };
}

const fill = (n: number): Line[] => new Array<Line>(Math.max(0, n)).fill(blank);

/** The fewest rows of instructions a practice step keeps before the own-kubectl panel folds. */
const READ_ROWS = 5;

/** The widest a paragraph is set, however wide the window: about a hundred columns reads well. */
export const MEASURE = 100;

function quizPhaseOf(state: NavState) {
  const found = currentQuiz(state);
  return found ? quizPhase(found.quiz) : null;
}

/** The hint the learner asked for last, filled from their cluster, set under the goal. */
function latestHint(step: DoStep, shown: number, cluster: Cluster, ahead: Cluster | undefined, columns: number, plain: boolean): Line[] {
  const count = Math.min(shown, step.hints.length);
  if (count === 0) return [];
  const text = fillFrom(step.hints[count - 1]!, cluster, ahead);
  const more = count < step.hints.length ? ` (type hint again for hint ${count + 1})` : '';
  return prose(`Hint ${count} of ${step.hints.length}: ${text}${more}`, columns, plain);
}

/** A rule with a few words in it, at its right end. */
function ruleWith(text: string, columns: number, plain: boolean): Line {
  const label = ` ${text} `;
  const dash = plain ? '-' : '─';
  const left = Math.max(0, columns - lineWidth([seg(label)]) - 2);
  return left < 4 ? rule(columns, plain) : [seg(dash.repeat(left), 'border'), seg(label, 'dim'), seg(dash.repeat(2), 'border')];
}
