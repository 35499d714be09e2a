// One step as lines of text for a given width: what the lesson screen scrolls and `print` prints.
import type { CompareStep, ManifestStep, Step } from '../core/course/model.js';
import { codeLines, hardWrap } from './code.js';
import { drawDiagram } from './diagrams/index.js';
import { blank, line, padTo, seg, type Line } from './line.js';
import { prose } from './prose.js';
import { wrap } from './wrap.js';

export interface RenderOptions {
  readonly columns: number;
  /** No box drawing: diagrams become their descriptions; every manifest field is listed. */
  readonly plain: boolean;
  /** The highlighted manifest field (interactive manifest steps). */
  readonly field?: number;
}

export interface RenderedStep {
  readonly lines: Line[];
  /** Lines that must be in view (the highlighted field and its note), when there are any. */
  readonly focus?: { readonly from: number; readonly to: number };
}

const rendered = new WeakMap<Step, Map<string, RenderedStep>>();

/** Renders a step, remembering the result: a screen redraws the same step on every key. */
export function renderStep(step: Step, options: RenderOptions): RenderedStep {
  const key = `${options.columns}/${options.plain}/${options.field ?? 0}`;
  let forStep = rendered.get(step);
  if (!forStep) rendered.set(step, (forStep = new Map()));
  let result = forStep.get(key);
  if (!result) forStep.set(key, (result = draw(step, options)));
  return result;
}

function draw(step: Step, options: RenderOptions): RenderedStep {
  const { columns } = options;
  const lines: Line[] = [...prose(step.text, columns, options.plain)];
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
  }
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
    const left = column(step.left.title, step.left.code);
    const right = column(step.right.title, step.right.code);
    const rule = plain ? seg(' | ', 'dim') : seg(' │ ', 'border');
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      out.push([...padTo(left[i] ?? [], half), rule, ...(right[i] ?? [])]);
    }
  } else {
    out.push(line(step.left.title, 'heading'), ...codeLines(step.left.code, columns), blank);
    out.push(line(step.right.title, 'heading'), ...codeLines(step.right.code, columns));
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
