// Bundles the app and every runtime dependency: the ES modules (dist/cli.mjs and its chunks), the
// CommonJS entry in front of them (dist/cli.js), and the bundles required on first use (dist/*.cjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, chmodSync, readdirSync, rmSync, writeFileSync, existsSync as existsDir } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkKeyFix } from './ink-key-fix.mjs'; // Ctrl+F1..F4 crash Ink 6.8 (ink#901)
import { GRAPHEMES_MODULE, lazyStringWidth } from './lazy-string-width.mjs'; // string-width's Intl.Segmenter and emoji pattern made on first use
import { graphemeStandIn } from './grapheme-stand-in.mjs'; // no ICU segmenter for text that needs none
import { pureValibotPatterns } from './lazy-patterns.mjs'; // valibot's unused emoji pattern left out
import { unusedBuiltins } from './unused-builtins.mjs'; // no node:assert nor node:child_process for Ink's dependencies
import { inkSanitize } from './ink-sanitize.mjs'; // sanitize-ansi without walking each plain string, its answers kept
import { COMMONJS } from './commonjs-options.mjs';
import { sharedCore } from './shared-core.mjs'; // the core once, as CommonJS, for the code cache and the ES modules

const root = fileURLToPath(new URL('..', import.meta.url));
/** A path with forward slashes: esbuild hands Windows paths with backslashes to the resolvers below. */
const slash = (/** @type {string} */ path) => path.replaceAll('\\', '/');
/** @typedef {import('esbuild').Plugin} Plugin */
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

// Ink imports its devtools module only when DEV is set; an empty stub keeps
// react-devtools-core out of the bundle and out of start-up.
/** @type {Plugin} */
const stubDevtools = {
  name: 'stub-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /devtools\.js$/ }, (args) =>
      slash(args.importer).includes('node_modules/ink/') ? { path: 'devtools', namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

// Ink draws only the last frame when the CI variable is set. The course renders only on a real
// terminal (cli.tsx refuses otherwise), where a learner must see every frame whatever their
// environment says, so Ink's CI check is answered "no".
/** @type {Plugin} */
const notInCi = {
  name: 'not-in-ci',
  setup(b) {
    b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: 'is-in-ci', namespace: 'stub-ci' }));
    b.onLoad({ filter: /.*/, namespace: 'stub-ci' }, () => ({ contents: 'export default false;', loader: 'js' }));
  },
};

/**
 * Edits a dependency's source as it is bundled; fails the build when a piece to replace is not there exactly once.
 * @param {string} name
 * @param {RegExp} file
 * @param {[string, string][]} edits
 * @returns {Plugin}
 */
const patch = (name, file, edits) => ({
  name,
  setup(b) {
    b.onLoad({ filter: file }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const [from, to] of edits) {
        if (source.split(from).length !== 2) throw new Error(`${name}: ${args.path} changed, expected one ${JSON.stringify(from)}`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
});

// Ink's layout engine, yoga-layout, carries its WebAssembly as a data: URL, which Emscripten's
// loader reads with fetch() wherever fetch exists. On Node that first touch of fetch loads undici
// and with it http, tls, http2, zlib and web streams: 4-5 MiB and some milliseconds of start-up
// for nothing. The loader's other branch decodes the same base64 itself.
const yogaWithoutFetch = patch('yoga-without-fetch', /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
  ['"function"!=typeof fetch?Promise.resolve()', 'true?Promise.resolve()'],
]);

// Ink keeps every line <Static> ever printed, to print it all again after clearing a screen whose
// frame outgrew the window. The sandbox prints through <Static>, so a long session, or a pasted
// script, would hold all of it: the last 64 KiB (more than any window shows) is kept instead, cut
// at a line's end, where Ink's rows have closed their styles.
const inkStaticTail = patch('ink-static-tail', /ink[\\/]build[\\/]ink\.js$/, [
  [
    '        if (hasStaticOutput) {\n            this.fullStaticOutput += staticOutput;\n        }\n        // Detect fullscreen',
    "        if (hasStaticOutput) {\n            const all = this.fullStaticOutput + staticOutput;\n            const cut = all.length > 65536 ? all.indexOf('\\n', all.length - 65536) + 1 : 0;\n            this.fullStaticOutput = cut > 0 ? all.slice(cut) : all;\n        }\n        // Detect fullscreen",
  ],
]);

// string-width, as Ink, cli-truncate, widest-line and src/ui/ink/ call it for every text node of
// every frame, gets the shortcut in src/ui/ink-fast-paths.ts: the same answers for less memory
// and time (the copy at the top of node_modules; wrap-ansi keeps its own).
const fastPaths = join(root, 'src/ui/ink-fast-paths.ts');
const dependency = (/** @type {string} */ path) => join(root, 'node_modules', path);
const shortcutFor = new Set();
/** @type {Plugin} */
const stringWidthShortcut = {
  name: 'string-width-shortcut',
  setup(b) {
    const fromInk = (/** @type {{ importer: string, pluginData?: unknown }} */ args) =>
      (slash(args.importer).includes('node_modules/') || slash(args.importer).startsWith(slash(join(root, 'src/ui/ink/')))) && args.pluginData !== 'original';
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (!fromInk(args)) return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'original' });
      if (slash(resolved.path) !== slash(dependency('string-width/index.js'))) return resolved;
      shortcutFor.add(slash(args.importer));
      return { path: 'string-width', namespace: 'fast-path' };
    });
    b.onLoad({ filter: /^string-width$/, namespace: 'fast-path' }, () => ({
      contents: [
        `import stringWidth from '${slash(dependency('string-width/index.js'))}';`,
        `import stripAnsi from '${slash(dependency('strip-ansi/index.js'))}';`,
        `import { withNarrowShortcut } from '${slash(fastPaths)}';`,
        'export default withNarrowShortcut(stringWidth, stripAnsi);',
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// Ink redoes on every frame work whose result rarely changes: a grid object for every cell of the
// screen, every line tokenized and measured again (src/ui/ink/output.ts says more). On a full
// screen that was most of a key press. The bundle takes equivalents that remember from frame to
// frame; the tests check them against Ink's own. When an Ink upgrade stops importing them, the
// build fails rather than quietly slowing down.
const inkSwaps = new Map([
  ['./output.js', join(root, 'src/ui/ink/output.ts')],
  ['widest-line', join(root, 'src/ui/ink/widest-line.ts')],
  // Ink's two text caches grow for the whole session; these bound them.
  ['./measure-text.js', join(root, 'src/ui/ink/measure-text.ts')],
  ['./wrap-text.js', join(root, 'src/ui/ink/wrap-text.ts')],
]);
/** The stand-ins that measure text themselves, and so must get the string-width shortcut. */
const measuring = new Set(['./output.js', 'widest-line']);
const swapped = new Set();
/** @type {Plugin} */
const cheaperInkFrames = {
  name: 'cheaper-ink-frames',
  setup(b) {
    b.onResolve({ filter: /^(\.\/output\.js|widest-line|\.\/measure-text\.js|\.\/wrap-text\.js)$/ }, (args) => {
      if (!slash(args.importer).includes('node_modules/ink/build/')) return undefined;
      swapped.add(args.path);
      return { path: inkSwaps.get(args.path) };
    });
  },
};

// The bundle is split where cli.tsx imports a command: dist/cli.js holds option parsing only, and
// each command's code is a chunk beside it (dist/chunk-*.js, where import.meta.url finds the
// lessons and course.json as from cli.js), read when that command runs. An older build's chunks go.
for (const name of existsDir(`${root}/dist`) ? readdirSync(`${root}/dist`) : []) {
  if (/^(chunk|faults)-.*\.m?js$/.test(name)) rmSync(`${root}/dist/${name}`);
}

// Ink's other text packages (wrap-ansi's string-width, slice-ansi, ansi-tokenize) take the same
// grapheme stand-in in place of the Intl.Segmenter each made as it loaded.
const graphemes = graphemeStandIn(GRAPHEMES_MODULE);
const builtins = unusedBuiltins();

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: { cli: `${root}/src/cli.tsx` },
  outdir: `${root}/dist`,
  // ES modules as .mjs: dist/package.json makes the .js entries below CommonJS.
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __VERSION__: JSON.stringify(pkg.version),
    __FAULTS__: 'false',
    // src/core/yaml.ts requires the parser from here, beside the chunks, on first use.
    __YAML_BUNDLE__: '"./yaml.cjs"',
    // src/core/kubectl/openapi-schemas.ts requires the schemas from here on first use.
    __OPENAPI_BUNDLE__: '"./openapi-1.32.cjs"',
  },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [
    stubDevtools,
    notInCi,
    yogaWithoutFetch,
    inkStaticTail,
    stringWidthShortcut,
    cheaperInkFrames,
    inkKeyFix,
    lazyStringWidth(dependency('string-width/index.js')),
    graphemes.plugin,
    inkSanitize,
    pureValibotPatterns,
    builtins.plugin,
  ],
  logLevel: 'warning',
};
// The core as one CommonJS file (dist/script.cjs), which the scripted sandbox runs through V8's
// code cache and the ES modules take their copy of the core from (scripts/shared-core.mjs).
const core = await sharedCore(root, options);
const scriptBuild = core.build;
options.plugins = [...(options.plugins ?? []), core.plugin];
options.define = { ...options.define, __SCRIPT_BUILD__: JSON.stringify(scriptBuild) };
const built = await build({ ...options, metafile: true });
// NPL_BUILD_META=FILE: what each chunk is made of, for esbuild's analyzer (bench/package-size.mjs).
if (process.env.NPL_BUILD_META) writeFileSync(process.env.NPL_BUILD_META, JSON.stringify(built.metafile));
/**
 * Bundles one entry as a CommonJS file of its own beside the chunks (`dist/NAME.cjs`), for code a
 * command requires on first use.
 * @param {string} name
 * @param {string} entry
 */
async function sideFile(name, entry) {
  await build({ ...COMMONJS, entryPoints: { [name]: entry }, outdir: `${root}/dist`, outExtension: { '.js': '.cjs' } });
}
// The YAML parser as a file of its own, required on first use (src/core/yaml.ts): a command that
// parses no YAML neither reads nor compiles it.
await sideFile('yaml', createRequire(import.meta.url).resolve('yaml'));
// The OpenAPI schemas that `kubectl explain` and the lab's API server read, a file of their own for
// the same reason: 135 kB of object literals that a command without explain never parses.
await sideFile('openapi-1.32', `${root}/src/core/kubectl/openapi-schemas-1.32.ts`);
for (const [request, standIn] of inkSwaps) {
  if (!swapped.has(request)) throw new Error(`Ink no longer imports ${request}: review src/ui/ink/ against the new Ink.`);
  // A path spelt another way once sent the stand-ins to the slow string-width unnoticed.
  if (measuring.has(request) && !shortcutFor.has(slash(standIn))) throw new Error(`${standIn} does not get the string-width shortcut`);
}
if (graphemes.unedited().length > 0) throw new Error(`Not bundled, so not given the grapheme stand-in: ${graphemes.unedited().join(', ')}`);
if (builtins.unedited().length > 0) throw new Error(`Not bundled, so not edited: ${builtins.unedited().join(', ')}`);

/**
 * The CommonJS entry `dist/NAME.js` (src/launch.ts) in front of the ES module entry `app`: it
 * answers --help and --version and runs a scripted sandbox from `script` without starting Node's
 * ES module loader, and imports `app` for everything else.
 * @param {string} name
 * @param {string} app
 * @param {{ bundle: string, build: string } | undefined} script
 */
async function launcher(name, app, script) {
  await build({
    ...COMMONJS,
    entryPoints: { [name]: `${root}/src/launch.ts` },
    outdir: `${root}/dist`,
    define: {
      __VERSION__: JSON.stringify(pkg.version),
      __APP__: JSON.stringify(app),
      __SCRIPT_BUNDLE__: script ? JSON.stringify(script.bundle) : 'undefined',
      __SCRIPT_BUILD__: script ? JSON.stringify(script.build) : 'undefined',
      'import.meta.url': '__launchUrl',
    },
    banner: { js: '#!/usr/bin/env node\nvar __launchUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  chmodSync(`${root}/dist/${name}.js`, 0o755);
}
// In dist/, a .js file is CommonJS (the entries), an ES module is .mjs and a required bundle .cjs.
writeFileSync(`${root}/dist/package.json`, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
await launcher('cli', './cli.mjs', { bundle: './script.cjs', build: scriptBuild });

// ---- The test bundle: the same app with the NODEPORT_LAB_FAULT switch (src/ui/Fault.tsx) ----
// The crash tests make the UI throw on purpose; the bundle learners run has no such switch (the
// define above drops it), so the tests run this one, which is not packed (package.json "files").
await build({
  ...options,
  entryPoints: { 'cli-faults': `${root}/src/cli.tsx` },
  chunkNames: 'faults-[hash]',
  define: { ...options.define, __FAULTS__: 'true' },
});
// Its scripted sandbox comes from its own chunks: dist/script.cjs has no switch.
await launcher('cli-faults', './cli-faults.mjs', undefined);
// ---- end of the test bundle ----

// The shipped lessons, validated and stored as JSON beside the bundle.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/compile-course.ts'], { cwd: root, stdio: 'inherit' });

// The stand-ins in src/ui/ink/ and src/ui/ink-fast-paths.ts must give Ink's own answers for the
// Ink installed: their property tests compare both on random input, and a build that ships a
// stand-in differing from the Ink beside it fails here (bench/README.md: upgrading Ink).
{
  const standInTests = [
    'test/ui/ink-output.test.ts',
    'test/ui/ink-fast-paths.test.ts',
    'test/ui/graphemes.test.ts',
    'test/unit/build/lazy-string-width.test.ts',
    'test/unit/build/ink-sanitize.test.ts',
    'test/ui/ink-text-caches.test.ts',
  ];
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', ...standInTests], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const failed = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    process.stderr.write(`${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    throw new Error(`Ink's stand-ins differ from the installed Ink (${standInTests.join(', ')}): the build stops here.`, { cause: error });
  }
}
