import assert from 'node:assert/strict';
import { chmodSync, existsSync, linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyProgress, finishStep, visit, type Progress } from '../../../src/core/progress/model.js';
import { loadProgress, progressFile, resetProgress, saveProgress } from '../../../src/core/progress/store.js';
import { tempDir } from '../../helpers/temp.js';

const home = () => tempDir('npl-progress-');
const sample: Progress = finishStep(visit(emptyProgress, { lesson: 'a', step: 's2' }), { lesson: 'a', step: 's1' }, false);

describe('progress store', () => {
  it('starts empty without a file, and reads back exactly what it saved', () => {
    const file = progressFile(join(home(), 'nested', 'dir'));
    assert.deepEqual(loadProgress(file), { progress: emptyProgress, notice: null });
    assert.deepEqual(saveProgress(file, sample), { ok: true });
    assert.deepEqual(loadProgress(file), { progress: sample, notice: null });
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, 2);
  });

  it('writes atomically: no temporary file is left behind, and an old file is replaced whole', () => {
    const dir = home();
    const file = progressFile(dir);
    saveProgress(file, emptyProgress);
    saveProgress(file, sample);
    assert.deepEqual(readdirSync(dir), ['progress.json']);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), sample);
  });

  // A save written into the file in place would be seen half-done by a crash or a reader; a new
  // file renamed over the old one never is. A second name for the old file tells them apart: a
  // rename leaves it as it was, a write in place changes it too.
  it('replaces the file by renaming a new one over it, never by writing into the old one', () => {
    const dir = home();
    const file = progressFile(dir);
    saveProgress(file, emptyProgress);
    const before = readFileSync(file, 'utf8');
    const other = join(dir, 'other-name-of-the-old-file.json');
    linkSync(file, other);
    saveProgress(file, sample);
    assert.equal(readFileSync(other, 'utf8'), before, 'the old file was written in place');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), sample);
  });

  it('moves a corrupt file aside with a notice and starts fresh, keeping the bad bytes', () => {
    const dir = home();
    const file = progressFile(dir);
    writeFileSync(file, '{"version": 1, "lessons": {');
    const loaded = loadProgress(file, new Date('2026-01-02T03:04:05.678Z'));
    assert.deepEqual(loaded.progress, emptyProgress);
    assert.match(loaded.notice ?? '', /not valid JSON.*moved to .*progress\.json\.2026-01-02T03-04-05-678Z\.bak/);
    assert.equal(existsSync(file), false);
    assert.equal(readFileSync(`${file}.2026-01-02T03-04-05-678Z.bak`, 'utf8'), '{"version": 1, "lessons": {');
  });

  it('sets aside a file of an unknown version, saying which version it is', () => {
    const file = progressFile(home());
    writeFileSync(file, JSON.stringify({ version: 99, lessons: {}, last: null }));
    const loaded = loadProgress(file);
    assert.match(loaded.notice ?? '', /version 99, and this nodeport-lab reads versions 1 and 2/);
    assert.equal(existsSync(file), false);
  });

  it('sets aside a file of the right version but the wrong shape', () => {
    const file = progressFile(home());
    writeFileSync(file, JSON.stringify({ version: 1, lessons: { a: { done: [3], complete: false } }, last: null }));
    assert.match(loadProgress(file).notice ?? '', /not in the expected shape/);
  });

  it(
    'reports, without throwing, when the directory cannot be written',
    { skip: process.getuid?.() === 0 ? 'root ignores directory permissions' : false },
    () => {
      const dir = home();
      chmodSync(dir, 0o500);
      const result = saveProgress(progressFile(dir), sample);
      chmodSync(dir, 0o700);
      assert.equal(result.ok, false);
    },
  );

  it('reports, without throwing, when the target is not writable (a directory in its place)', () => {
    const dir = home();
    const file = progressFile(dir);
    // A directory where the file should be: rename over it fails for everyone, root included.
    writeFileSync(join(dir, 'x'), '');
    const blocked = join(dir, 'x', 'progress.json');
    const result = saveProgress(blocked, sample);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /^Progress cannot be saved \(.*x: a file is in the way\)\.$/);
    assert.equal(existsSync(file), false);
  });

  it('reset removes the file, and resetting twice is fine', () => {
    const file = progressFile(home());
    saveProgress(file, sample);
    assert.deepEqual(resetProgress(file), { ok: true });
    assert.equal(existsSync(file), false);
    assert.deepEqual(resetProgress(file), { ok: true });
  });
});
