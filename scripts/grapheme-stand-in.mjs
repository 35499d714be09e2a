// Ink's text packages each make an Intl.Segmenter as their module loads: the first one loads ICU's
// grapheme break data, 2.7 MiB of the course's memory, for text that is nearly always plain. The
// bundle's copies take src/ui/ink/graphemes.ts instead, which splits text no code point of which
// can join another by code point, and makes an ICU segmenter on the first text that needs one.
// test/ui/graphemes.test.ts holds each edited package equal to the installed one; the build fails
// when a package's code no longer reads as expected, or an edited file was not bundled.
import { readFileSync } from 'node:fs';
import { withLazyPatterns } from './lazy-patterns.mjs';

/**
 * Each package file whose segmenter is replaced: where it is, and the line that makes the segmenter.
 * and the patterns of Unicode properties it compiles as it loads, made on first use instead (lazy-patterns.mjs).
 * @type {{ name: string, file: RegExp, from: string, patterns: string[] }[]}
 */
export const SEGMENTER_LINES = [
  {
    // wrap-ansi's own string-width 7 (the top-level string-width 8 is edited by lazy-string-width.mjs)
    name: 'wrap-ansi/node_modules/string-width/index.js',
    file: /wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    from: 'const segmenter = new Intl.Segmenter();\n',
    patterns: ['defaultIgnorableCodePointRegex'],
  },
  {
    name: 'slice-ansi/tokenize-ansi.js',
    file: /node_modules[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
    from: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});\n",
    patterns: ['EMOJI_PRESENTATION_GRAPHEME_REGEX'],
  },
  {
    name: '@alcalzone/ansi-tokenize/build/tokenize.js',
    file: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
    from: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });\n',
    patterns: [],
  },
];

/**
 * The line that takes the stand-in in place of `from`, under the same name.
 * @param {string} from
 * @param {string} graphemesModule the specifier of src/ui/ink/graphemes.ts
 */
export const standInLine = (from, graphemesModule) => {
  const name = /^const (\w+) = /.exec(from)?.[1];
  if (name === undefined) throw new Error(`grapheme-stand-in: no constant in ${JSON.stringify(from)}`);
  return `import { graphemes as ${name} } from ${JSON.stringify(graphemesModule)};\n`;
};

/**
 * A package file's source with its segmenter replaced; throws when the line is not there exactly once.
 * @param {string} source
 * @param {string} from
 * @param {string} graphemesModule
 * @param {string} [file]
 */
export function withGraphemeStandIn(source, from, graphemesModule, file = 'a package file') {
  if (source.split(from).length !== 2)
    throw new Error(`grapheme-stand-in: ${file} changed, expected one ${JSON.stringify(from)}; review scripts/grapheme-stand-in.mjs against the new package.`);
  const patterns = SEGMENTER_LINES.find((line) => line.from === from)?.patterns ?? [];
  return withLazyPatterns(
    source.replace(from, () => standInLine(from, graphemesModule)),
    patterns,
    file,
  );
}

/**
 * The esbuild plugin, and the check that every file was edited (call after the build).
 * @param {string} graphemesModule
 * @returns {{ plugin: import('esbuild').Plugin, unedited: () => string[] }}
 */
export function graphemeStandIn(graphemesModule) {
  const edited = new Set();
  return {
    plugin: {
      name: 'grapheme-stand-in',
      setup(b) {
        for (const { name, file, from } of SEGMENTER_LINES) {
          b.onLoad({ filter: file }, (args) => {
            edited.add(name);
            return { contents: withGraphemeStandIn(readFileSync(args.path, 'utf8'), from, graphemesModule, args.path), loader: 'js' };
          });
        }
      },
    },
    unedited: () => SEGMENTER_LINES.map((l) => l.name).filter((name) => !edited.has(name)),
  };
}
