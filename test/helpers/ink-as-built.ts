// Ink as the build bundles it (with scripts/ink-key-fix.mjs), around a test's own entry file: the
// tests see the Ink learners run, not the one in node_modules.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inkKeyFix } from '../../scripts/ink-key-fix.mjs';
import { repoPath } from './fixtures.js';

/** Bundles `entry` with Ink and ink-testing-library inside (the rest stays external), then imports it. */
export async function importWithBuiltInk<T>(entry: string, name: string): Promise<T> {
  const outfile = join(repoPath('node_modules/.cache/npl-tests'), `${name}.mjs`);
  mkdirSync(join(outfile, '..'), { recursive: true });
  const inside = (path: string) => /node_modules[\\/](ink|ink-testing-library)[\\/]/.test(path);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    logLevel: 'error',
    plugins: [
      {
        name: 'only-ink-inside',
        setup(b) {
          // As in the build: Ink's devtools (and react-devtools-core) stay out.
          b.onResolve({ filter: /devtools\.js$/ }, (args) => (inside(args.importer) ? { path: 'devtools', namespace: 'stub' } : undefined));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path === 'ink' || args.path === 'ink-testing-library' || args.path.startsWith('ink/')) return undefined;
            if (inside(args.importer) && !args.path.startsWith('.')) return { path: args.path, external: true };
            return args.importer === entry || inside(args.importer) ? { path: args.path, external: true } : undefined;
          });
        },
      },
      inkKeyFix,
    ],
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}
