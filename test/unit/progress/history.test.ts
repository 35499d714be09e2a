import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { emptyProgress, parseProgress, recordQuestion, setDeepDives } from '../../../src/core/progress/model.js';
import { loadProgress, progressFile, saveProgress } from '../../../src/core/progress/store.js';
import { tempDir } from '../../helpers/temp.js';

const file = () => progressFile(tempDir('npl-history-'));

describe('progress version 2: quiz history and the deep-dive choice', () => {
  it('reads a version 1 file as it is, with no history and deep dives off, and saves it as version 2', () => {
    const path = file();
    const v1 = { version: 1, lessons: { a: { done: ['s1'], complete: false } }, last: { lesson: 'a', step: 's1' }, quizzes: {} };
    writeFileSync(path, JSON.stringify(v1));
    const loaded = loadProgress(path);
    assert.equal(loaded.notice, null);
    assert.deepEqual(loaded.progress.lessons, v1.lessons);
    assert.deepEqual(loaded.progress.last, v1.last);
    assert.equal(loaded.progress.history, undefined);
    assert.equal(loaded.progress.deepDives, undefined);
    saveProgress(path, loaded.progress);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).version, 2);
  });

  it('counts answers per question, with the answer clock, and keeps them through a save', () => {
    let progress = recordQuestion(emptyProgress, 'q1', false);
    progress = recordQuestion(progress, 'q2', true);
    progress = recordQuestion(progress, 'q1', true);
    progress = setDeepDives(progress, true);
    assert.deepEqual(progress.history, {
      answers: 3,
      questions: { q1: { asked: 2, right: 1, lastRight: true, at: 3 }, q2: { asked: 1, right: 1, lastRight: true, at: 2 } },
    });
    const path = file();
    saveProgress(path, progress);
    assert.deepEqual(loadProgress(path).progress, progress);
  });

  const cases: [string, unknown][] = [
    ['more right than asked', { answers: 2, questions: { q: { asked: 1, right: 2, lastRight: true, at: 1 } } }],
    ['an answer after the clock', { answers: 1, questions: { q: { asked: 1, right: 1, lastRight: true, at: 5 } } }],
    ['a negative count', { answers: -1, questions: {} }],
    ['lastRight not a boolean', { answers: 1, questions: { q: { asked: 1, right: 1, lastRight: 'yes', at: 1 } } }],
    ['history not an object', []],
  ];
  for (const [what, history] of cases) {
    it(`refuses history with ${what}`, () => {
      assert.equal(parseProgress({ version: 2, lessons: {}, last: null, history }), null);
    });
  }

  it('refuses a deepDives that is not true or false', () => {
    assert.equal(parseProgress({ version: 2, lessons: {}, last: null, deepDives: 'on' }), null);
    assert.equal(parseProgress({ version: 2, lessons: {}, last: null, deepDives: false })?.deepDives, false);
  });
});
