// The pod-template-hash label a Deployment puts on its ReplicaSets and their pods.
//
// Kubernetes (pkg/controller/controller_utils.go ComputeHash) takes a 32-bit FNV-1a hash of
// the pod template, prints it as a decimal number and maps each digit through
// rand.SafeEncodeString's alphabet, which turns the digits 0-9 into 4 5 6 7 8 9 b c d f: names
// such as web-7c5ddbdf54. The same template always gives the same hash. The simulator hashes
// its own canonical JSON of the template (labels and containers), so the characters and the
// length are those Kubernetes makes, the exact value is the simulator's own.

import type { PodTemplate } from './types.js';

/** apimachinery/pkg/util/rand: consonants and digits that cannot spell words. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character's code point picks a letter of the alphabet. */
export function safeEncode(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE_ALPHABET[(ch.codePointAt(0) ?? 0) % SAFE_ALPHABET.length] ?? 'b';
  return out;
}

function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const sortedKeys = (_: string, value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;

export function podTemplateHash(template: PodTemplate, collisionCount = 0): string {
  const text = JSON.stringify(template, sortedKeys) + (collisionCount > 0 ? `#${collisionCount}` : '');
  return safeEncode(String(fnv1a32(text)));
}
