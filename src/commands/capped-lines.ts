// Lines of a stream, none held longer than a cap: readline keeps a whole line in memory, and a
// line past 512 MB (a pasted binary, /dev/zero) ends in an error no one can catch.

export type CappedLine = { readonly text: string; readonly tooLong: false } | { readonly text: string; readonly tooLong: true };

/** Yields each line (without its end, "\r\n" or "\n"); a line longer than `cap` is yielded cut, marked, and the rest skipped. */
export async function* cappedLines(input: AsyncIterable<string | Buffer> | Iterable<string>, cap: number): AsyncGenerator<CappedLine> {
  const decoder = new TextDecoder();
  let line = '';
  let skipping = false;
  const finish = (text: string, tooLong: boolean): CappedLine => ({ text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLong });
  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    for (;;) {
      const end = text.indexOf('\n');
      const piece = end === -1 ? text : text.slice(0, end);
      if (!skipping) {
        line += piece;
        if (line.length > cap + 1) {
          skipping = true;
          line = line.slice(0, cap + 1);
        }
      }
      if (end === -1) break;
      yield finish(line, skipping);
      line = '';
      skipping = false;
      text = text.slice(end + 1);
    }
  }
  line += decoder.decode();
  if (line !== '' || skipping) yield finish(line, skipping);
}
