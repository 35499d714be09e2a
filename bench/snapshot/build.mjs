// Builds the course's V8 start-up snapshot for the Node running this script (an experiment; see
// bench/README.md, "V8 start-up snapshot"). The bundle takes the product's own esbuild options and
// plugins (scripts/build.mjs, read up to its first build and run with these changes): one CommonJS
// file instead of ES chunks, and yoga-layout deferred (bench/snapshot/yoga-later.ts).
// Usage: npm run build && node bench/snapshot/build.mjs [out-dir]   (default .bench/snapshot, ignored by git)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = resolve(process.argv[2] ?? join(root, '.bench/snapshot'));
mkdirSync(out, { recursive: true });

const product = readFileSync(join(root, 'scripts/build.mjs'), 'utf8');
const cut = product.indexOf('await build(options);');
if (cut < 0) throw new Error('scripts/build.mjs changed: no "await build(options);" to stop at');
// The product's build removes dist/'s chunks before it writes new ones; this one writes none.
const sweep = 'existsDir(`${root}/dist`) ?';
if (product.split(sweep).length !== 2) throw new Error('scripts/build.mjs changed: its sweep of dist/ is not where expected');
const bundle = `${product.slice(0, cut).replace(sweep, 'false ?')}
// Ink's reconciler awaits its devtools and package.json at its top level when DEV is set, which
// CommonJS cannot hold; the product's bundle answers "not DEV" for both too (scripts/build.mjs).
const notDev = patch('snapshot-not-dev', /ink[\\\\/]build[\\\\/]reconciler\\.js$/, [
  ["await import('./devtools.js');", 'void 0;'],
  ['? await loadPackageJson()', '? {}'],
]);
const yogaLater = {
  name: 'yoga-later',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: ${JSON.stringify(join(root, 'bench/snapshot/yoga-later.ts'))} }));
  },
};
await build({
  ...options,
  entryPoints: [${JSON.stringify(join(root, 'bench/snapshot/entry.ts'))}],
  outdir: undefined,
  outfile: ${JSON.stringify(join(out, 'course-snapshot.cjs'))},
  splitting: false,
  format: 'cjs',
  banner: {},
  define: { ...options.define, __COURSE_JSON__: JSON.stringify(${JSON.stringify(join(root, 'dist/course.json'))}), 'import.meta.url': '__snapshotUrl' },
  inject: [],
  plugins: [notDev, ...options.plugins, yogaLater],
});
`;
// Beside scripts/build.mjs, so that its relative imports and its root resolve as they do there.
const temporary = join(root, 'scripts', `.snapshot-build-${process.pid}.mjs`);
writeFileSync(temporary, bundle);
try {
  await import(pathToFileURL(temporary).href);
} finally {
  rmSync(temporary);
}
const script = join(out, 'course-snapshot.cjs');
const source = readFileSync(script, 'utf8');
// An Intl.Segmenter is a native object a snapshot cannot hold; the ones made as modules load
// (string-width's copies, ansi-tokenize, slice-ansi) are made on their first use instead.
const lazySegmenter = 'var __lazySegmenter = (...args) => { let real; return { segment: (text) => (real ??= new Intl.Segmenter(...args)).segment(text) }; };';
const deferred = source.replace(/new Intl\.Segmenter(\(([^()]*)\))?/g, (_all, _call, args) => `__lazySegmenter(${args ?? ''})`);
writeFileSync(script, `var __snapshotUrl = require('node:url').pathToFileURL(__filename).href;\n${lazySegmenter}\n${deferred}`);
const blob = join(out, `course-${process.version}.blob`);
execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { stdio: 'inherit' });
console.log(blob);
