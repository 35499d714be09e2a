import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateNextNodePort, checkNodePort, clusterIPBandOffset, allocateNextClusterIP, nodePortBandOffset } from '../../../src/core/cluster/index.js';
import { parseCidr } from '../../../src/core/cluster/ip.js';
import { seedRng } from '../../../src/core/random.js';

const RANGE = { base: 30000, size: 2768 };

describe('node port allocator', () => {
  it('splits 30000-32767 into a static band of 86 ports and a dynamic band above', () => {
    assert.equal(nodePortBandOffset(2768), 86);
    assert.equal(nodePortBandOffset(16), 0);
    assert.equal(nodePortBandOffset(100), 16);
    assert.equal(nodePortBandOffset(100_000), 128);
  });

  it('never hands out a static-band port while the dynamic band has room', () => {
    for (let seed = 0; seed < 200; seed++) {
      const { port } = allocateNextNodePort(RANGE, new Set(), seedRng(seed));
      assert.ok(port !== undefined && port >= 30086 && port <= 32767, `seed ${seed} gave ${port}`);
    }
  });

  it('scans forward with wrap-around and uses the static band only when the dynamic one is full', () => {
    const used = new Set<number>();
    for (let p = 30086; p <= 32767; p++) used.add(p);
    used.delete(30090);
    const one = allocateNextNodePort(RANGE, used, seedRng(3));
    assert.equal(one.port, 30090);
    used.add(30090);
    const two = allocateNextNodePort(RANGE, used, seedRng(3));
    assert.ok(two.port !== undefined && two.port >= 30000 && two.port <= 30085);
  });

  it('reports a full range as undefined', () => {
    const used = new Set<number>();
    for (let p = 30000; p <= 32767; p++) used.add(p);
    assert.equal(allocateNextNodePort(RANGE, used, seedRng(1)).port, undefined);
  });

  it('checks a requested port against range and use', () => {
    assert.equal(checkNodePort(RANGE, new Set(), 29999), 'not-in-range');
    assert.equal(checkNodePort(RANGE, new Set(), 32768), 'not-in-range');
    assert.equal(checkNodePort(RANGE, new Set([31231]), 31231), 'already-allocated');
    assert.equal(checkNodePort(RANGE, new Set(), 30000), 'ok');
  });

  it('is deterministic for a seed', () => {
    const a = allocateNextNodePort(RANGE, new Set(), seedRng(42));
    const b = allocateNextNodePort(RANGE, new Set(), seedRng(42));
    assert.deepEqual(a, b);
  });
});

describe('cluster IP allocator', () => {
  const cidr = parseCidr('10.96.0.0/12');
  it('reserves the lower 256 addresses of 10.96.0.0/12', () => {
    assert.equal(clusterIPBandOffset(cidr), 256);
    for (let seed = 0; seed < 100; seed++) {
      const { ip } = allocateNextClusterIP(cidr, new Set(['10.96.0.1']), seedRng(seed));
      assert.ok(ip !== undefined);
      const [a, b, c] = ip.split('.').map(Number);
      assert.equal(a, 10);
      assert.ok((b ?? 0) >= 96 && (b ?? 0) <= 111, ip);
      assert.ok(!((b ?? 0) === 96 && (c ?? 0) === 0), `static band address ${ip}`);
    }
  });
});
