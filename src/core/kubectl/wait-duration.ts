// Go's time.ParseDuration for the durations kubectl takes (--timeout=30s, 1m30s, 500ms), in ms.

// Go's unitMap (time/format.go) also takes microseconds as "\u00b5s" (the micro sign) and "\u03bcs"
// (the Greek letter mu). Written as escapes, so that the bundle stays ASCII: V8 keeps a source with
// one other character as a string of two bytes a character, twice the work to read and hash.
const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, '\u00b5s': 1e-3, '\u03bcs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  const body = text.replace(/^[-+]/, '');
  if (body === '') return undefined;
  re.lastIndex = 0;
  while (at < body.length) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) return undefined;
    total += Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1000);
    at = re.lastIndex;
  }
  return text.startsWith('-') ? -total : total;
}
