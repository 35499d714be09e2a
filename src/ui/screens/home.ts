// The lesson list with progress marks, the summary of the chosen lesson, and the resume offer.
import { placeKey } from '../../core/course/model.js';
import type { NavState } from '../../core/course/navigation.js';
import { lessonProgress } from '../../core/progress/model.js';
import { lessonPace, roundMinutes } from '../../core/course/pace.js';
import { blank, line, seg, type Line } from '../../text/line.js';
import { wrap } from '../../text/wrap.js';
import type { Display } from '../display.js';
import { contextOf, type ViewMetrics } from '../keymap.js';
import type { Size } from '../use-terminal-size.js';
import { hints, rule, spread, unsavedMark } from './frame.js';

export interface Frame {
  readonly lines: Line[];
  readonly metrics: ViewMetrics;
}

export function homeFrame(state: NavState, size: Size, display: Display): Frame {
  const { columns, rows } = size;
  const cursor = state.screen.kind === 'home' ? state.screen.cursor : 0;
  const { lessons } = state.course;
  const numberWidth = String(lessons.length).length;
  const titleWidth = Math.max(...lessons.map((l) => l.title.length));
  /** The chosen lesson's best quiz result, when its row has no room for it. */
  let quizAside = '';
  const rowsOf = lessons.map((lesson, i) => {
    const done = lessonProgress(state.progress, lesson.id);
    const best = lesson.steps.flatMap((step) => {
      const result = state.progress.quizzes?.[placeKey(lesson, step)];
      return result ? [Math.round(result.score * 100)] : [];
    });
    const title = `${String(i + 1).padStart(numberWidth)}  ${lesson.title.padEnd(titleWidth)}`;
    const steps = `${done.complete ? lesson.steps.length : done.done.length}/${lesson.steps.length}`;
    const word = lesson.steps.length === 1 ? 'step' : 'steps';
    // Each form of the column, the fullest first: minutes, then the steps.
    const forms = [
      `  ${minutesLabel(lesson)} · ${steps} ${word}`,
      `  ${minutesLabel(lesson)} · ${steps}`,
      `  ${minutesLabel(lesson)}`,
      `  ${minutesLabel(lesson, true)} · ${steps}`,
      `  ${minutesLabel(lesson, true)}`,
    ];
    return { lesson, done, best, title, forms, room: columns - 4 - title.length };
  });
  // One form for every row, the fullest that fits them all, so the column reads the same way down
  // the list; the quiz result follows where its row has room (the summary below says it otherwise).
  const formCount = rowsOf[0]?.forms.length ?? 1;
  const form = [...Array(formCount).keys()].find((f) => rowsOf.every((r) => (r.forms[f] ?? '').length <= r.room)) ?? formCount - 1;
  const list: Line[] = rowsOf.map(({ done, best, title, forms, room }, i) => {
    const mark = done.complete
      ? seg(display.plain ? 'done ' : '✓ ', 'good')
      : done.done.length > 0
        ? seg(display.plain ? 'open ' : '◐ ', 'focus')
        : seg(display.plain ? '     ' : '  ');
    const here = i === cursor;
    const quiz = best.length ? ` · quiz best ${Math.max(...best)}%` : '';
    const column = forms[form] ?? '';
    const fits = quiz !== '' && (column + quiz).length <= room ? column + quiz : column;
    if (here && quiz !== '' && fits === column) quizAside = `Quiz best: ${Math.max(...best)}%.`;
    return [seg(here ? '› ' : '  ', 'focus'), mark, seg(title, here ? 'heading' : 'plain'), seg(fits, 'dim')];
  });

  const below: Line[] = [];
  const chosen = lessons[cursor];
  if (chosen) below.push(...wrap(quizAside ? `${chosen.summary} ${quizAside}` : chosen.summary, columns, 'dim'));
  below.push(...wrap(pathLine(state), columns, 'dim'));
  if (state.resume) {
    const l = lessons.findIndex((x) => x.id === state.resume?.lesson);
    const lesson = lessons[l];
    const s = lesson?.steps.findIndex((x) => x.id === state.resume?.step) ?? -1;
    const step = lesson?.steps[s];
    below.push(blank, ...wrap(`Continue lesson ${l + 1}, step ${s + 1} ("${step?.title ?? ''}")?`, columns, 'heading'));
  }
  if (state.notice) below.push(blank, ...wrap(state.notice, columns, 'focus'));

  const title: Line = [seg('nodeport-lab', 'heading'), seg('  the Kubernetes NodePort Service, hands on', 'dim')];
  const head: Line[] = [state.unsaved ? spread(title, unsavedMark(state), columns) : title, rule(columns, display.plain)];
  const foot: Line[] = [rule(columns, display.plain), ...below, hints(contextOf(state), columns)];
  const room = Math.max(1, rows - 1 - head.length - foot.length);
  const first = Math.min(Math.max(0, cursor - room + 1), Math.max(0, list.length - room));
  return { lines: [...head, ...list.slice(first, first + room), ...foot], metrics: { page: room, maxScroll: 0 } };
}

/** Estimated minutes: the core path, and the deep dives apart ("8 min +5 deep"; "deep dive, 20 min"). */
function minutesLabel(lesson: NavState['course']['lessons'][number], short = false): string {
  const pace = lessonPace(lesson);
  const core = roundMinutes(pace.core.minutes);
  const deep = roundMinutes(pace.deep.minutes);
  if (core === 0) return short ? `deep ${deep}m` : `deep dive, ${deep} min`;
  if (deep === 0) return short ? `${core}m` : `${core} min`;
  return short ? `${core}m +${deep}` : `${core} min +${deep} deep`;
}

/** What moving on does with deep dives, and how long the core path is. */
function pathLine(state: NavState): string {
  const total = state.course.lessons.reduce((sum, l) => sum + lessonPace(l).core.minutes, 0);
  const deep = state.course.lessons.reduce((sum, l) => sum + lessonPace(l).deep.minutes, 0);
  if (deep === 0) return `About ${roundMinutes(total)} min.`;
  const mode = state.progress.deepDives ? 'Deep dives on: you take every step.' : 'Deep dives are passed over.';
  return `Core path about ${roundMinutes(total)} min, deep dives ${roundMinutes(deep)} min more. ${mode} d: ${state.progress.deepDives ? 'pass over them' : 'take them'}.`;
}

export const tooSmall = (size: Size, min: Size): Line[] => [
  line('Please enlarge the window', 'heading'),
  line(`to at least ${min.columns}x${min.rows}`),
  line(`(now ${size.columns}x${size.rows}).`),
  line('q quits.', 'dim'),
];
