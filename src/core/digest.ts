// sha256, worked out here (FIPS 180-4) rather than by node:crypto: the tracer's chain names are the
// course's only digests, and node:crypto starts OpenSSL and some twenty of Node's modules (ciphers,
// keys, webcrypto) wherever it is first used: about 0.9 MiB of the course's resident memory and a
// quarter of a MiB of its heap, for a few names of 16 characters (bench/README.md). Imported as an
// ES module it cost a one-line sandbox script a twentieth of its start-up as well.
// test/unit/cluster/sha256.test.ts holds it equal to node:crypto's.

const primes = (count: number): number[] => {
  const found: number[] = [];
  for (let n = 2; found.length < count; n++) if (found.every((p) => n % p !== 0)) found.push(n);
  return found;
};
const fraction32 = (x: number): number => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0;

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2). */
const K = Uint32Array.from(primes(64), (p) => fraction32(Math.cbrt(p)));
/** The first 32 bits of the fractional parts of the square roots of the first 8 primes (5.3.3). */
const H0 = Uint32Array.from(primes(8), (p) => fraction32(Math.sqrt(p)));

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The sha256 digest of a text's UTF-8 bytes. */
export function sha256(text: string): Buffer {
  const message = Buffer.from(text, 'utf8');
  const bits = message.length * 8;
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
  const padded = Buffer.alloc(Math.ceil((message.length + 9) / 64) * 64);
  message.copy(padded);
  padded[message.length] = 0x80;
  padded.writeUInt32BE(Math.floor(bits / 2 ** 32), padded.length - 8);
  padded.writeUInt32BE(bits >>> 0, padded.length - 4);
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = padded.readUInt32BE(block + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = Buffer.alloc(32);
  h.forEach((word, i) => out.writeUInt32BE(word, i * 4));
  return out;
}

/** Per-round left rotations of md5 (RFC 1321, 3.4). */
const MD5_SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
/** md5's sine table: the integer part of 2^32 x |sin(i + 1)| (RFC 1321, 3.4). */
const MD5_T = Uint32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * The md5 digest of a text's UTF-8 bytes (what Kubernetes' hashutil.DeepHashObject sums), worked
 * out here (RFC 1321) for the same reason as sha256: the endpoints controller's order hashes on
 * every change of a Service's endpoints. test/unit/cluster/sha256.test.ts holds it equal to
 * node:crypto's.
 */
export function md5(text: string): Buffer {
  const message = Buffer.from(text, 'utf8');
  const bits = message.length * 8;
  // As sha256's padding, with the length little-endian.
  const padded = Buffer.alloc(Math.ceil((message.length + 9) / 64) * 64);
  message.copy(padded);
  padded[message.length] = 0x80;
  padded.writeUInt32LE(bits >>> 0, padded.length - 8);
  padded.writeUInt32LE(Math.floor(bits / 2 ** 32), padded.length - 4);
  const h = Uint32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476);
  const x = new Uint32Array(16);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) x[t] = padded.readUInt32LE(block + t * 4);
    let [a, b, c, d] = [h[0]!, h[1]!, h[2]!, h[3]!];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (b & d) | (c & ~d) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const k = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const sum = (a + f + MD5_T[i]! + x[k]!) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotl(sum, MD5_SHIFTS[round * 4 + (i % 4)]!)) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
  }
  const out = Buffer.alloc(16);
  h.forEach((word, i) => out.writeUInt32LE(word, i * 4));
  return out;
}
