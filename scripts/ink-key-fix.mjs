// Ink 6.8 throws on a key it has no name for when Ctrl is held (Ctrl+F1..F4 send ESC[1;5P..S):
// parse-keypress leaves the name undefined and useInput calls startsWith on it
// (vadimdemedes/ink#901, fixed upstream by #902). Until the pinned Ink has the fix, the bundle
// carries an equivalent: names for the CSI forms of F1..F4, and an empty name, never undefined,
// for any other unknown code. The build fails if Ink's code no longer reads as expected.
import { readFileSync } from 'node:fs';

/** @type {[RegExp, [string, string][]][]} */
export const INK_KEY_EDITS = [
  [
    /ink[\\/]build[\\/]parse-keypress\.js$/,
    [
      ["    OS: 'f4',\n", "    OS: 'f4',\n    '[P': 'f1',\n    '[Q': 'f2',\n    '[R': 'f3',\n    '[S': 'f4',\n"],
      ['        key.name = keyName[code];\n', "        key.name = keyName[code] ?? '';\n"],
    ],
  ],
  [
    /ink[\\/]build[\\/]hooks[\\/]use-input\.js$/,
    [
      [
        '            else if (keypress.ctrl) {\n                input = keypress.name;\n',
        "            else if (keypress.ctrl) {\n                input = keypress.name ?? '';\n",
      ],
    ],
  ],
];

/** The esbuild plugin: each edit must match exactly once. @type {import('esbuild').Plugin} */
export const inkKeyFix = {
  name: 'ink-key-fix',
  setup(b) {
    for (const [file, edits] of INK_KEY_EDITS) {
      b.onLoad({ filter: file }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (source.split(from).length !== 2)
            throw new Error(
              `ink-key-fix: ${args.path} changed, expected one ${JSON.stringify(from)}; is vadimdemedes/ink#902 in this Ink? Then drop scripts/ink-key-fix.mjs.`,
            );
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};
