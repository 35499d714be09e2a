// What every CommonJS file of dist/ is built with: the entry (src/launch.ts), the shared core
// (scripts/shared-core.mjs) and the bundles required on first use (yaml.cjs, openapi-1.32.cjs).
/** @type {import('esbuild').BuildOptions} */
export const COMMONJS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
