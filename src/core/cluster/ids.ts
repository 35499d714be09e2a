// Identifiers the API server and the runtime make up: UIDs, resource versions,
// random name suffixes, container and image digests.

import { nextInt, nextWords, type RngState } from '../random.js';
import type { Cluster } from './types.js';

const hex = (n: number, width = 8): string => n.toString(16).padStart(width, '0');

export function newUid(rng: RngState): { uid: string; rng: RngState } {
  const { words, state } = nextWords(rng, 4);
  const [a = 0, b = 0, c = 0, d = 0] = words;
  const w = hex(a) + hex(b) + hex(c) + hex(d);
  const variant = ((parseInt(w[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const uid = `${w.slice(0, 8)}-${w.slice(8, 12)}-4${w.slice(13, 16)}-${variant}${w.slice(17, 20)}-${w.slice(20, 32)}`;
  return { uid, rng: state };
}

export function randomHex(rng: RngState, length: number): { text: string; rng: RngState } {
  const { words, state } = nextWords(rng, Math.ceil(length / 8));
  return {
    text: words
      .map((w) => hex(w))
      .join('')
      .slice(0, length),
    rng: state,
  };
}

/** The alphabet kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(rng: RngState, length: number): { text: string; rng: RngState } {
  let text = '';
  let state = rng;
  for (let i = 0; i < length; i++) {
    const r = nextInt(state, SUFFIX_ALPHABET.length);
    text += SUFFIX_ALPHABET[r.value] ?? 'b';
    state = r.state;
  }
  return { text, rng: state };
}

/** A stable 64-hex-digit digest of a text (FNV-1a stretched), for image IDs. */
export function digestOf(text: string): string {
  return digestDigits(text, 64);
}

/**
 * The first `length` (at most 64) hex digits of digestOf(text), working out only the rounds they
 * need. Each round hashes `text#round` code point by code point, read by index: a for...of over a
 * string makes a string a character, which the interpreter the course runs in does not optimise away.
 */
function digestDigits(text: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let h = Math.imul(0x811c9dc5, round + 1) >>> 0;
    const input = `${text}#${round}`;
    for (let i = 0; i < input.length;) {
      const point = input.codePointAt(i) ?? 0;
      h ^= point;
      h = Math.imul(h, 0x01000193) >>> 0;
      i += point > 0xffff ? 2 : 1;
    }
    out += hex(h);
  }
  return out.slice(0, length);
}

/** Hands out the next resourceVersion. */
export function nextRevision(cluster: Cluster): { resourceVersion: string; cluster: Cluster } {
  const revision = cluster.revision + 1;
  return { resourceVersion: String(revision), cluster: { ...cluster, revision } };
}

/** Hex digits derived from a text, for identifiers that must not consume the RNG. */
export function randomHexFromText(text: string, length: number): string {
  return length <= 64
    ? digestDigits(text, length)
    : digestOf(text)
        .repeat(Math.ceil(length / 64))
        .slice(0, length);
}
