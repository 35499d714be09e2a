// Boxes and arrows from box-drawing characters: the pieces every diagram is made of.
import { lineWidth, padTo, seg, type Line, type Segment } from '../line.js';
import { wrapWords } from '../wrap.js';

/** Draws content inside a border; `title` sits in the top edge. */
export function box(content: readonly Line[], title?: Line, minInner = 0): Line[] {
  const inner = Math.max(minInner, ...content.map(lineWidth), title ? lineWidth(title) + 2 : 0);
  const edge = (n: number) => seg('─'.repeat(n), 'border');
  const top: Segment[] = title
    ? [seg('┌─', 'border'), ...title, edge(inner - lineWidth(title) + 1), seg('┐', 'border')]
    : [seg('┌', 'border'), edge(inner + 2), seg('┐', 'border')];
  const body = content.map((l): Line => [seg('│ ', 'border'), ...padTo(l, inner), seg(' │', 'border')]);
  return [top, ...body, [seg('└', 'border'), edge(inner + 2), seg('┘', 'border')]];
}

export interface Arrow {
  /** The shaft and head, e.g. ` ──▶ `; the same width on every row. */
  readonly art: Line;
  /** Text over the arrow (for row layouts) or beside it (for column layouts). */
  readonly label?: Line;
}

export const arrowRight = (label?: Line, broken = false): Arrow => ({
  art: broken ? [seg(' ──', 'border'), seg('✗', 'bad'), seg('──▶ ', 'border')] : [seg(' ───▶ ', 'border')],
  ...(label ? { label } : {}),
});

const SHORT_ARROW: Line = [seg(' ─▶ ', 'border')];

/**
 * Boxes side by side, arrows on their middle row, labels above the arrows. When the row is wider
 * than `columns`, plain arrows are drawn shorter before the caller has to stack the boxes.
 */
export function row(boxes: readonly Line[][], given: readonly Arrow[], columns = Infinity): Line[] {
  const drawn = rowOf(boxes, given);
  if (drawn.every((l) => lineWidth(l) <= columns)) return drawn;
  return rowOf(
    boxes,
    given.map((a) => (a.label || lineWidth(a.art) !== 6 ? a : { art: SHORT_ARROW })),
  );
}

function rowOf(boxes: readonly Line[][], arrows: readonly Arrow[]): Line[] {
  const height = Math.max(...boxes.map((b) => b.length));
  const middle = Math.floor((height - 1) / 2);
  const widths = boxes.map((b) => Math.max(...b.map(lineWidth)));
  const out: Line[] = [];
  for (let r = 0; r < height; r++) {
    const parts: Segment[] = [];
    boxes.forEach((b, i) => {
      parts.push(...padTo(b[r] ?? [], widths[i] ?? 0));
      const arrow = arrows[i];
      if (!arrow || i === boxes.length - 1) return;
      const w = Math.max(lineWidth(arrow.art), arrow.label ? lineWidth(arrow.label) + 2 : 0);
      if (r === middle) parts.push(...centre(arrow.art, w));
      else if (r === middle - 1 && arrow.label) parts.push(...centre(arrow.label, w));
      else parts.push(seg(' '.repeat(w)));
    });
    out.push(trimEnd(parts));
  }
  return out;
}

/** Boxes one under another, joined by a down arrow with an optional label beside it. */
export function column(boxes: readonly Line[][], arrows: readonly Arrow[], at = 3): Line[] {
  const out: Line[] = [];
  boxes.forEach((b, i) => {
    out.push(...b);
    const arrow = arrows[i];
    if (!arrow || i === boxes.length - 1) return;
    const broken = arrow.art.some((s) => s.style === 'bad');
    const pad = seg(' '.repeat(at));
    out.push([pad, seg('│', 'border'), ...(arrow.label ? [seg('  '), ...arrow.label] : [])]);
    out.push([pad, broken ? seg('✗', 'bad') : seg('▼', 'border')]);
  });
  return out;
}

function centre(l: Line, w: number): Segment[] {
  const left = Math.floor((w - lineWidth(l)) / 2);
  return [seg(' '.repeat(left)), ...padTo(l, w - left)];
}

function trimEnd(parts: Segment[]): Line {
  const out = [...parts];
  while (out.length && out[out.length - 1]!.text.trim() === '' && out[out.length - 1]!.style === 'plain') out.pop();
  return out;
}

/** A sentence under or over a drawing, wrapped to the window; each piece keeps its style. */
export function caption(parts: readonly Segment[], columns: number): Line[] {
  const words: { text: string; style: Segment['style']; spaced: boolean }[] = [];
  let space = false;
  for (const part of parts) {
    for (const piece of part.text.split(/(\s+)/)) {
      if (!piece) continue;
      if (/^\s+$/.test(piece)) {
        space = true;
        continue;
      }
      words.push({ text: piece, style: part.style, spaced: space && words.length > 0 });
      space = false;
    }
  }
  return wrapWords(words, columns);
}
