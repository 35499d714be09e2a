// string-width builds an Intl.Segmenter and the /^\p{RGI_Emoji}$/v pattern when its module loads:
// on this machine 20-40 ms each, as much as Node's own start-up, paid by every command that
// measures text (the sandbox, print, the course) even when all of its text is narrow and never
// reaches them (src/text/narrow.ts, src/ui/ink-fast-paths.ts). The bundle's copy takes the
// grapheme stand-in (src/ui/ink/graphemes.ts: ICU only for text that can join graphemes) and
// makes the pattern on first use; test/unit/build/lazy-string-width.test.ts holds it equal to
// the original. The build fails if string-width's code no longer reads as expected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withLazyPatterns } from './lazy-patterns.mjs';

/** The grapheme stand-in, as esbuild and Node's loader both take it. */
export const GRAPHEMES_MODULE = fileURLToPath(new URL('../src/ui/ink/graphemes.ts', import.meta.url)).replaceAll('\\', '/');

/** Each edit of string-width/index.js: what must be there exactly once, and what replaces it. @type {[string, string][]} */
export const STRING_WIDTH_EDITS = [
  ['const segmenter = new Intl.Segmenter();\n', `import { graphemes as segmenter } from ${JSON.stringify(GRAPHEMES_MODULE)};\n`],
  [
    'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n',
    "let rgiEmojiPattern;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiPattern ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};\n",
  ],
];

/** string-width's other patterns of Unicode properties, made on first use as well (lazy-patterns.mjs). */
export const STRING_WIDTH_PATTERNS = ['visibleCharacterRegex', 'spacingMarkRegex', 'extendedPictographicRegex'];

/**
 * string-width's source with both made on first use, and its other property patterns; throws when an edit no longer applies.
 * @param {string} source
 * @param {string} [file]
 */
export function lazyStringWidthSource(source, file = 'string-width/index.js') {
  let edited = source;
  for (const [from, to] of STRING_WIDTH_EDITS) {
    if (edited.split(from).length !== 2)
      throw new Error(
        `lazy-string-width: ${file} changed, expected one ${JSON.stringify(from)}; review scripts/lazy-string-width.mjs against the new string-width.`,
      );
    edited = edited.replace(from, () => to);
  }
  return withLazyPatterns(edited, STRING_WIDTH_PATTERNS, file);
}

/** The esbuild plugin, for the string-width file the bundle takes. @type {(file: string) => import('esbuild').Plugin} */
export const lazyStringWidth = (file) => ({
  name: 'lazy-string-width',
  setup(b) {
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    b.onLoad({ filter: new RegExp(`^${escaped}$`) }, (args) => ({ contents: lazyStringWidthSource(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }));
  },
});
