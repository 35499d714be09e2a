// Reading a typed URL such as "http://203.0.113.11:31231/" into its parts, without the WHATWG URL
// parser, which would hide a typed ":80" and accept far more than a learner means.
import { readNumber, type NumberInput } from './normalize.js';

export interface TypedUrl {
  /** Lower-case, or null when the learner left it out. */
  readonly scheme: string | null;
  /** Lower-case; the numbers of a dotted IPv4 address without leading zeros. */
  readonly host: string;
  /** Null when there is no ":port"; otherwise the port as read (which may be an error). */
  readonly port: NumberInput | null;
  /** Everything from the first "/" after the host, "" when none. */
  readonly path: string;
}

const URL_SHAPE = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/:?#]+)(?::([^/?#]*))?([/?#].*)?$/;

export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  if (/^\d+(\.\d+){3}$/.test(lower))
    return lower
      .split('.')
      .map((part) => String(Number.parseInt(part, 10)))
      .join('.');
  return lower;
}

/** The parts of what the learner typed, or null when it does not look like an address at all. */
export function readUrl(input: string): TypedUrl | null {
  const compact = withoutCurl(input).replace(/\s+/g, '');
  const match = URL_SHAPE.exec(compact);
  if (!match) return null;
  const [, scheme, host, port, path] = match;
  // "http://" alone would otherwise read as the host "http" with an empty port.
  if (scheme === undefined && compact.includes('://')) return null;
  return {
    scheme: scheme ? scheme.toLowerCase() : null,
    host: normalizeHost(host!),
    port: port === undefined ? null : readNumber(port),
    path: path ?? '',
  };
}

/** How a URL is written in feedback. */
export function formatUrl(scheme: string, host: string, port: number): string {
  return `${scheme}://${host}:${port}`;
}

/** Options of curl that take a value, as a learner might type them before the URL. */
const CURL_VALUE_OPTIONS = new Set(['-m', '--max-time', '--connect-timeout', '-H', '--header', '-X', '--request', '-o', '--output']);

/**
 * An answer typed as the whole command, `curl [-s] [-m 5] URL`: the URL is the answer. The
 * learner means the address either way, so the command word and its options are set aside.
 */
export function withoutCurl(input: string): string {
  const words = input.trim().split(/\s+/);
  if (words[0]?.toLowerCase() !== 'curl') return input;
  const rest: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      if (CURL_VALUE_OPTIONS.has(word)) i++;
      continue;
    }
    rest.push(word);
  }
  return rest.join(' ');
}
