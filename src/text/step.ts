// One step as lines of text for a given width: what the lesson screen scrolls and `print` prints.
import type { Cluster } from '../core/cluster/index.js';
import { checkGoal, describeCondition, type Attempt } from '../core/course/goals.js';
import type { CompareSide, CompareStep, DoStep, ManifestStep, Step } from '../core/course/model.js';
import { fillTemplates, hasTemplates } from '../core/course/template.js';
import { previewCommand } from '../core/shell/preview.js';
import { printedQuestion } from './quiz-text.js';
import type { Facts } from '../core/quiz/index.js';
import { codeLines, hardWrap } from './code.js';
import { drawDiagram } from './diagrams/index.js';
import { blank, line, padTo, seg, width, type Line } from './line.js';
import { prose } from './prose.js';
import { wrap } from './wrap.js';
import { followRequest } from '../core/course/trace-step.js';
import { traceTextLines } from './trace-text.js';
import { LAB, notesFor, worldKey, type World } from '../core/course/world-notes.js';

export interface RenderOptions {
  readonly columns: number;
  /** The learner's cluster: fills {{...}} and runs compare commands. Absent in `print`. */
  readonly cluster?: Cluster;
  /**
   * Fills what the learner's cluster does not have yet (or, in `print`, everything): the lesson's
   * cluster as its text walks it, so a value reads as the number it will be, never as a placeholder.
   */
  readonly templates?: Cluster;
  /** What the learner ran in this step (do steps), for the goal's checklist. */
  readonly attempts?: readonly Attempt[];
  /** How many hints the learner has asked for (do steps); `print` shows them all. */
  readonly hintsShown?: number;
  /** On screen, a quiz step's questions are drawn by the quiz view, and a practice step's goal
   * stays pinned above its terminal (goalLines); in `print` both are part of the step. */
  readonly interactive?: boolean;
  /** No box drawing: diagrams become their descriptions; every manifest field is listed. */
  readonly plain: boolean;
  /** Facts for quiz questions about the learner's own objects (`print`). */
  readonly facts?: Facts;
  /** The highlighted manifest field (interactive manifest steps). */
  readonly field?: number;
  /** Where the learner takes the course, for the step's per-world notes (absent: the lab). */
  readonly world?: World;
}

export interface RenderedStep {
  readonly lines: Line[];
  /** Lines that must be in view (the highlighted field and its note), when there are any. */
  readonly focus?: { readonly from: number; readonly to: number };
}

/**
 * Steps whose renderings are kept: the one on screen, drawn again on every key, and the last few
 * left. Kept for every step visited, the renderings grew through the whole course to a megabyte
 * of a 13 MB heap (bench/README.md, "Cells let go"); a step come back to is drawn again, the same.
 */
export const STEPS_KEPT = 4;
/** Renderings kept for one step (widths, highlighted fields, worlds); emptied when full. */
export const RENDERINGS_KEPT = 16;
// Oldest first: a step drawn is moved to the end, so the one on screen is the last to go.
const rendered = new Map<Step, Map<string, RenderedStep>>();

/** How many steps have renderings kept, and how many renderings they hold between them. */
export function renderedKept(): { readonly steps: number; readonly renderings: number } {
  let renderings = 0;
  for (const forStep of rendered.values()) renderings += forStep.size;
  return { steps: rendered.size, renderings };
}

/**
 * Renders a step, remembering the result: a screen redraws the same step on every key. A step
 * that depends on the learner's cluster (templates, commands, goals) is drawn afresh.
 */
export function renderStep(step: Step, options: RenderOptions): RenderedStep {
  if ((options.cluster || options.templates || options.facts) && (dependsOnCluster(step) || step.kind === 'quiz')) return draw(step, options);
  const key = `${options.columns}/${options.plain}/${options.field ?? 0}/${worldKey(options.world ?? LAB)}`;
  let forStep = rendered.get(step);
  if (forStep) rendered.delete(step);
  else {
    forStep = new Map();
    if (rendered.size >= STEPS_KEPT) rendered.delete(rendered.keys().next().value as Step);
  }
  rendered.set(step, forStep);
  let result = forStep.get(key);
  if (!result) {
    if (forStep.size >= RENDERINGS_KEPT) forStep.clear();
    forStep.set(key, (result = draw(step, options)));
  }
  return result;
}

function dependsOnCluster(step: Step): boolean {
  return (
    step.kind === 'do' ||
    step.kind === 'trace' ||
    hasTemplates(step.text) ||
    (step.notes ?? []).some((n) => hasTemplates(n.text)) ||
    (step.kind === 'compare' && Boolean(step.left.command || step.right.command))
  );
}

/** A deep dive says so above its text: off the core path, the learner's to take or pass over. */
function deepMark(step: Step, options: RenderOptions): Line[] {
  if (!step.deep) return [];
  const how = options.interactive ? ' (d on the lesson list: take or pass over deep dives)' : '';
  return [...wrap(`Deep dive, beyond the core path${how}`, options.columns, 'focus'), blank];
}

function draw(step: Step, options: RenderOptions): RenderedStep {
  const { columns } = options;
  const lines: Line[] = [...deepMark(step, options), ...prose(fillFrom(step.text, options.cluster, options.templates), columns, options.plain)];
  // The notes for the learner's world follow the text, as paragraphs of their own.
  for (const note of notesFor(step.notes, options.world ?? LAB)) {
    lines.push(blank, ...prose(fillFrom(note.text, options.cluster, options.templates), columns, options.plain));
  }
  if (step.diagram) {
    lines.push(blank);
    if (options.plain) {
      lines.push(...wrap(`Diagram: ${step.diagram.description}`, columns));
    } else {
      lines.push(...drawDiagram(step.diagram, columns));
    }
  }
  switch (step.kind) {
    case 'read':
      return { lines };
    case 'manifest':
      return manifest(step, lines, options);
    case 'compare':
      return { lines: [...lines, blank, ...compare(step, options)] };
    case 'do':
      return { lines: [...lines, blank, ...practice(step, options)] };
    case 'trace': {
      if (options.interactive) return { lines };
      const { request } = step;
      const what =
        request.from === 'load-balancer'
          ? `a request to the load balancer of ${request.service}`
          : `a request from ${request.from === 'pod' ? `pod ${request.pod}` : 'your machine'} to ${fillTemplates(request.url ?? '', options.templates)}`;
      const followed = options.templates ? followRequest(request, options.templates) : null;
      if (followed?.ok) {
        return {
          lines: [
            ...lines,
            blank,
            ...wrap(`Trace: ${what}, hop by hop (try it with \`trace\` in the sandbox):`, options.columns),
            ...traceTextLines(followed.trace, options.columns),
          ],
        };
      }
      return {
        lines: [
          ...lines,
          blank,
          ...wrap(`Trace: ${what}. The course follows it hop by hop through your own cluster; try it with \`trace\` in the sandbox.`, options.columns),
        ],
      };
    }
    case 'quiz':
      if (options.interactive) return { lines };
      return { lines: [...lines, ...step.questions.flatMap((q, i) => [blank, ...printedQuestion(q, `Q${i + 1}.`, options.columns, options.facts)])] };
  }
}

function practice(step: DoStep, options: RenderOptions): Line[] {
  const { columns, plain, cluster } = options;
  const out: Line[] = options.interactive ? [] : goalLines(step, options);
  const shown = cluster ? Math.min(options.hintsShown ?? 0, step.hints.length) : step.hints.length;
  // On screen the hint asked for last is pinned under the goal, beside the prompt.
  if (!options.interactive)
    step.hints.slice(0, shown).forEach((hint, i) => {
      out.push(blank, ...prose(`Hint ${i + 1}: ${fillFrom(hint, cluster, options.templates)}`, columns, plain));
    });
  if (cluster && shown < step.hints.length) out.push(blank, line(`Stuck? Type hint for a hint (${step.hints.length - shown} left).`, 'dim'));
  return out;
}

/** A practice step's goal as a checklist: ✓ for what holds in the learner's cluster, ○ for what is missing. */
export function goalLines(step: DoStep, options: RenderOptions): Line[] {
  const { columns, plain, cluster } = options;
  const out: Line[] = [line('Goal', 'heading')];
  const met = cluster ? checkGoal(step.goal, cluster, options.attempts ?? []).map((p) => p.met) : [];
  // A part's words may name a value of the cluster (the node port a firewall part is about).
  const parts = step.goal.map((c, i) => ({ says: fillFrom(describeCondition(c), cluster, options.templates), met: met[i] ?? false }));
  for (const part of parts) {
    const mark = cluster ? (part.met ? seg(plain ? '[done] ' : '✓ ', 'good') : seg(plain ? '[todo] ' : '○ ', 'dim')) : seg('- ', 'dim');
    const indent = width(mark.text);
    out.push(...wrap(part.says, columns - indent).map((l, n) => (n === 0 ? [mark, ...l] : [seg(' '.repeat(indent)), ...l])));
  }
  return out;
}

/** The side's text: fixed code, or the command and its output in the learner's cluster. */
function sideText(side: CompareSide, cluster: Cluster | undefined): string {
  if (side.code !== undefined) return side.code;
  const command = side.command ?? '';
  if (!cluster) return `$ ${command}\n(the course shows its output for your own cluster here)`;
  return `$ ${command}\n${previewCommand(cluster, command)}`;
}

function manifest(step: ManifestStep, before: Line[], options: RenderOptions): RenderedStep {
  const { columns, plain } = options;
  const source = step.source.trimEnd().split('\n');
  const gutter = String(source.length).length;
  const selected = plain ? undefined : step.fields[Math.min(options.field ?? 0, step.fields.length - 1)];
  const lines = [...before, blank, [seg(step.file, 'heading')]];
  let focus: RenderedStep['focus'];
  source.forEach((text, i) => {
    const number = i + 1;
    const isFocus = selected?.line === number;
    const marker = isFocus ? seg('▶ ', 'focus') : seg('  ');
    const pieces = hardWrap(text, columns - gutter - 5);
    pieces.forEach((piece, n) => {
      const label = n === 0 ? String(number).padStart(gutter) : ' '.repeat(gutter);
      lines.push([marker, seg(`${label} ${plain ? '|' : '│'} `, 'dim'), seg(piece, isFocus ? 'focus' : 'code')]);
    });
    if (isFocus && selected) {
      const from = lines.length - pieces.length;
      const noteIndent = gutter + 3;
      const note = wrap(`${selected.path}: ${selected.note}`, columns - noteIndent - 3);
      note.forEach((l, n) => lines.push([seg(' '.repeat(noteIndent)), seg(n === 0 ? '╰─ ' : '   ', 'focus'), ...l]));
      focus = { from, to: lines.length - 1 };
    }
  });
  if (selected) {
    const index = step.fields.indexOf(selected);
    lines.push(blank, line(`Field ${index + 1} of ${step.fields.length} · up/down to walk the fields`, 'dim'));
    // On the last field ↓ has nowhere to go: the view takes in what is below it, down to this line.
    if (focus && index === step.fields.length - 1) focus = { from: focus.from, to: lines.length - 1 };
  }
  if (plain) {
    lines.push(blank, line('The fields:', 'heading'));
    for (const field of step.fields) {
      lines.push(...wrap(`${field.path} (line ${field.line}): ${field.note}`, columns - 2, 'plain', 2).map((l, n) => (n === 0 ? [seg('- '), ...l] : l)));
    }
  }
  return focus ? { lines, focus } : { lines };
}

function compare(step: CompareStep, options: RenderOptions): Line[] {
  const { columns, plain } = options;
  const wide = columns >= 100;
  const out: Line[] = [];
  if (wide) {
    const half = Math.floor((columns - 3) / 2);
    const column = (title: string, code: string) => [line(title, 'heading'), ...codeLines(code, half)];
    const left = column(step.left.title, sideText(step.left, options.cluster ?? options.templates));
    const right = column(step.right.title, sideText(step.right, options.cluster ?? options.templates));
    const rule = plain ? seg(' | ', 'dim') : seg(' │ ', 'border');
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      out.push([...padTo(left[i] ?? [], half), rule, ...(right[i] ?? [])]);
    }
  } else {
    out.push(line(step.left.title, 'heading'), ...codeLines(sideText(step.left, options.cluster ?? options.templates), columns), blank);
    out.push(line(step.right.title, 'heading'), ...codeLines(sideText(step.right, options.cluster ?? options.templates), columns));
  }
  out.push(blank, line('Side by side', 'heading'));
  if (wide) {
    const aspectWidth = Math.min(22, Math.max(...step.rows.map((r) => r.aspect.length)) + 1);
    const cell = Math.floor((columns - aspectWidth - 6) / 2);
    const sep = plain ? seg(' | ', 'dim') : seg(' │ ', 'border');
    const header: Line = [...padTo(line(''), aspectWidth), sep, ...padTo(line(step.left.title, 'dim'), cell), sep, seg(step.right.title, 'dim')];
    out.push(header);
    for (const row of step.rows) {
      const a = wrap(row.aspect, aspectWidth, 'heading');
      const l = wrap(row.left, cell);
      const r = wrap(row.right, cell);
      for (let i = 0; i < Math.max(a.length, l.length, r.length); i++) {
        out.push([...padTo(a[i] ?? [], aspectWidth), sep, ...padTo(l[i] ?? [], cell), sep, ...(r[i] ?? [])]);
      }
    }
  } else {
    for (const row of step.rows) {
      out.push(...wrap(row.aspect, columns, 'heading'));
      out.push(...wrap(`${step.left.title}: ${row.left}`, columns - 2, 'plain', 2).map(bullet));
      out.push(...wrap(`${step.right.title}: ${row.right}`, columns - 2, 'plain', 2).map(bullet));
    }
  }
  return out;
}

const bullet = (l: Line, n: number): Line => (n === 0 ? [seg('- ', 'dim'), ...l] : l);

const EXPRESSION = /\{\{[^{}]*\}\}/g;
const UNKNOWN = /^<[^<>]*>$/;

/** Fills {{...}} from the learner's cluster; a value it has not got yet comes from `ahead`. */
export function fillFrom(text: string, cluster: Cluster | undefined, ahead: Cluster | undefined): string {
  if (!hasTemplates(text)) return text;
  return text.replace(EXPRESSION, (expression) => {
    const own = cluster ? fillTemplates(expression, cluster) : undefined;
    if (own !== undefined && !UNKNOWN.test(own)) return own;
    return fillTemplates(expression, ahead ?? cluster);
  });
}
