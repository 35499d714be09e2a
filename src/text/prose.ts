// Lesson text -> lines: paragraphs (blank-line separated), "- " bullets, "$ " commands, `code`.
import { blank, seg, type Line } from './line.js';
import { wrap, wrapWords, words } from './wrap.js';

/** In plain mode bullets are "- " (read aloud well, printed anywhere); otherwise "• ". */
export function prose(text: string, columns: number, plain = false): Line[] {
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
