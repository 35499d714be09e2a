import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoPath } from '../helpers/fixtures.js';
import { CLI } from '../helpers/tmux.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const hooks = pathToFileURL(repoPath('test/helpers/loaded-files.mjs')).href;
const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hooks)});`)}`;

/** Marks each heavy dependency leaves in the bundle's minified code (strings survive minifying). */
const MARKS = {
  Ink: 'Raw mode is not supported',
  React: 'react.transitional.element',
  yoga: 'data:application/octet-stream;base64,AGFzbQ',
  YAML: 'YAMLParseError',
};

/** The heavy dependencies the built CLI loads for these arguments. */
function heavyLoaded(args: string[], input = ''): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'npl-loaded-')), 'loaded');
  const run = spawnSync(process.execPath, ['--import', register, CLI, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NPL_LOADED_LOG: log, NODEPORT_LAB_HOME: mkdtempSync(join(tmpdir(), 'npl-home-')) },
  });
  assert.equal(run.status, 0, run.stderr);
  const files = readFileSync(log, 'utf8').trim().split('\n').map((url) => fileURLToPath(url));
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
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(dist, name), 'utf8'))
      .join('\n');
    for (const [name, mark] of Object.entries(MARKS)) assert.ok(bundle.includes(mark), `${name}: ${mark}`);
  });

  it('--version and --help load nothing but option parsing', () => {
    assert.deepEqual(heavyLoaded(['--version']), []);
    assert.deepEqual(heavyLoaded(['--help']), []);
  });

  it('print, lint and a scripted sandbox never load Ink, React or yoga', () => {
    for (const args of [['print', '1'], ['lint'], ['sandbox', '--seed', '1']]) {
      const loaded = heavyLoaded(args, 'kubectl get nodes\n');
      assert.deepEqual(
        loaded.filter((name) => name !== 'YAML'),
        [],
        args.join(' '),
      );
    }
    assert.ok(heavyLoaded(['lint']).includes('YAML'), 'lint parses YAML: the marks are found where they are loaded');
  });
});
