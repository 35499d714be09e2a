// Bundles the app and every runtime dependency into one ESM file, dist/cli.js.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

// Ink imports its devtools module only when DEV is set; an empty stub keeps
// react-devtools-core out of the bundle and out of start-up.
const stubDevtools = {
  name: 'stub-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /devtools\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/ink/`) ? { path: 'devtools', namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

// Ink draws only the last frame when the CI variable is set. The course renders only on a real
// terminal (cli.tsx refuses otherwise), where a learner must see every frame whatever their
// environment says, so Ink's CI check is answered "no".
const notInCi = {
  name: 'not-in-ci',
  setup(b) {
    b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: 'is-in-ci', namespace: 'stub-ci' }));
    b.onLoad({ filter: /.*/, namespace: 'stub-ci' }, () => ({ contents: 'export default false;', loader: 'js' }));
  },
};

await build({
  entryPoints: [`${root}/src/cli.tsx`],
  outfile: `${root}/dist/cli.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __VERSION__: JSON.stringify(pkg.version),
  },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [stubDevtools, notInCi],
  logLevel: 'warning',
});
chmodSync(`${root}/dist/cli.js`, 0o755);

// The shipped lessons, validated and stored as JSON beside the bundle.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/compile-course.ts'], { cwd: root, stdio: 'inherit' });
