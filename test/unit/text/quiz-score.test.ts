import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreSentence } from '../../../src/text/quiz-text.js';

describe('the quiz score sentence', () => {
  it('never puts "all right" next to a lower score without saying the retries', () => {
    const text = scoreSentence({ solved: 5, total: 5, firstTry: 3, percent: 80 });
    assert.doesNotMatch(text, /5 of 5 right/);
    assert.match(text, /5 questions, 3 at the first try and 2 after retries\. Score 80%/);
  });

  it('says a perfect run, one retry and questions still open in their own words', () => {
    assert.match(scoreSentence({ solved: 4, total: 4, firstTry: 4, percent: 100 }), /4 questions, all at the first try\. Score 100%/);
    assert.match(scoreSentence({ solved: 3, total: 3, firstTry: 2, percent: 83 }), /2 at the first try and 1 after a retry/);
    assert.match(scoreSentence({ solved: 2, total: 4, firstTry: 2, percent: 50 }), /2 at the first try; 2 still to get right\./);
  });
});
