// Ink squashes every text node on every frame and hands the result to sanitize-ansi, which walked
// each plain string with for...of (an iterator result a character in the interpreter, to find
// that no code point is ESC or a C1 control) and tokenized each styled one again, though the text
// of nearly every line is the one of the frame before. The bundle's copy finds a control with one
// regular expression (the same code points: C1 controls are single code units) and remembers the
// answers for the last 256 styled texts. test/unit/build/ink-sanitize.test.ts holds it equal to
// Ink's own; the build fails when Ink's code no longer reads as expected.
import { readFileSync } from 'node:fs';

/** Each edit of ink/build/sanitize-ansi.js: what must be there exactly once, and what replaces it. @type {[string, string][]} */
export const SANITIZE_EDITS = [
  ['const sanitizeAnsi = (text) => {\n    if (!hasAnsiControlCharacters(text)) {\n        return text;\n    }\n', 'const sanitizeStyled = (text) => {\n'],
  [
    'export default sanitizeAnsi;',
    [
      'const controlCharacter = /[\\u001B\\u0080-\\u009F]/;',
      'const sanitized = new Map();',
      'const sanitizeAnsi = (text) => {',
      '    if (!controlCharacter.test(text)) {',
      '        return text;',
      '    }',
      '    let output = sanitized.get(text);',
      '    if (output === undefined) {',
      '        output = sanitizeStyled(text);',
      '        if (sanitized.size >= 256) sanitized.delete(sanitized.keys().next().value);',
      '        sanitized.set(text, output);',
      '    }',
      '    return output;',
      '};',
      'export default sanitizeAnsi;',
    ].join('\n'),
  ],
];

/**
 * sanitize-ansi's source with the edits made; throws when one no longer applies.
 * @param {string} source
 * @param {string} [file]
 */
export function inkSanitizeSource(source, file = 'ink/build/sanitize-ansi.js') {
  let edited = source;
  for (const [from, to] of SANITIZE_EDITS) {
    if (edited.split(from).length !== 2)
      throw new Error(`ink-sanitize: ${file} changed, expected one ${JSON.stringify(from)}; review scripts/ink-sanitize.mjs against the new Ink.`);
    edited = edited.replace(from, () => to);
  }
  return edited;
}

/** The esbuild plugin. @type {import('esbuild').Plugin} */
export const inkSanitize = {
  name: 'ink-sanitize',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]sanitize-ansi\.js$/ }, (args) => ({
      contents: inkSanitizeSource(readFileSync(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
