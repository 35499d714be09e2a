// Tier: slow
// Each command loads only what it needs: the modules a process of the built CLI has loaded, per command.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoPath } from '../helpers/fixtures.js';
import { CLI } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const hooks = pathToFileURL(repoPath('test/helpers/loaded-files.mjs')).href;
// The hook sees ES modules; what is loaded with require (the YAML parser, dist/yaml.cjs) is in
// require's cache, written to the same log as the process exits.
const register = `data:text/javascript,${encodeURIComponent(
  `import { createRequire, register } from 'node:module'; import { appendFileSync } from 'node:fs'; import { pathToFileURL } from 'node:url';
register(${JSON.stringify(hooks)});
const cache = createRequire(process.execPath).cache;
process.on('exit', () => { for (const file of Object.keys(cache)) appendFileSync(process.env.NPL_LOADED_LOG, pathToFileURL(file).href + '\\n'); });`,
)}`;

/** Marks each heavy dependency leaves in the bundle's minified code (strings survive minifying). */
const MARKS = {
  Ink: 'Raw mode is not supported',
  React: 'react.transitional.element',
  yoga: 'data:application/octet-stream;base64,AGFzbQ',
  YAML: 'YAMLParseError',
  OpenAPI: 'Deployment enables declarative updates',
};

/** The heavy dependencies the built CLI loads for these arguments. */
function heavyLoaded(args: string[], input = '', cwd?: string): string[] {
  const log = join(tempDir('npl-loaded-'), 'loaded');
  const run = spawnSync(process.execPath, ['--import', register, CLI, ...args], {
    input,
    ...(cwd ? { cwd } : {}),
    encoding: 'utf8',
    env: { ...process.env, NPL_LOADED_LOG: log, NODEPORT_LAB_HOME: tempDir('npl-home-') },
  });
  assert.equal(run.status, 0, run.stderr);
  const files = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((url) => fileURLToPath(url));
  assert.ok(files.includes(CLI), 'the hook saw the CLI load');
  const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  return Object.entries(MARKS)
    .filter(([, mark]) => code.includes(mark))
    .map(([name]) => name);
}

describe('what each command of the built CLI loads', { skip }, () => {
  it('finds each mark in the bundle, so that its absence from what a command loads means something', () => {
    const dist = repoPath('dist');
    const bundle = readdirSync(dist)
      .filter((name) => /\.[mc]?js$/.test(name))
      .map((name) => readFileSync(join(dist, name), 'utf8'))
      .join('\n');
    for (const [name, mark] of Object.entries(MARKS)) assert.ok(bundle.includes(mark), `${name}: ${mark}`);
  });

  it('the shared core (dist/script.cjs), which a scripted sandbox runs through the code cache, holds none of them', () => {
    // Run through V8's code cache, it is in neither the module hook's log nor require's cache.
    const core = readFileSync(repoPath('dist/script.cjs'), 'utf8');
    assert.deepEqual(
      Object.entries(MARKS)
        .filter(([, mark]) => core.includes(mark))
        .map(([name]) => name),
      [],
    );
  });

  it('--version and --help load nothing but option parsing', () => {
    assert.deepEqual(heavyLoaded(['--version']), []);
    assert.deepEqual(heavyLoaded(['--help']), []);
  });

  it('print, lint and a scripted sandbox never load Ink, React or yoga', () => {
    for (const args of [['print', '1'], ['lint'], ['sandbox', '--seed', '1']]) {
      const loaded = heavyLoaded(args, 'kubectl get nodes\n');
      assert.deepEqual(
        loaded.filter((name) => name !== 'YAML' && name !== 'OpenAPI'),
        [],
        args.join(' '),
      );
    }
    assert.ok(heavyLoaded(['lint']).includes('YAML'), 'lint parses YAML: the marks are found where they are loaded');
  });

  it('the YAML parser loads only where YAML is parsed: not for a command without a file', () => {
    assert.deepEqual(heavyLoaded(['sandbox', '--seed', '1'], 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n'), []);
    assert.deepEqual(heavyLoaded(['sandbox', '--seed', '1'], 'kubectl get nodes\n'), []);
    assert.deepEqual(
      heavyLoaded(['sandbox', '--seed', '1'], 'kubectl apply -f pod-definition.yml\n'),
      [],
      'a manifest in plain block style is read without the parser',
    );
    const folder = tempDir('npl-flow-');
    writeFileSync(join(folder, 'flow.yml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: flow}\nspec:\n  containers: [{name: a, image: nginx}]\n');
    assert.deepEqual(heavyLoaded(['sandbox', '--seed', '1'], 'kubectl apply -f flow.yml\n', folder), ['YAML'], 'a manifest in flow style is parsed');
    assert.deepEqual(
      heavyLoaded(['sandbox', '--seed', '1'], `kubectl patch svc kubernetes -p '{"metadata":{"labels":{"a":"b"}}}'\n`),
      ['YAML'],
      'a patch is parsed as YAML',
    );
  });

  it('the OpenAPI schemas load only for explain (dist/openapi-1.32.cjs), not for a script that does not explain', () => {
    assert.deepEqual(heavyLoaded(['sandbox', '--seed', '1'], 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n'), []);
    assert.deepEqual(heavyLoaded(['sandbox', '--seed', '1'], 'kubectl explain service.spec.ports\n'), ['OpenAPI']);
  });
});
