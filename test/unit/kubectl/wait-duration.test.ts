// Go's time.ParseDuration, as kubectl reads --timeout (time/format.go: its unitMap and grammar).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration } from '../../../src/core/kubectl/wait-duration.js';

describe('parseDuration (Go time.ParseDuration), in milliseconds', () => {
  it('reads each unit, sums a sequence and keeps a sign', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('1m30s'), 90_000);
    assert.equal(parseDuration('1h'), 3_600_000);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('1.5s'), 1500);
    assert.equal(parseDuration('-2m'), -120_000);
    assert.equal(parseDuration('0'), 0);
  });

  it('takes microseconds as us, the micro sign and the Greek mu', () => {
    assert.equal(parseDuration('2000us'), 2);
    assert.equal(parseDuration('2000\u00b5s'), 2);
    assert.equal(parseDuration('2000\u03bcs'), 2);
    assert.equal(parseDuration('3ns'), 3e-6);
  });

  it('refuses what Go refuses: no unit, an unknown unit, nothing', () => {
    assert.equal(parseDuration('30'), undefined);
    assert.equal(parseDuration('3d'), undefined);
    assert.equal(parseDuration(''), undefined);
    assert.equal(parseDuration('-'), undefined);
  });
});
