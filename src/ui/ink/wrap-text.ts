// Ink's wrap-text.js with a bounded memory: Ink keeps every text it has ever wrapped or cut, at
// every width it was drawn at, in an object that only grows. The same answers from a cache that
// remember.ts's rules bound, keyed so that a text ending in digits cannot meet another's entry
// (Ink joins text, width and mode with nothing between). The bundle uses this in Ink's place
// (scripts/build.mjs); test/ui/ink-text-caches.test.ts holds it equal to Ink's.
import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';
import { remember } from './remember.js';

function wrapOnce(text: string, maxWidth: number, wrapType: string): string {
  if (wrapType === 'wrap') return wrapAnsi(text, maxWidth, { trim: false, hard: true });
  if (wrapType.startsWith('truncate')) {
    const position = wrapType === 'truncate-middle' ? 'middle' : wrapType === 'truncate-start' ? 'start' : 'end';
    return cliTruncate(text, maxWidth, { position });
  }
  return text;
}

/** One bounded cache per width and mode: a window is drawn at a few widths, and a resize adds one. */
const byWidth = new Map<string, (text: string) => string>();
const WIDTHS = 16;

export default function wrapText(text: string, maxWidth: number, wrapType: string): string {
  const way = `${maxWidth} ${wrapType}`;
  let wrap = byWidth.get(way);
  if (wrap === undefined) {
    if (byWidth.size >= WIDTHS) byWidth.clear();
    wrap = remember((t) => wrapOnce(t, maxWidth, wrapType), 1024);
    byWidth.set(way, wrap);
  }
  return wrap(text);
}
