// Two of Ink's dependencies load a Node module the course never uses: signal-exit 3 (Ink's and
// restore-cursor's) loads node:assert for one check that its callback is a function, and
// terminal-size loads node:child_process to ask `tput` or `stty` for a size when neither stdout nor
// stderr is a terminal. The bundle's copies check the callback themselves (the same message) and
// load node:child_process the first time a size is asked of a command. Exits and Ctrl-C restore
// the terminal as before (test/e2e/crash-terminal.test.ts); test/unit/build/unused-builtins.test.ts
// runs the edited packages. The build fails when a line is no longer there.
import { readFileSync } from 'node:fs';

/** Each edit: the file, and what must be there exactly once with what replaces it. @type {{ name: string, file: RegExp, edits: [string, string][] }[]} */
export const BUILTIN_EDITS = [
  {
    name: 'signal-exit/index.js',
    file: /node_modules[\\/]signal-exit[\\/]index\.js$/,
    edits: [
      [
        "  var assert = require('assert')\n",
        '  var assert = { equal: function (actual, expected, message) { if (actual != expected) { var error = new Error(message); error.code = "ERR_ASSERTION"; error.name = "AssertionError"; throw error } } }\n',
      ],
    ],
  },
  {
    name: 'terminal-size/index.js',
    file: /node_modules[\\/]terminal-size[\\/]index\.js$/,
    edits: [
      [
        "import {execFileSync} from 'node:child_process';\n",
        "import {createRequire} from 'node:module';\nconst execFileSync = (...arguments_) => createRequire(import.meta.url)('node:child_process').execFileSync(...arguments_);\n",
      ],
    ],
  },
];

/**
 * A package file's source with its edits; throws when one no longer applies.
 * @param {string} source
 * @param {[string, string][]} edits
 * @param {string} [file]
 */
export function withoutUnusedBuiltins(source, edits, file = 'a package file') {
  let edited = source;
  for (const [from, to] of edits) {
    if (edited.split(from).length !== 2)
      throw new Error(`unused-builtins: ${file} changed, expected one ${JSON.stringify(from)}; review scripts/unused-builtins.mjs against the new package.`);
    edited = edited.replace(from, () => to);
  }
  return edited;
}

/** The esbuild plugin, and the names of the files it did not edit (call after the build). */
export function unusedBuiltins() {
  const edited = new Set();
  return {
    /** @type {import('esbuild').Plugin} */
    plugin: {
      name: 'unused-builtins',
      setup(b) {
        for (const { name, file, edits } of BUILTIN_EDITS) {
          b.onLoad({ filter: file }, (args) => {
            edited.add(name);
            return { contents: withoutUnusedBuiltins(readFileSync(args.path, 'utf8'), edits, args.path), loader: 'js' };
          });
        }
      },
    },
    unedited: () => BUILTIN_EDITS.map((entry) => entry.name).filter((name) => !edited.has(name)),
  };
}
