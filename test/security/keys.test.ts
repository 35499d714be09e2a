// Every key a terminal can send with every modifier, and random escape sequences, through the Ink
// the build bundles: none may throw (Ctrl+F1, ESC[1;5P, crashed Ink 6.8: vadimdemedes/ink#901).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { importWithBuiltInk } from '../helpers/ink-as-built.js';
import { repoPath } from '../helpers/fixtures.js';
import { runs } from '../helpers/soak.js';

interface Probe {
  start(): { press(bytes: string): unknown; frame(): string; stop(): void };
}

const ESC = '\u001b';
/** xterm's modifier parameter: 2 Shift, 3 Alt, 4 Shift+Alt, 5 Ctrl, 6 Shift+Ctrl, 7 Alt+Ctrl, 8 all three. */
const MODIFIERS = [2, 3, 4, 5, 6, 7, 8];
const LETTERS = ['P', 'Q', 'R', 'S', 'A', 'B', 'C', 'D', 'H', 'F', 'E', 'I', 'O', 'Z'];
const TILDE = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34];

export function everyModifiedKey(): string[] {
  const keys: string[] = [];
  for (const m of MODIFIERS) {
    for (const x of LETTERS) keys.push(`${ESC}[1;${m}${x}`, `${ESC}[${m}${x}`, `${ESC}O${m}${x}`, `${ESC}O1;${m}${x}`, `${ESC}${ESC}[1;${m}${x}`);
    for (const n of TILDE) keys.push(`${ESC}[${n};${m}~`, `${ESC}[${n};${m}^`, `${ESC}[${n};${m}$`);
  }
  for (const x of LETTERS) keys.push(`${ESC}O${x}`, `${ESC}[${x}`, `${ESC}[[${x}`);
  for (const n of TILDE) keys.push(`${ESC}[${n}~`, `${ESC}[${n}^`, `${ESC}[${n}$`);
  return keys;
}

describe('the key parser as built', () => {
  let probe: Probe | undefined;
  const load = async () => (probe ??= await importWithBuiltInk<Probe>(repoPath('test/security/fixtures/key-probe.tsx'), 'key-probe'));

  it('Ctrl+F1..F4 and every xterm modifier form of every key are read without a throw', async () => {
    const app = (await load()).start();
    const keys = everyModifiedKey();
    const failures = keys.map((k) => [JSON.stringify(k), app.press(k)] as const).filter(([, e]) => e !== null);
    app.stop();
    assert.deepEqual(failures, []);
    assert.ok(keys.includes(`${ESC}[1;5P`) && keys.length > 500);
  });

  it('random bytes and escape sequences never throw', async () => {
    const app = (await load()).start();
    const piece = fc.oneof(
      fc.constantFrom(...everyModifiedKey()),
      fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
      fc
        .tuple(
          fc.constantFrom('[', 'O', '[[', ']'),
          fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 3 }),
          fc.constantFrom(...'~^$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.split('')),
        )
        .map(([intro, params, end]) => `${ESC}${intro}${params.join(';')}${end}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => app.press(pieces.join('')) === null),
      { numRuns: runs(400) },
    );
    app.stop();
  });
});
