// Small helpers for feedback sentences.

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export function quoted(text: string): string {
  return `"${text}"`;
}

/** A line of code as quoted in feedback. */
export function codeSpan(line: string): string {
  const trimmed = line.trim();
  return trimmed === '' ? '(an empty line)' : `\`${trimmed}\``;
}

/** "1 line", "12 lines". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
