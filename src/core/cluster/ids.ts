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

/** The FNV-1a prime; each of a digest's eight rounds starts from the offset basis times (round + 1). */
const FNV_PRIME = 0x01000193;
const FNV_BASIS = 0x811c9dc5;
const ROUNDS = 8;
const HASH = '#'.charCodeAt(0);
const DIGIT_0 = '0'.charCodeAt(0);

/**
 * A stable 64-hex-digit digest of a text (FNV-1a stretched), for image IDs: round r hashes the code
 * points of `${text}#${r}`, and the eight rounds' 32-bit hashes in hex make the digest. The rounds
 * are taken side by side in one pass over the text, which a new cluster does for every system pod
 * it starts with (a string iterator a round made that a fifth of a scripted sandbox's start-up).
 */
export function digestOf(text: string): string {
  const h = new Uint32Array(ROUNDS);
  for (let round = 0; round < ROUNDS; round++) h[round] = Math.imul(FNV_BASIS, round + 1);
  for (let i = 0; i < text.length;) {
    const point = text.codePointAt(i) ?? 0;
    i += point > 0xffff ? 2 : 1;
    for (let round = 0; round < ROUNDS; round++) h[round] = Math.imul((h[round] ?? 0) ^ point, FNV_PRIME);
  }
  let out = '';
  for (let round = 0; round < ROUNDS; round++) {
    const hashed = Math.imul((h[round] ?? 0) ^ HASH, FNV_PRIME);
    out += hex(Math.imul(hashed ^ (DIGIT_0 + round), FNV_PRIME) >>> 0);
  }
  return out;
}

/** Hands out the next resourceVersion. */
export function nextRevision(cluster: Cluster): { resourceVersion: string; cluster: Cluster } {
  const revision = cluster.revision + 1;
  return { resourceVersion: String(revision), cluster: { ...cluster, revision } };
}

/** Hex digits derived from a text, for identifiers that must not consume the RNG. */
export function randomHexFromText(text: string, length: number): string {
  return digestOf(text)
    .repeat(Math.ceil(length / 64))
    .slice(0, length);
}
