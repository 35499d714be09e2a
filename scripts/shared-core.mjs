// The app's core as one CommonJS file, dist/script.cjs, shared by every command rather than copied.
//
// Node 20 keeps no code cache for ES modules, so a scripted sandbox (`... | nodeport-lab sandbox`)
// spent a third of its start-up parsing the core's chunks. Every module the scripted sandbox needs
// (src/commands/script.ts and all it imports from src/: the cluster, kubectl, the shell, the
// course's manifests) is bundled here, once; the CLI's CommonJS entry (src/launch.ts) runs it
// through V8's code cache (src/code-cache.ts). The ES modules of the rest of the app (the course,
// print, lint, serve) import those same modules too: in their bundle each one is a small module that
// hands on the exports of this file (required once, by src/shared-core.ts), so a module and its
// state exist once in a process, and the package holds its code once.
import { build } from 'esbuild';
import { COMMONJS } from './commonjs-options.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A module's key in the shared file: `m` and its place in the sorted list of modules. */
const keyOf = (/** @type {number} */ i) => `m${i}`;

/**
 * Builds dist/script.cjs, and returns a hash of its text (which names its code cache) and the
 * plugin that makes the ES modules' bundle (built with `app`, the options of that bundle) take
 * those modules from it.
 * @param {string} root
 * @param {import('esbuild').BuildOptions} app
 * @returns {Promise<{ build: string, plugin: import('esbuild').Plugin, modules: number, handedOn: number }>}
 */
export async function sharedCore(root, app) {
  const define = /** @type {Record<string, string>} */ (app.define);
  const entry = join(root, 'src/commands/script.ts');
  const outfile = join(root, 'dist/script.cjs');
  // Which of the app's modules the scripted sandbox needs: esbuild's own answer, from a bundle
  // written nowhere.
  /** A bundle written nowhere, for what esbuild says of it. @type {import('esbuild').BuildOptions} */
  const looked = { absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', write: false, define, plugins: app.plugins ?? [], logLevel: 'silent' };
  const probe = await build({ ...looked, entryPoints: [entry], metafile: true });
  const inCore = new Set(
    Object.keys(probe.metafile.inputs)
      .filter((path) => path.startsWith('src/'))
      .map((path) => resolve(root, path)),
  );
  /**
   * The module of the core an import from outside the core resolves to, or undefined.
   * @param {import('esbuild').PluginBuild} b
   * @param {import('esbuild').OnResolveArgs} args
   */
  const coreModuleOf = async (b, args) => {
    if (args.pluginData === 'shared-core' || inCore.has(args.importer)) return undefined;
    const found = await b.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: 'shared-core' });
    return found.errors.length === 0 && inCore.has(found.path) ? found.path : undefined;
  };
  // Which of them the rest of the app imports: only those are handed on, each as a namespace of
  // the shared file; the others stay inside it, where unused code is left out as in any bundle.
  /** @type {Set<string>} */
  const imported = new Set();
  const recorded = await build({
    ...app,
    write: false,
    metafile: false,
    // Readable import statements, for the names each module is asked for (below).
    minify: false,
    logLevel: 'silent',
    plugins: [
      ...(app.plugins ?? []),
      {
        name: 'shared-core-imports',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, async (args) => {
            const path = await coreModuleOf(b, args);
            if (path === undefined) return undefined;
            imported.add(path);
            return { path, external: true };
          });
        },
      },
    ],
  });
  const modules = [...imported].sort();
  const keys = new Map(modules.map((file, i) => [file, keyOf(i)]));
  // What each of those exports: esbuild's list for each, built as an entry of its own.
  const listed = await build({ ...looked, entryPoints: modules, outdir: join(root, 'dist', 'shared-core-exports'), splitting: true, metafile: true });
  /** @type {Map<string, string[]>} */
  const allExportsOf = new Map();
  for (const output of Object.values(listed.metafile.outputs)) {
    if (output.entryPoint !== undefined) allExportsOf.set(resolve(root, output.entryPoint), output.exports);
  }
  // Of those, only what the rest of the app imports is handed on, so that what nobody uses is left
  // out of the shared file as from any bundle: the names in the recorded bundle's import and export
  // statements that name a module of the core (a namespace or `export *` asks for all).
  /** @type {Map<string, Set<string>>} */
  const asked = new Map(modules.map((file) => [file, new Set()]));
  const statement = /(?:^|\n)\s*(?:import|export)\s+([^;]*?)\s+from\s+"([^"]+)"/g;
  for (const output of recorded.outputFiles ?? []) {
    for (const [, clause = '', path = ''] of output.text.matchAll(statement)) {
      const names = asked.get(path);
      if (!names) continue;
      if (/\*/.test(clause)) {
        for (const name of allExportsOf.get(path) ?? []) names.add(name);
        continue;
      }
      const braces = /\{([^}]*)\}/.exec(clause);
      for (const part of (braces?.[1] ?? '').split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)[0]
          ?.trim();
        if (name) names.add(name);
      }
      const beforeBraces = clause
        .replace(/\{[^}]*\}/, '')
        .replace(/,/g, ' ')
        .trim();
      if (beforeBraces !== '' && !clause.trim().startsWith('{') && clause.trim().split(/\s+/)[0] !== 'type') names.add('default');
    }
  }
  /** @type {Map<string, string[]>} */
  const exportsOf = new Map(
    modules.map((file) => {
      const all = new Set(allExportsOf.get(file) ?? []);
      const wanted = [...(asked.get(file) ?? [])];
      const missing = wanted.filter((name) => !all.has(name));
      if (missing.length > 0) throw new Error(`${file} has no export ${missing.join(', ')}, which the app imports`);
      return [file, wanted.sort()];
    }),
  );
  // One object of plain values, made once as the file loads: V8 neither compiles nor keeps a getter
  // for each export, as it would for a namespace (the modules have no `export let` to follow).
  const alias = (/** @type {string} */ key, /** @type {string} */ name) => `${key}_${name}`;
  const contents = [
    `import { runPipedSandbox } from ${JSON.stringify(entry)};`,
    ...modules.map((file) => {
      const key = /** @type {string} */ (keys.get(file));
      const names = exportsOf.get(file) ?? [];
      return `import { ${names.map((name) => `${name} as ${alias(key, name)}`).join(', ')} } from ${JSON.stringify(file)};`;
    }),
    'export default {',
    '  runPipedSandbox,',
    ...modules.map((file) => {
      const key = /** @type {string} */ (keys.get(file));
      return `  ${key}: { ${(exportsOf.get(file) ?? []).map((name) => `${name}: ${alias(key, name)}`).join(', ')} },`;
    }),
    '};',
  ].join('\n');
  await build({
    stdin: { contents, resolveDir: join(root, 'src'), sourcefile: 'shared-core.ts', loader: 'ts' },
    ...COMMONJS,
    outfile,
    // The file's own URL stands for each module's import.meta.url: lessons, course.json and the
    // bundles required on first use are found beside it, as beside the chunks.
    define: { ...define, 'import.meta.url': '__scriptUrl' },
    banner: { js: 'var __scriptUrl = require("node:url").pathToFileURL(__filename).href;' },
    // The app's edits of its dependencies (valibot's unused emoji pattern left out, among others)
    // hold here as in the ES modules.
    plugins: app.plugins ?? [],
  });
  const text = readFileSync(outfile);
  const loader = join(root, 'src/shared-core.ts');

  /** @type {import('esbuild').Plugin} */
  const plugin = {
    name: 'shared-core',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        const path = await coreModuleOf(b, args);
        if (path === undefined) return undefined;
        if (!keys.has(path)) throw new Error(`${path} is imported from ${args.importer}, but was not seen so when the shared core was built`);
        return { path, namespace: 'shared-core' };
      });
      b.onLoad({ filter: /.*/, namespace: 'shared-core' }, (args) => {
        const key = /** @type {string} */ (keys.get(args.path));
        const names = exportsOf.get(args.path) ?? [];
        const plain = names.filter((name) => name !== 'default');
        const lines = [`import { shared } from ${JSON.stringify(loader)};`, `const m = shared.${key};`];
        if (plain.length > 0) lines.push(`export const { ${plain.join(', ')} } = m;`);
        if (names.includes('default')) lines.push('export default m.default;');
        return { contents: lines.join('\n'), loader: 'js', resolveDir: join(root, 'src') };
      });
    },
  };
  return { build: createHash('sha256').update(text).digest('hex').slice(0, 16), plugin, modules: inCore.size, handedOn: modules.length };
}
