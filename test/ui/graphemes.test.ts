// Tier: slow (and every build runs it: scripts/build.mjs checks the stand-ins before it ends)
// The grapheme stand-in (src/ui/ink/graphemes.ts) splits text as ICU's Intl.Segmenter does, makes
// no ICU segmenter for text that needs none, and the packages the build gives it to
// (scripts/grapheme-stand-in.mjs) answer as the installed ones. The build runs this file.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { SEGMENTER_LINES, withGraphemeStandIn } from '../../scripts/grapheme-stand-in.mjs';
import { GRAPHEMES_MODULE } from '../../scripts/lazy-string-width.mjs';
import { graphemes, JOINING, mayJoin, quiet } from '../../src/ui/ink/graphemes.js';
import { runs } from '../helpers/soak.js';
import type * as GraphemesModule from '../../src/ui/ink/graphemes.js';
import { tempDir } from '../helpers/temp.js';

const modules = join(import.meta.dirname, '../../node_modules');
const ESC = '\u001b';
const link = (url: string, text: string): string => `${ESC}]8;;${url}\u0007${text}${ESC}]8;;\u0007`;

/** Pieces of text the course and a learner's paste can hold, joining and not. */
const pieces = [
  'kubectl get svc',
  ' ',
  'a',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '─┬─',
  '→ • ✓',
  'ünïcödé',
  'e\u0301',
  '\u0301',
  '漢字のテキスト',
  'ｶﾞ',
  '한국어',
  '\u1100\u1161\u11a8',
  '\uac00\u11a8',
  '👍🏽',
  '👩‍💻',
  '\u200d',
  '\u200c',
  '🏳️‍🌈',
  '🇩🇪🇫🇷',
  '🇩',
  '1\ufe0f\u20e3',
  '\ufe0f',
  'क्षि',
  'ि',
  '\u0600a',
  '\u0e33',
  '\u{11f02}x',
  '\ud800',
  '\udc00',
  `${ESC}[1m`,
  `${ESC}[38;2;1;2;3m`,
  `${ESC}[0m`,
  '\u009b31m',
  link('https://kubernetes.io/docs/concepts/services-networking/service/', 'Service'),
];

const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), {
  maxLength: 10,
});
const icu = new Intl.Segmenter();

/** Loads a package file, edited, as a module of its own: its imports pointed at the installed packages. */
async function loadEdited(file: string, from: string, imports: Record<string, string>, standIn = GRAPHEMES_MODULE): Promise<Record<string, unknown>> {
  let source = withGraphemeStandIn(readFileSync(file, 'utf8'), from, standIn, file);
  for (const [specifier, path] of Object.entries(imports)) {
    const before = source;
    source = source.replace(
      new RegExp(`from (['"])${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\1`, 'g'),
      `from ${JSON.stringify(pathToFileURL(path).href)}`,
    );
    assert.notEqual(source, before, `${file} imports ${specifier}`);
  }
  const edited = join(tempDir('npl-graphemes-'), 'edited.mjs');
  writeFileSync(edited, source);
  return (await import(pathToFileURL(edited).href)) as Record<string, unknown>;
}

const stringWidth7File = join(modules, 'wrap-ansi/node_modules/string-width/index.js');
const sliceTokenizeFile = join(modules, 'slice-ansi/tokenize-ansi.js');
const ansiTokenizeFile = join(modules, '@alcalzone/ansi-tokenize/build/tokenize.js');
const beside = (file: string, name: string): string => createRequire(file).resolve(name);
const fromLine = (name: string): string => {
  const line = SEGMENTER_LINES.find((l) => l.name === name);
  assert.ok(line, name);
  return line.from;
};

type Width = (text: string, options?: object) => number;
type SliceTokenize = (text: string, options?: { endCharacter?: number }) => unknown[];
type Tokenize = (text: string, endChar?: number) => unknown[];

const loadAll = async (standIn = GRAPHEMES_MODULE): Promise<{ width: Width; sliceTokenize: SliceTokenize; tokenize: Tokenize }> => {
  const width = (
    await loadEdited(
      stringWidth7File,
      fromLine('wrap-ansi/node_modules/string-width/index.js'),
      {
        'strip-ansi': beside(stringWidth7File, 'strip-ansi'),
        'get-east-asian-width': beside(stringWidth7File, 'get-east-asian-width'),
        'emoji-regex': beside(stringWidth7File, 'emoji-regex'),
      },
      standIn,
    )
  ).default as Width;
  const sliceTokenize = (
    await loadEdited(
      sliceTokenizeFile,
      fromLine('slice-ansi/tokenize-ansi.js'),
      {
        'ansi-styles': beside(sliceTokenizeFile, 'ansi-styles'),
        'is-fullwidth-code-point': beside(sliceTokenizeFile, 'is-fullwidth-code-point'),
      },
      standIn,
    )
  ).default as SliceTokenize;
  const tokenize = (
    await loadEdited(
      ansiTokenizeFile,
      fromLine('@alcalzone/ansi-tokenize/build/tokenize.js'),
      {
        'is-fullwidth-code-point': beside(ansiTokenizeFile, 'is-fullwidth-code-point'),
        './ansiCodes.js': join(dirname(ansiTokenizeFile), 'ansiCodes.js'),
      },
      standIn,
    )
  ).tokenize as Tokenize;
  return { width, sliceTokenize, tokenize };
};

describe('the grapheme stand-in', () => {
  it('makes no ICU segmenter for plain text, through any edited package, and one for text that needs it', async () => {
    const Real = Intl.Segmenter;
    const intl = Intl as { Segmenter: typeof Real };
    let made = 0;
    intl.Segmenter = new Proxy(Real, { construct: (target, args: ConstructorParameters<typeof Real>) => (made++, new target(...args)) });
    try {
      // A stand-in of its own, not the one other tests in this process may have used.
      const standIn = `${pathToFileURL(GRAPHEMES_MODULE).href}?fresh`;
      const { graphemes, icuSegmentersMade } = (await import(standIn)) as typeof GraphemesModule;
      const { width, sliceTokenize, tokenize } = await loadAll(standIn);
      assert.equal(made, 0, 'nothing made as the packages load');
      const plain = `${ESC}[1mNodePort${ESC}[22m 10.96.0.1:80 → 30080 ─┬─ ✓ über 漢字 한국어 ${link('https://k8s.io', 'docs')}\t`;
      width(plain);
      sliceTokenize(plain);
      sliceTokenize(plain, { endCharacter: 5 });
      tokenize(plain);
      assert.equal([...graphemes.segment(plain)].length, [...plain].length);
      assert.equal(made, 0, 'text no code point of which joins another needs no segmenter');
      assert.equal(icuSegmentersMade(), 0);
      assert.equal(width('👩‍💻'), 2);
      assert.equal(made, 1, 'made on the first text that needs it');
      tokenize('e\u0301 🇩🇪');
      sliceTokenize('e\u0301 🇩🇪');
      assert.equal(made, 1, 'and kept');
      assert.equal(icuSegmentersMade(), 1);
    } finally {
      intl.Segmenter = Real;
    }
  });

  it('splits as Intl.Segmenter on the fixed pieces and on random text: the graphemes and the one around each index', () => {
    const same = (input: string): void => {
      assert.deepEqual([...graphemes.segment(input)], [...icu.segment(input)], JSON.stringify(input));
      const ours = graphemes.segment(input);
      const theirs = icu.segment(input);
      for (let i = -1; i <= input.length + 1; i++) assert.deepEqual(ours.containing(i), theirs.containing(i), `${JSON.stringify(input)} at ${i}`);
      assert.deepEqual(ours.containing(), theirs.containing());
      assert.deepEqual(ours.containing(Number.NaN), theirs.containing(Number.NaN));
      assert.deepEqual(ours.containing(1.7), theirs.containing(1.7));
    };
    for (const piece of pieces) same(piece);
    same('');
    fc.assert(
      fc.property(text, (parts) => {
        same(parts.join(''));
      }),
      { numRuns: runs(500) },
    );
  });

  it('leaves out no code point that can join a neighbour: ICU splits every other one from any of them (UAX #29, GB999)', () => {
    // Each code point outside the joining set, c, as "a c c": after a letter (Extend, ZWJ and
    // SpacingMark would join it), before itself (Prepend, Regional_Indicator and the Hangul jamo
    // L, V and T would) and before the next one's letter (Prepend). CR is in the set.
    let batch = '';
    let expected = 0;
    let tried: number[] = [];
    const joined: string[] = [];
    const check = (): void => {
      if ([...icu.segment(batch)].length !== expected)
        for (const code of tried) {
          const c = String.fromCodePoint(code);
          if ([...icu.segment(`a${c}${c}`)].length !== 3 || [...icu.segment(`${c}a`)].length !== 2) joined.push(`U+${code.toString(16)}`);
        }
      batch = '';
      expected = 0;
      tried = [];
    };
    let outside = 0;
    for (let code = 0; code <= 0x10ffff; code++) {
      const c = String.fromCodePoint(code);
      if (mayJoin(c)) continue;
      outside++;
      batch += `a${c}${c}`;
      expected += 3;
      tried.push(code);
      if (tried.length === 48) check();
    }
    check();
    assert.deepEqual(joined, []);
    assert.ok(outside > 1_000_000, `${outside} code points split without ICU`);
  });

  it('passes over the quiet symbols without the joining class: none of them is in it, so the answer is the same', () => {
    const joining = new RegExp(JOINING, 'u');
    let quietCount = 0;
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (!quiet(code)) continue;
      quietCount++;
      if (joining.test(String.fromCodePoint(code))) wrong.push(`U+${code.toString(16)}`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(quietCount > 2000, `${quietCount} quiet code points`);
    // mayJoin is the class (or CR) over the whole text, quiet symbols before, between or after.
    const pieces = ['a', '\r', '─', '→', '•', '…', '\u0301', '\u200d', '漢', '😀', '\u{1f3fd}', '\u2060', '\u200b', '▶'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        assert.equal(mayJoin(text), joining.test(text), JSON.stringify(text));
      }),
    );
  });

  it('takes these as joining: CR, marks, ZWJ, variation selectors, emoji modifiers, regional indicators, jamo, prepends', () => {
    for (const c of [
      '\r',
      '\u0301',
      '\u0903',
      '\u200d',
      '\ufe0f',
      '\u{1f3fd}',
      '\u{1f1e9}',
      '\u1100',
      '\u1161',
      '\u11a8',
      '\u0600',
      '\u0d4e',
      '\u0e33',
      '\u{e0067}',
    ])
      assert.ok(mayJoin(`x${c}`), `U+${c.codePointAt(0)?.toString(16)}`);
    for (const c of ['plain', '\n', '\t', '─', '→', '漢', '가', '😀', '\u00ad']) assert.ok(!mayJoin(c), JSON.stringify(c));
  });

  it('leaves wrap-ansi’s string-width, slice-ansi’s and ansi-tokenize’s tokenizers answering as the installed ones', async () => {
    const { width, sliceTokenize, tokenize } = await loadAll();
    const original = {
      width: ((await import(pathToFileURL(stringWidth7File).href)) as { default: Width }).default,
      sliceTokenize: ((await import(pathToFileURL(sliceTokenizeFile).href)) as { default: SliceTokenize }).default,
      tokenize: ((await import(pathToFileURL(ansiTokenizeFile).href)) as { tokenize: Tokenize }).tokenize,
    };
    const same = (input: string, end: number): void => {
      assert.equal(width(input), original.width(input), JSON.stringify(input));
      assert.equal(width(input, { ambiguousIsNarrow: false }), original.width(input, { ambiguousIsNarrow: false }), JSON.stringify(input));
      assert.deepEqual(sliceTokenize(input), original.sliceTokenize(input), JSON.stringify(input));
      assert.deepEqual(sliceTokenize(input, { endCharacter: end }), original.sliceTokenize(input, { endCharacter: end }), `${JSON.stringify(input)} to ${end}`);
      assert.deepEqual(tokenize(input), original.tokenize(input), JSON.stringify(input));
      assert.deepEqual(tokenize(input, end), original.tokenize(input, end), `${JSON.stringify(input)} to ${end}`);
    };
    for (const piece of pieces) same(piece, 2);
    fc.assert(
      fc.property(text, fc.nat(12), (parts, end) => {
        same(parts.join(''), end);
      }),
      { numRuns: runs(400) },
    );
  });

  it('refuses a package whose segmenter line changed', () => {
    const from = fromLine('slice-ansi/tokenize-ansi.js');
    assert.throws(
      () =>
        withGraphemeStandIn(
          readFileSync(sliceTokenizeFile, 'utf8').replace(from, from.replace('undefined', "'en'")),
          from,
          GRAPHEMES_MODULE,
          'tokenize-ansi.js',
        ),
      /tokenize-ansi\.js changed/,
    );
  });
});
