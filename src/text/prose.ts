// Lesson text -> lines: paragraphs (blank-line separated), "- " bullets, "$ " commands, `code`.
import { blank, seg, type Line } from './line.js';
import { wrap, wrapWords, words } from './wrap.js';

// A screen is drawn again on every key, and its step's text wrapped again each time, though the
// text and the width rarely change: the lines of the last texts wrapped are kept (emptied when
// full), and each call gets a list of its own (the lines are never edited). A screen wraps a
// handful (a step's text and notes, a question, a hint); 64 kept held a third of a megabyte of
// the heap that sets the course's peak (bench/README.md, "Cells let go").
export const PROSE_KEPT = 16;
const kept = new Map<string, readonly Line[]>();

/** How many texts' lines are kept. */
export const proseKept = (): number => kept.size;

/** In plain mode bullets are "- " (read aloud well, printed anywhere); otherwise "• ". */
export function prose(text: string, columns: number, plain = false): Line[] {
  const key = `${columns}${plain ? 'p' : 's'}${text}`;
  const known = kept.get(key);
  if (known) return known.slice();
  if (kept.size >= PROSE_KEPT) kept.clear();
  const out = wrapProse(text, columns, plain);
  kept.set(key, out);
  return out.slice();
}

function wrapProse(text: string, columns: number, plain: boolean): Line[] {
  const out: Line[] = [];
  const paragraphs = text.trim().split(/\n\s*\n/);
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) out.push(blank);
    let running: string[] = [];
    const flush = () => {
      if (running.length) out.push(...wrap(running.join(' '), columns));
      running = [];
    };
    for (const raw of paragraph.split('\n')) {
      const source = raw.trim();
      if (source.startsWith('- ')) {
        flush();
        const body = wrapWords(words(source.slice(2)), columns - 2, 2);
        body.forEach((l, n) => out.push(n === 0 ? [seg(plain ? '- ' : '• ', 'dim'), ...l] : l));
      } else if (source.startsWith('$ ')) {
        flush();
        out.push(...wrap(source.slice(2), columns - 2, 'command', 2).map((l, n) => (n === 0 ? [seg('$ ', 'dim'), ...l] : l)));
      } else if (source) {
        running.push(source);
      }
    }
    flush();
  });
  return out;
}
