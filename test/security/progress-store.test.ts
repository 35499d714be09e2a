// The progress file against a hostile folder, an unlucky disk and a second window.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyProgress, finishStep, lessonProgress, recordQuiz, visit, type Progress } from '../../src/core/progress/model.js';
import { claimWindow, loadProgress, MAX_PROGRESS_BYTES, progressFile, saveProgress } from '../../src/core/progress/store.js';
import { repoPath } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const home = () => tempDir('npl-sec-progress-');
const sample: Progress = finishStep(visit(emptyProgress, { lesson: 'a', step: 's2' }), { lesson: 'a', step: 's1' }, false);

describe('the progress temp file', () => {
  it('never follows a link planted at a temporary name', () => {
    const dir = home();
    const file = progressFile(dir);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    // The old name was predictable: progress.json.<pid>.tmp.
    symlinkSync(victim, `${file}.${process.pid}.tmp`);
    assert.deepEqual(saveProgress(file, sample), { ok: true });
    assert.equal(readFileSync(victim, 'utf8'), 'keep me');
    assert.deepEqual(loadProgress(file).progress, sample);
  });

  it('is created 0600 whatever the umask, and the file it becomes too', () => {
    const file = progressFile(home());
    const before = process.umask(0);
    try {
      saveProgress(file, sample);
    } finally {
      process.umask(before);
    }
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('left over by a killed run, is cleaned up by the next save', () => {
    const dir = home();
    const file = progressFile(dir);
    writeFileSync(`${file}.12345.tmp`, '{"half": ');
    writeFileSync(`${file}.0a1b2c3d4e5f6a7b.tmp`, '');
    utimesSync(`${file}.12345.tmp`, new Date(0), new Date(0));
    saveProgress(file, sample);
    assert.deepEqual(readdirSync(dir).sort(), ['progress.json']);
  });
});

describe('a progress file that cannot be read', () => {
  it('too large: refused before reading, moved aside whole, and said', () => {
    const file = progressFile(home());
    writeFileSync(file, '{}');
    truncateSync(file, 600 * 1024 * 1024);
    const loaded = loadProgress(file, new Date('2026-01-02T03:04:05.678Z'));
    assert.match(loaded.notice ?? '', new RegExp(`larger than ${MAX_PROGRESS_BYTES / 1024 / 1024} MiB.*moved to .*\\.bak; starting fresh`));
    assert.equal(statSync(`${file}.2026-01-02T03-04-05-678Z.bak`).size, 600 * 1024 * 1024);
    assert.equal(existsSync(file), false);
  });

  const nobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0 && process.getuid?.() === 0;
  const asNobody = (file: string, then = '') => {
    const out = execFileSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', repoPath('test/security/fixtures/as-nobody.ts'), file, then],
      { encoding: 'utf8', cwd: repoPath('') },
    );
    return JSON.parse(out) as { loaded: { notice: string; readOnly?: boolean }; saved: { ok: boolean; message?: string } | null };
  };

  it('permission denied: moved aside, not overwritten by the next step', { skip: nobody ? false : 'needs root and setpriv to act as another user' }, () => {
    const dir = home();
    chmodSync(dir, 0o777);
    const file = progressFile(dir);
    writeFileSync(file, JSON.stringify(sample));
    chmodSync(file, 0o600);
    const { loaded, saved } = asNobody(file, 'save');
    assert.match(loaded.notice, /could not be read \(.*progress\.json: permission denied\)\. It was moved to .*\.bak; starting fresh\./);
    assert.equal(saved?.ok, true);
    const aside = readdirSync(dir).find((n) => n.endsWith('.bak'))!;
    assert.deepEqual(JSON.parse(readFileSync(join(dir, aside), 'utf8')), JSON.parse(JSON.stringify(sample)));
  });

  it(
    'permission denied and not movable: nothing is written until the learner decides',
    { skip: nobody ? false : 'needs root and setpriv to act as another user' },
    () => {
      const dir = home();
      chmodSync(dir, 0o1777); // sticky, like /tmp: only the owner may move the file
      const file = progressFile(dir);
      writeFileSync(file, JSON.stringify(sample));
      chmodSync(file, 0o600);
      const { loaded, saved } = asNobody(file, 'save');
      assert.equal(loaded.readOnly, true);
      assert.match(loaded.notice, /could not be read .* nor moved aside .*Nothing will be saved in this session/);
      assert.equal(saved?.ok, false);
      assert.match(saved?.message ?? '', /^Progress is not saved in this session/);
      assert.deepEqual(readdirSync(dir), ['progress.json']);
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(sample)));
    },
  );
});

describe('two windows on one progress folder', () => {
  it('a save keeps what the other window saved: steps, complete lessons and the best quiz', () => {
    const file = progressFile(home());
    const result = (score: number) => ({ score, firstTry: Math.round(score * 10), total: 10, concepts: {} });
    // A finishes lesson 1 and scores 0.9; B, started before, finishes a step of lesson 2 and scores 0.5.
    const a = recordQuiz(finishStep(finishStep(emptyProgress, { lesson: 'one', step: 'x' }, false), { lesson: 'one', step: 'y' }, true), 'one/q', result(0.9));
    const b = recordQuiz(finishStep(emptyProgress, { lesson: 'two', step: 'x' }, false), 'one/q', result(0.5));
    saveProgress(file, a);
    saveProgress(file, visit(b, { lesson: 'two', step: 'y' }));
    const saved = loadProgress(file).progress;
    assert.deepEqual(lessonProgress(saved, 'one'), { done: ['x', 'y'], complete: true });
    assert.deepEqual(lessonProgress(saved, 'two'), { done: ['x'], complete: false });
    assert.equal(saved.quizzes?.['one/q']?.score, 0.9);
    assert.deepEqual(saved.last, { lesson: 'two', step: 'y' });
  });

  it('four processes saving at once lose no step', { timeout: 120_000 }, async () => {
    const file = progressFile(home());
    const runs = ['l1', 'l2', 'l3', 'l4'].map(
      (lesson) =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', repoPath('test/security/fixtures/save-steps.ts'), file, lesson, '40'], {
            stdio: 'inherit',
          });
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    );
    assert.deepEqual(await Promise.all(runs), [0, 0, 0, 0]);
    const saved = loadProgress(file).progress;
    for (const lesson of ['l1', 'l2', 'l3', 'l4']) assert.equal(lessonProgress(saved, lesson).done.length, 40, lesson);
    assert.deepEqual(readdirSync(join(file, '..')), ['progress.json']);
  });

  it('a second window is told the first is open; a closed one no longer counts', () => {
    const dir = home();
    const first = claimWindow(dir);
    assert.equal(first.others, 0);
    // Another live process marks itself as a window: the test runner's parent stands in for it.
    writeFileSync(join(dir, `progress.json.window-${process.ppid}`), '');
    writeFileSync(join(dir, 'progress.json.window-999999999'), ''); // a window that was killed
    assert.equal(claimWindow(dir).others, 1);
    first.release();
    assert.ok(!readdirSync(dir).includes('progress.json.window-999999999'));
    assert.ok(!readdirSync(dir).includes(`progress.json.window-${process.pid}`));
  });

  it('lesson ids that every object inherits are lessons like the others', () => {
    const file = progressFile(home());
    const p = finishStep(finishStep(emptyProgress, { lesson: 'constructor', step: 'a' }, false), { lesson: '__proto__', step: 'b' }, false);
    assert.deepEqual(lessonProgress(emptyProgress, 'constructor'), { done: [], complete: false });
    saveProgress(file, p);
    const back = loadProgress(file).progress;
    assert.deepEqual(lessonProgress(back, 'constructor').done, ['a']);
    assert.deepEqual(lessonProgress(back, '__proto__').done, ['b']);
    assert.deepEqual(lessonProgress(back, 'toString'), { done: [], complete: false });
  });
});
