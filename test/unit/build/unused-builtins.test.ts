// The bundle's signal-exit and terminal-size (scripts/unused-builtins.mjs) load neither node:assert
// nor node:child_process until they need one, and behave as the installed packages: each is run
// in a Node of its own, beside the original, and both report the same.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_EDITS, withoutUnusedBuiltins } from '../../../scripts/unused-builtins.mjs';
import { tempDir } from '../../helpers/temp.js';

const require = createRequire(import.meta.url);
const inkRequire = createRequire(require.resolve('ink'));

/** A copy of a package's folder with its edited file, and the path of that file in the copy and in the original. */
function editedCopy(name: string, entry: string): { edited: string; original: string } {
  const original = inkRequire.resolve(entry);
  const folder = join(tempDir('npl-builtins-'), name);
  cpSync(dirname(original), folder, { recursive: true });
  const edits = BUILTIN_EDITS.find((e) => e.name === `${name}/index.js`)?.edits;
  assert.ok(edits, name);
  const edited = join(folder, 'index.js');
  writeFileSync(edited, withoutUnusedBuiltins(readFileSync(original, 'utf8'), edits, original));
  return { edited, original };
}

/** Runs a script in a Node of its own, stdout a pipe (not a terminal), and parses what it prints. */
const run = (script: string, env: NodeJS.ProcessEnv = {}): unknown =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } }));

describe('Node modules the course never needs, left out of the bundle', () => {
  it('signal-exit: its handler runs at the exit and a missing callback is refused, without node:assert', () => {
    const { edited, original } = editedCopy('signal-exit', 'signal-exit');
    const script = (file: string): string => `
      import { createRequire } from 'node:module';
      import { spawnSync } from 'node:child_process';
      const onExit = createRequire(import.meta.url)(${JSON.stringify(file)});
      let refused;
      try { onExit('not a function'); } catch (error) { refused = [error.name, error.code, error.message]; }
      const assertLoaded = process.moduleLoadList.includes('NativeModule assert');
      const exited = spawnSync(process.execPath, ['-e', \`require(\${JSON.stringify(${JSON.stringify(file)})})((code) => process.stdout.write('restored ' + code), { alwaysLast: true }); process.exitCode = 3\`], { encoding: 'utf8' });
      console.log(JSON.stringify({ refused, assertLoaded, child: [exited.stdout, exited.status] }));`;
    const before = run(script(original)) as { assertLoaded: boolean; child: unknown; refused: unknown };
    assert.deepEqual(before.child, ['restored 3', 3], 'the handler ran at the exit, with its code');
    assert.deepEqual(before.refused, ['AssertionError', 'ERR_ASSERTION', 'a callback must be provided for exit handler']);
    const after = run(script(edited)) as { assertLoaded: boolean };
    assert.equal(before.assertLoaded, true, 'the installed signal-exit loads node:assert');
    assert.deepEqual(after, { ...before, assertLoaded: false });
  });

  it('terminal-size: the same size from the environment without node:child_process, and from tput when it must', () => {
    const { edited, original } = editedCopy('terminal-size', 'terminal-size');
    const script = (file: string): string => `
      const { default: terminalSize } = await import(${JSON.stringify(new URL(`file://${file}`).href)});
      const size = terminalSize();
      console.log(JSON.stringify({ size, childProcess: process.moduleLoadList.includes('NativeModule child_process') }));`;
    const fromEnv = { COLUMNS: '123', LINES: '45' };
    assert.deepEqual(run(script(original), fromEnv), { size: { columns: 123, rows: 45 }, childProcess: true });
    assert.deepEqual(run(script(edited), fromEnv), { size: { columns: 123, rows: 45 }, childProcess: false });
    const asked = run(script(original), { TERM: 'xterm' }) as { size: unknown };
    assert.deepEqual(run(script(edited), { TERM: 'xterm' }), { size: asked.size, childProcess: true });
  });

  it('refuses a package whose line changed', () => {
    const edits = BUILTIN_EDITS[0]?.edits ?? [];
    assert.throws(() => withoutUnusedBuiltins("var assert = require('node:assert')\n", edits, 'signal-exit/index.js'), /signal-exit\/index\.js changed/);
  });
});
