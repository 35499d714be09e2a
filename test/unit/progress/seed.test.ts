// The course keeps its cluster's seed in the progress file, so a resumed course meets the same
// node ports and IPs; files from before seeds were kept still load as they are.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { emptyProgress, finishStep, mergeProgress, parseProgress, visit, type Progress } from '../../../src/core/progress/model.js';
import { courseSeed } from '../../../src/core/progress/seed.js';
import { loadProgress, progressFile, resetProgress, saveProgress } from '../../../src/core/progress/store.js';
import { tempDir } from '../../helpers/temp.js';

const home = () => tempDir('npl-seed-');
const walked: Progress = finishStep(visit(emptyProgress, { lesson: 'a', step: 's2' }), { lesson: 'a', step: 's1' }, false);
const never = (): number => assert.fail('a seed was picked although one was given or kept');

describe('the course seed in progress', () => {
  it('is written to the file and read back with the rest', () => {
    const file = progressFile(home());
    const progress: Progress = { ...walked, seed: 30194 };
    assert.deepEqual(saveProgress(file, progress), { ok: true });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(onDisk.seed, 30194);
    assert.equal(onDisk.version, 2, 'no new version: a version 2 reader passes over the seed');
    assert.deepEqual(loadProgress(file), { progress, notice: null });
  });

  it('a first launch picks a seed and keeps it; the next launch uses the kept one', () => {
    const file = progressFile(home());
    const first = courseSeed(loadProgress(file).progress, undefined, () => 4242);
    assert.equal(first.seed, 4242);
    saveProgress(file, visit(first.progress, { lesson: 'a', step: 's1' }));
    const again = courseSeed(loadProgress(file).progress, undefined, never);
    assert.equal(again.seed, 4242);
  });

  for (const [name, old] of [
    ['version 1', { version: 1, lessons: { a: { done: ['s1'], complete: false } }, last: { lesson: 'a', step: 's2' } }],
    [
      'version 2',
      {
        version: 2,
        lessons: { a: { done: ['s1'], complete: true } },
        last: null,
        deepDives: true,
        history: { answers: 1, questions: { 'q/1': { asked: 1, right: 1, lastRight: true, at: 1 } } },
      },
    ],
  ] as const) {
    it(`loads a ${name} file without a seed as it is, then picks one and keeps it`, () => {
      const dir = home();
      const file = progressFile(dir);
      const text = JSON.stringify(old);
      writeFileSync(file, text);
      const loaded = loadProgress(file);
      assert.equal(loaded.notice, null);
      assert.deepEqual(readdirSync(dir), ['progress.json'], 'nothing set aside');
      assert.equal(readFileSync(file, 'utf8'), text, 'loading does not change the file');
      assert.equal(loaded.progress.seed, undefined);
      assert.deepEqual(loaded.progress.lessons, old.lessons);
      const { seed, progress } = courseSeed(loaded.progress, undefined, () => 777);
      assert.equal(seed, 777);
      assert.deepEqual(progress, { ...loaded.progress, seed: 777 });
      saveProgress(file, progress);
      const saved = loadProgress(file).progress;
      assert.equal(saved.seed, 777);
      assert.deepEqual(saved.lessons, old.lessons);
    });
  }

  it('sets aside a file whose seed is not a whole number, and keeps its bytes', () => {
    for (const seed of ['12', -1, 1.5, null]) {
      const dir = home();
      const file = progressFile(dir);
      const text = JSON.stringify({ version: 2, lessons: {}, last: null, seed });
      writeFileSync(file, text);
      const loaded = loadProgress(file, new Date('2026-12-07T13:20:00.000Z'));
      assert.match(loaded.notice ?? '', /not in the expected shape.*moved to/, `seed ${JSON.stringify(seed)}`);
      assert.deepEqual(loaded.progress, emptyProgress);
      assert.equal(existsSync(file), false);
      assert.equal(readFileSync(`${file}.2026-12-07T13-20-00-000Z.bak`, 'utf8'), text);
    }
  });

  it('an explicit --seed wins over the kept one, and is kept in its place', () => {
    const kept: Progress = { ...walked, seed: 5 };
    const given = courseSeed(kept, 9, never);
    assert.equal(given.seed, 9);
    assert.equal(given.progress.seed, 9);
    assert.equal(courseSeed(given.progress, undefined, never).seed, 9);
    const same = courseSeed(kept, 5, never);
    assert.equal(same.progress, kept, 'the same seed again changes nothing');
  });

  it('a seed JSON cannot carry whole is used but not kept', () => {
    const kept: Progress = { ...walked, seed: 5 };
    const huge = courseSeed(kept, Number.POSITIVE_INFINITY, never);
    assert.equal(huge.seed, Number.POSITIVE_INFINITY);
    assert.equal(huge.progress, kept);
  });

  it('a reset forgets the seed: the next launch picks a new one', () => {
    const file = progressFile(home());
    saveProgress(file, { ...walked, seed: 5 });
    resetProgress(file);
    assert.equal(courseSeed(loadProgress(file).progress, undefined, () => 6).seed, 6);
  });

  it("two windows' saves keep a seed: the saving window's, else the one on disk", () => {
    assert.equal(mergeProgress({ ...walked, seed: 5 }, walked).seed, 5);
    assert.equal(mergeProgress({ ...walked, seed: 5 }, { ...walked, seed: 9 }).seed, 9);
    assert.equal('seed' in mergeProgress(walked, walked), false);
  });

  it('a save from a window without a seed keeps the one on disk', () => {
    const file = progressFile(home());
    saveProgress(file, { ...walked, seed: 31 });
    saveProgress(file, visit(walked, { lesson: 'b', step: 'x' }));
    assert.equal(loadProgress(file).progress.seed, 31);
    assert.equal(parseProgress(JSON.parse(readFileSync(file, 'utf8')))?.seed, 31);
  });
});
