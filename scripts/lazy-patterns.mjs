// Ink's text packages compile regular expressions of Unicode properties (`\p{Emoji_Presentation}`,
// `\p{Default_Ignorable_Code_Point}`, `\p{Spacing_Mark}`, ...) as their modules load; each reads
// ICU's property data, 128-256 kB of memory in a bare Node, for text the course nearly never has:
// narrow text takes the string-width shortcut (src/ui/ink-fast-paths.ts) and plain text the
// grapheme stand-in's path (src/ui/ink/graphemes.ts), and neither reads these patterns. The
// bundle's copies make each pattern the first time it is read, the same pattern with the same
// flags, shared as before (a global pattern's lastIndex is the package's own business, as it was).
// The edits run inside lazy-string-width.mjs and grapheme-stand-in.mjs, whose tests hold the
// edited packages equal to the installed ones; the build fails when a line is no longer there.
import { readFileSync } from 'node:fs';

/** @param {string} text */
const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The source with each named `const NAME = /.../flags;` made on first use; throws when a pattern is
 * not declared exactly once on a line of its own, or never read.
 * @param {string} source
 * @param {readonly string[]} names
 * @param {string} [file]
 */
export function withLazyPatterns(source, names, file = 'a package file') {
  let edited = source;
  for (const name of names) {
    const declaration = new RegExp(`^const ${escaped(name)} = /(.+)/([dgimsuvy]*);\\n`, 'm');
    const found = declaration.exec(edited);
    const reads = edited.split(new RegExp(`\\b${escaped(name)}\\b`)).length - 2;
    if (found === null || edited.split(`const ${name} = `).length !== 2 || reads < 1)
      throw new Error(`lazy-patterns: ${file} changed, expected one line "const ${name} = /.../;" and a read of it; review scripts/lazy-patterns.mjs.`);
    const [line, body, flags] = found;
    const made = `${name}Made`;
    edited = edited.replace(new RegExp(`\\b${escaped(name)}\\b`, 'g'), `${name}Now()`);
    edited = edited.replace(line.replace(name, `${name}Now()`), () =>
      [`let ${made};`, `const ${name}Now = () => (${made} ??= new RegExp(${JSON.stringify(body)}, ${JSON.stringify(flags)}));`, ''].join('\n'),
    );
  }
  return edited;
}

/**
 * A pattern no code of the bundle reads, whose compilation esbuild keeps (a `new RegExp` might do
 * anything): marked pure so that the bundle drops it with the unused code around it.
 * @param {string} source
 * @param {string} name
 * @param {string} [file]
 */
export function withPurePattern(source, name, file = 'a package file') {
  const declaration = new RegExp(`^const ${escaped(name)} = /(.+)/([dgimsuvy]*);\\n`, 'm');
  const found = declaration.exec(source);
  if (found === null || source.split(`const ${name} = `).length !== 2)
    throw new Error(`lazy-patterns: ${file} changed, expected one line "const ${name} = /.../;"; review scripts/lazy-patterns.mjs.`);
  const [line, body, flags] = found;
  return source.replace(line, () => `const ${name} = /* @__PURE__ */ new RegExp(${JSON.stringify(body)}, ${JSON.stringify(flags)});\n`);
}

/** valibot's emoji pattern (`\p{Emoji}`, `\p{Emoji_Modifier_Base}`, ...), read only by its `emoji()` check, which the course's schemas do not use. */
export const VALIBOT_FILE = /node_modules[\\/]valibot[\\/]dist[\\/]index\.mjs$/;

/** The esbuild plugin for valibot. @type {import('esbuild').Plugin} */
export const pureValibotPatterns = {
  name: 'pure-valibot-patterns',
  setup(b) {
    b.onLoad({ filter: VALIBOT_FILE }, (args) => ({ contents: withPurePattern(readFileSync(args.path, 'utf8'), 'EMOJI_REGEX', args.path), loader: 'js' }));
  },
};
