// A faster string-width for Ink, which measures every text node of every frame. The build
// (scripts/build.mjs) puts it between Ink and the original; it returns exactly what the original
// returns, which test/ui/ink-fast-paths.test.ts checks.
import { NARROW } from '../text/narrow.js';

type StringWidth = (text: string, options?: object) => number;

/**
 * string-width with a shortcut for narrow text (text/narrow.ts). Past ASCII, string-width segments
 * graphemes and tests each one against /^\p{RGI_Emoji}$/v, whose first use compiles a regular
 * expression of several thousand sequences: about 6 MiB of memory for a moment at the first frame,
 * for box drawing and bullets that are one column each.
 */
export function withNarrowShortcut(stringWidth: StringWidth, stripAnsi: (text: string) => string): StringWidth {
  return (text, options) => {
    // Options (ambiguous characters as wide, escape codes counted) change the answer: no shortcut.
    if (options === undefined && typeof text === 'string') {
      const plain = text.includes('\x1b') || text.includes('\x9b') ? stripAnsi(text) : text;
      if (NARROW.test(plain)) return plain.length;
    }
    return stringWidth(text, options);
  };
}
