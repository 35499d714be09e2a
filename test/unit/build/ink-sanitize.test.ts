// Tier: slow (and every build runs it: scripts/build.mjs checks the stand-ins before it ends)
// The bundle's sanitize-ansi (scripts/ink-sanitize.mjs) answers exactly as Ink's own, plain text
// and styled, and remembers what it worked out.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { inkSanitizeSource } from '../../../scripts/ink-sanitize.mjs';
import { tempDir } from '../../helpers/temp.js';

const inkBuild = join(import.meta.dirname, '../../../node_modules/ink/build');
const originalFile = join(inkBuild, 'sanitize-ansi.js');
const original = readFileSync(originalFile, 'utf8');
type Sanitize = (text: string) => string;

/** The edited source as a module of its own, its tokenizer the installed Ink's (counted when `counted`). */
async function loadEdited(tokenizer = pathToFileURL(join(inkBuild, 'ansi-tokenizer.js')).href): Promise<Sanitize> {
  const source = inkSanitizeSource(original);
  assert.ok(source.includes("from './ansi-tokenizer.js'"));
  const file = join(tempDir('npl-sanitize-'), 'sanitize-ansi.mjs');
  writeFileSync(file, source.replace("from './ansi-tokenizer.js'", `from ${JSON.stringify(tokenizer)}`));
  return ((await import(pathToFileURL(file).href)) as { default: Sanitize }).default;
}

const ESC = '\u001b';
const pieces = [
  'kubectl get svc',
  ' ',
  '─┬─ → ✓',
  '漢字',
  '👩‍💻',
  `${ESC}[1m`,
  `${ESC}[38;2;1;2;3m`,
  `${ESC}[0m`,
  `${ESC}[2J`,
  `${ESC}[?25l`,
  `${ESC}[1;2H`,
  `${ESC}]8;;https://kubernetes.io\u0007`,
  `${ESC}]8;;\u0007`,
  `${ESC}P1$r\u001b\\`,
  `${ESC}7`,
  '\u009b31m',
  '\u009b2J',
  '\u0085',
  '\u009d8;;x\u009c',
  '\u00a0é',
  ESC,
];

describe("Ink's sanitize-ansi, as the bundle has it", () => {
  it('answers as Ink’s own on fixed pieces and on random text, again and again', async () => {
    const edited = await loadEdited();
    const ink = ((await import(pathToFileURL(originalFile).href)) as { default: Sanitize }).default;
    for (const piece of pieces) assert.equal(edited(piece), ink(piece), JSON.stringify(piece));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(edited(text), ink(text), JSON.stringify(text));
        assert.equal(edited(text), ink(text), `remembered: ${JSON.stringify(text)}`);
      }),
      { numRuns: 600 },
    );
    // Past the 256 it keeps, the oldest answers are worked out again, still the same.
    for (let i = 0; i < 600; i++) assert.equal(edited(`${ESC}[3${i % 8}m${i}${ESC}[2K`), ink(`${ESC}[3${i % 8}m${i}${ESC}[2K`));
  });

  it('tokenizes no plain text and a styled text once while it is remembered', async () => {
    const counter = join(tempDir('npl-tokenizer-'), 'tokenizer.mjs');
    const real = pathToFileURL(join(inkBuild, 'ansi-tokenizer.js')).href;
    writeFileSync(
      counter,
      `import { tokenizeAnsi as real, hasAnsiControlCharacters as has } from ${JSON.stringify(real)};
export const counts = { tokenized: 0, checked: 0 };
export const tokenizeAnsi = (text) => (counts.tokenized++, real(text));
export const hasAnsiControlCharacters = (text) => (counts.checked++, has(text));`,
    );
    const edited = await loadEdited(pathToFileURL(counter).href);
    const { counts } = (await import(pathToFileURL(counter).href)) as { counts: { tokenized: number; checked: number } };
    for (let frame = 0; frame < 5; frame++) {
      assert.equal(edited('plain text, as most of a frame is'), 'plain text, as most of a frame is');
      assert.equal(edited(`${ESC}[1mbold${ESC}[22m${ESC}[2J`), `${ESC}[1mbold${ESC}[22m`);
    }
    assert.deepEqual(counts, { tokenized: 1, checked: 0 });
  });

  it('refuses an Ink whose sanitize-ansi changed', () => {
    assert.throws(
      () => inkSanitizeSource(original.replace('export default sanitizeAnsi;', 'export { sanitizeAnsi as default };')),
      /sanitize-ansi\.js changed/,
    );
  });
});
