import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/fixtures.js';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

// Progress the learner had before the config directory went bad: it must come back untouched.
const BEFORE = `${JSON.stringify({ version: 1, lessons: { first: { done: ['hello'], complete: false } }, last: { lesson: 'first', step: 'picture' } })}\n`;
const COURSE = `node ${CLI} --lessons ${fixture('course')} --seed 2`;

/** A read-only or full file system needs a mount of our own: a private mount namespace and a tmpfs. */
function mountsMissing(): string | false {
  if (tmuxMissing()) return tmuxMissing();
  const dir = tempDir('npl-probe-');
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=16k tmpfs ${dir} && mount -o remount,ro ${dir}`], { encoding: 'utf8' });
  return probe.status === 0 ? false : `cannot mount a tmpfs in a private mount namespace here (${(probe.stderr || probe.error?.message || '').trim()})`;
}

/** Dropping every capability makes root obey file modes, as any learner's account does. */
function permissionsMissing(): string | false {
  if (tmuxMissing()) return tmuxMissing();
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('setpriv', ['--inh-caps=-all', '--bounding-set=-all', 'true']);
  return probe.status === 0 ? false : 'running as root without setpriv (util-linux) to drop the capability that ignores file modes';
}

/**
 * The command that runs the course against a progress directory of its own mount, made bad by
 * `spoil` (shell commands, with the directory in `$D`), and then copies the directory's files out
 * to `out` (the mount is gone once the command ends).
 */
function badHome(spoil: string, out: string, size = '64k'): string {
  const dir = tempDir('npl-mnt-');
  writeFileSync(join(out, 'before.json'), BEFORE);
  const script = [
    `D=${dir}`,
    `mount -t tmpfs -o size=${size} tmpfs $D`,
    `cp ${out}/before.json $D/progress.json`,
    spoil,
    `NODEPORT_LAB_HOME=$D ${COURSE}`,
    'status=$?',
    // Every file left below the folder: V8's code cache keeps a folder of its own there (empty after
    // the first start of all, src/code-cache.ts).
    `(cd $D && find . -mindepth 1 | sed "s#^./##") > ${out}/files; cp $D/progress.json ${out}/after.json`,
    'exit $status',
  ].join('; ');
  return `unshare -m sh -c '${script}'`;
}

/** The learner resumes, is told once that nothing will be kept, goes on through two steps, and quits. */
async function goOn(term: Terminal, reason: RegExp): Promise<void> {
  await term.waitFor((s) => s.includes('Continue lesson 1, step 2 ("Picture step")?'));
  term.keys('Enter');
  const told = await term.waitFor((s) => s.includes('Progress cannot be saved'));
  assert.match(told.replace(/\n/g, ' '), reason);
  assert.ok(told.includes('Picture step'), 'the step the learner had reached');
  term.keys('Right');
  const next = await term.waitFor((s) => s.includes('Manifest step'));
  assert.match(next.split('\n')[0] ?? '', /progress not saved · step 3\/3/, 'every screen keeps saying it');
  term.keys('q');
  const { code, stty } = await term.exited();
  assert.equal(code, 0);
  assert.ok(saneModes(stty), stty);
}

describe('a config directory that cannot be written, in a real terminal', () => {
  it('read-only: the course runs, says progress cannot be saved, and the old file is untouched', { skip: mountsMissing() }, async () => {
    const out = tempDir('npl-out-');
    const term = new Terminal(badHome('mount -o remount,ro $D', out), { columns: 100, rows: 30 });
    try {
      await goOn(term, /Progress cannot be saved \(\S+progress\.json: read-only file system\)\. You can go on;/);
      assert.equal(readFileSync(join(out, 'after.json'), 'utf8'), BEFORE);
    } finally {
      term.close();
    }
  });

  it('full: the course runs, says the disk is full, and leaves neither a half-written file nor a temporary one', { skip: mountsMissing() }, async () => {
    const out = tempDir('npl-out-');
    const fill = 'dd if=/dev/zero of=$D/filler bs=1k count=64 2>/dev/null';
    const term = new Terminal(badHome(fill, out, '16k'), { columns: 100, rows: 30 });
    try {
      await goOn(term, /Progress cannot be saved \(\S+progress\.json: no space left on the disk\)\./);
      assert.equal(readFileSync(join(out, 'after.json'), 'utf8'), BEFORE);
      assert.deepEqual(readFileSync(join(out, 'files'), 'utf8').trim().split('\n').sort(), ['cache', 'filler', 'progress.json']);
    } finally {
      term.close();
    }
  });

  it('not writable by the learner: the course runs, says permission denied, and the old file is untouched', { skip: permissionsMissing() }, async () => {
    const dir = tempDir('npl-ro-');
    writeFileSync(join(dir, 'progress.json'), BEFORE);
    chmodSync(dir, 0o555);
    const asLearner = process.getuid?.() === 0 ? 'setpriv --inh-caps=-all --bounding-set=-all ' : '';
    const term = new Terminal(`${asLearner}${COURSE}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
    try {
      await goOn(term, /Progress cannot be saved \(\S+progress\.json: permission denied\)\./);
      assert.equal(readFileSync(join(dir, 'progress.json'), 'utf8'), BEFORE);
      assert.deepEqual(readdirSync(dir), ['progress.json']);
    } finally {
      chmodSync(dir, 0o755);
      term.close();
    }
  });
});
