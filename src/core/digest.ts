// sha256 and sha512 digests, with node:crypto loaded on the first one. Imported as an ES module,
// node:crypto loads some twenty of Node's modules (ciphers, keys, webcrypto) wherever it is
// imported, and the tracer's chain names sit in the code every sandbox command loads: a one-line
// script that never traces paid a twentieth of its start-up for them (bench/README.md).
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

function nodeCrypto(): typeof Crypto {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto;
}

/** The sha256 digest of a text's UTF-8 bytes. */
export function sha256(text: string): Buffer {
  return nodeCrypto().createHash('sha256').update(text, 'utf8').digest();
}
