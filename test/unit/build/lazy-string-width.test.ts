// Tier: slow (and every build runs it: scripts/build.mjs checks the stand-ins before it ends)
// The bundle's string-width (scripts/lazy-string-width.mjs) takes the grapheme stand-in (ICU only
// for text that can join graphemes) and makes its emoji pattern on first use, and answers exactly
// as the installed string-width does.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { GRAPHEMES_MODULE, lazyStringWidthSource } from '../../../scripts/lazy-string-width.mjs';
import { tempDir } from '../../helpers/temp.js';

let loads = 0;

const require = createRequire(import.meta.url);
const original = readFileSync(require.resolve('string-width'), 'utf8');
const stringWidthDir = require.resolve('string-width').replace(/index\.js$/, '');
const beside = createRequire(join(stringWidthDir, 'index.js'));

/** The edited source as a module of its own, its imports pointed at the installed packages. */
async function loadEdited(): Promise<(text: string, options?: object) => number> {
  let source = lazyStringWidthSource(original);
  for (const name of ['strip-ansi', 'get-east-asian-width']) {
    assert.ok(source.includes(`from '${name}'`), name);
    const url = pathToFileURL(beside.resolve(name)).href;
    source = source.replace(`from '${name}'`, `from ${JSON.stringify(url)}`);
  }
  // A grapheme stand-in of its own, not the one other tests in this process may have used: what
  // it has made is counted from nothing.
  source = source.replace(JSON.stringify(GRAPHEMES_MODULE), JSON.stringify(`${pathToFileURL(GRAPHEMES_MODULE).href}?load=${++loads}`));
  const file = join(tempDir('npl-lazy-width-'), 'string-width.mjs');
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { default: (text: string, options?: object) => number }).default;
}

const samples = [
  '',
  'kubectl get svc',
  'ünïcödé',
  '漢字のテキスト',
  '👩‍💻 and 👍🏽',
  'e\u0301',
  '\u001b[31mred\u001b[0m',
  '1\u20e3',
  '한국어',
  '\u200b',
  'ｶﾀｶﾅ',
  '─▶ •',
];

describe('string-width made lazy for the bundle', () => {
  it('makes no Intl.Segmenter on load, none for text that cannot join graphemes, and one on the first that can', async () => {
    const Real = Intl.Segmenter;
    const intl = Intl as { Segmenter: typeof Real };
    let made = 0;
    intl.Segmenter = new Proxy(Real, { construct: (target, args: ConstructorParameters<typeof Real>) => (made++, new target(...args)) });
    try {
      const lazy = await loadEdited();
      assert.equal(made, 0, 'nothing made as the module loads');
      assert.equal(lazy('plain ascii'), 11);
      assert.equal(made, 0, 'printable ASCII needs no segmenter');
      assert.equal(lazy('漢字'), 4);
      assert.equal(made, 0, 'wide text of lone code points needs none either');
      assert.equal(lazy('👍🏽'), 2);
      assert.equal(made, 1, 'made on first use');
      lazy('👍🏽');
      assert.equal(made, 1, 'and kept');
    } finally {
      intl.Segmenter = Real;
    }
  });

  it('compiles no pattern of Unicode properties as it loads nor for printable ASCII, and its patterns for an emoji', async () => {
    const Real = RegExp;
    const compiled: string[] = [];
    const scope = globalThis as { RegExp: RegExpConstructor };
    scope.RegExp = new Proxy(Real, {
      construct: (target, args: [string | RegExp, string?], newTarget) => {
        const source = args[0] instanceof Real ? args[0].source : String(args[0]);
        if (source.includes('\\p{')) compiled.push(source);
        return Reflect.construct(target, args, newTarget === scope.RegExp ? target : newTarget) as RegExp;
      },
    });
    try {
      const lazy = await loadEdited();
      assert.equal(compiled.join(), '', 'none as the module loads');
      assert.equal(lazy('kubectl get svc -o wide'), 23);
      assert.equal(lazy('\u001b[1mNAME\u001b[0m  TYPE'), 10);
      assert.equal(compiled.join(), '', 'none for printable ASCII (the bundle sends other narrow text to its shortcut first)');
      assert.equal(lazy('\u0300a\u0301'), 1);
      assert.ok(
        compiled.some((source) => source.includes('Default_Ignorable_Code_Point')),
        'the visible-character pattern for marks',
      );
      assert.equal(lazy('👍🏽'), 2);
      assert.ok(
        compiled.some((source) => source.includes('RGI_Emoji')),
        'the emoji pattern for an emoji',
      );
      const count = compiled.length;
      lazy('👍🏽 \u0300a\u0301');
      assert.equal(compiled.length, count, 'each made once and kept');
    } finally {
      scope.RegExp = Real;
    }
  });

  it('answers as the installed string-width on fixed samples and random text, with and without options', async () => {
    const lazy = await loadEdited();
    for (const text of samples) {
      assert.equal(lazy(text), stringWidth(text), JSON.stringify(text));
      assert.equal(
        lazy(text, { ambiguousIsNarrow: false, countAnsiEscapeCodes: true }),
        stringWidth(text, { ambiguousIsNarrow: false, countAnsiEscapeCodes: true }),
        JSON.stringify(text),
      );
    }
    const pieces = fc.constantFrom(...samples, 'a', ' ', '\t', '\u0300', '\u200d', '🏳️‍🌈', '©', '\ufe0f', '\u001b[1m');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        return lazy(text) === stringWidth(text);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a string-width whose code no longer reads as expected', () => {
    assert.throws(
      () => lazyStringWidthSource(original.replace('const segmenter = new Intl.Segmenter();', 'const segmenter = new Intl.Segmenter(undefined);')),
      /string-width\/index\.js changed/,
    );
    assert.throws(
      () => lazyStringWidthSource(original.replace('const spacingMarkRegex = /', 'let spacingMarkRegex = /')),
      /expected one line "const spacingMarkRegex = \/\.\.\.\/;"/,
    );
  });
});
