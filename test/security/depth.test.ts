// Lessons and manifests nested thousands of levels deep are refused before any parser works on them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCourse } from '../../src/core/course/loader.js';
import { formatProblem } from '../../src/core/course/model.js';
import { MAX_DEPTH, tooDeepAt } from '../../src/core/yaml-depth.js';
import { files, session } from '../unit/shell/helpers.js';
import { lectureManifest } from '../helpers/fixtures.js';

const N = 200_000;
const deepTexts = {
  'flow sequences': `format: 1\nid: x\ntitle: ${'['.repeat(N)}${']'.repeat(N)}\n`,
  'flow maps': `format: 1\nid: x\ntitle: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`,
  'compact sequences': `format: 1\nid: x\nsteps:\n  ${'- '.repeat(N)}x\n`,
  indentation: `format: 1\nid: x\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
};

describe('nesting depth', () => {
  for (const [name, text] of Object.entries(deepTexts)) {
    it(`a lesson of deep ${name} is refused with its place`, { timeout: 20_000 }, () => {
      const result = loadCourse({ lessons: [{ file: 'deep.yml', text }], manifests: new Map() });
      assert.equal(result.ok, false);
      const problems = result.ok ? [] : result.problems.map(formatProblem);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, new RegExp(`^deep\\.yml:\\d+:\\d+: nested more than ${MAX_DEPTH} levels deep`));
    });

    it(`a manifest of deep ${name} is refused by kubectl apply`, { timeout: 20_000 }, () => {
      const { run } = session(7, files({ 'deep.yml': text }));
      const result = run('kubectl apply -f deep.yml');
      assert.equal(result.stderr, `error: error parsing deep.yml: error converting YAML to JSON: yaml: exceeded max depth of ${MAX_DEPTH}\n`);
    });
  }

  it('ordinary lessons and manifests are nowhere near the cap', () => {
    assert.equal(tooDeepAt(lectureManifest('pod-nodeport-service.yml')), -1);
    assert.equal(tooDeepAt('a: "[[[[[[" # {{{{{{\nb: \'{{{{\'\n'.repeat(50), 3), -1);
    assert.equal(tooDeepAt(`${'['.repeat(99)}${']'.repeat(99)}`), -1);
    assert.notEqual(tooDeepAt(`${'['.repeat(101)}${']'.repeat(101)}`), -1);
  });
});
