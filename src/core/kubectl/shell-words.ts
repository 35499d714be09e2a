// Splits a command line into words the way a POSIX shell would for simple input:
// whitespace separates, single quotes keep everything, double quotes keep all but
// backslash escapes of " \ $ `, a backslash outside quotes escapes the next char.

export type SplitResult = { readonly ok: true; readonly words: string[] } | { readonly ok: false; readonly error: string };

export function splitShellWords(line: string): SplitResult {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'unterminated quoted string' };
      current += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i] ?? '';
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] ?? '')) {
          current += line[i + 1];
          i += 2;
          continue;
        }
        current += c;
        i++;
      }
      if (!closed) return { ok: false, error: 'unterminated quoted string' };
      continue;
    }
    if (ch === '\\') {
      if (i + 1 < line.length) current += line[i + 1];
      i += 2;
      continue;
    }
    current += ch;
    i++;
  }
  if (inWord) words.push(current);
  return { ok: true, words };
}
