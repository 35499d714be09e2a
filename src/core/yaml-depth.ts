// How deep a YAML text nests, found in one pass before any parser sees it: a few kilobytes of
// "[[[[" or of ever deeper indentation cost the parser seconds and hundreds of megabytes before
// it said anything. Lessons and manifests nest a handful of levels; MAX_DEPTH is far beyond that.

export const MAX_DEPTH = 100;

/** The offset where the text first nests deeper than `max` (flow brackets, indentation, "- - -"), or -1. */
export function tooDeepAt(text: string, max: number = MAX_DEPTH): number {
  let flow = 0;
  let quote: string | null = null;
  const indents: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (quote === null) {
      // A line's own nesting: its indentation against the lines above, and each "- ", "? " or ": " that opens it.
      let spaces = 0;
      while (text[i + spaces] === ' ') spaces++;
      let at = i + spaces;
      let markers = 0;
      while ((text[at] === '-' || text[at] === '?' || text[at] === ':') && text[at + 1] === ' ') {
        markers++;
        at += 2;
        while (text[at] === ' ') at++;
      }
      const blank = at >= text.length || text[at] === '\n' || text[at] === '\r' || text[at] === '#';
      if (!blank || markers > 0) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= spaces) indents.pop();
        indents.push(spaces);
        if (indents.length + markers + flow > max) return at;
      }
      i = at;
    }
    for (; i < text.length && text[i] !== '\n'; i++) {
      const ch = text[i];
      if (quote !== null) {
        if (ch === quote) quote = null;
        else if (ch === '\\' && quote === '"') i++;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      } else if (ch === '[' || ch === '{') {
        flow++;
        if (indents.length + flow > max) return i;
      } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
    }
    i++;
  }
  return -1;
}
