import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster } from '../../../src/core/cluster/index.js';
import { Output } from '../../../src/core/kubectl/command.js';

describe("a command's output collector", () => {
  it('keeps both streams in the order written, whichever way text is appended', () => {
    const out = new Output();
    out.write('service/a created\n');
    out.err('Warning: a warning', false);
    assert.equal(out.stdout, 'service/a created\n', 'read between writes');
    out.stdout += 'service/b created\n';
    out.out('service/c created');
    out.stderr += 'Error from server: x\n';
    const result = out.result(createCluster({ seed: 1 }));
    assert.equal(result.stdout, 'service/a created\nservice/b created\nservice/c created\n');
    assert.equal(result.stderr, 'Warning: a warning\nError from server: x\n');
    assert.equal(result.exitCode, 0, 'a warning and a raw append do not fail the command');
    assert.deepEqual(
      result.output?.map((c) => c.stream),
      ['stdout', 'stderr', 'stdout', 'stdout', 'stderr'],
    );
  });

  it('refuses to take text back', () => {
    const out = new Output();
    out.write('abc');
    assert.throws(() => {
      out.stdout = 'xyz';
    }, /only be appended/);
  });

  it('writes thousands of pieces joined once, in order', () => {
    const out = new Output();
    for (let i = 0; i < 5000; i++) out.write(`${i}\n`);
    const lines = out.result(createCluster({ seed: 1 })).stdout.split('\n');
    assert.equal(lines.length, 5001);
    assert.equal(lines[4999], '4999');
  });
});
