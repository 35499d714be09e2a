import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { loadCourse } from '../../../src/core/course/loader.js';
import { formatProblem, type Problem } from '../../../src/core/course/model.js';
import { fixture, fixtureCourse, repoPath } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';

function problemsIn(dir: string): string[] {
  const result = loadLessonDir(dir);
  assert.equal(result.ok, false, 'expected problems');
  return (result as { problems: Problem[] }).problems.map((p) => formatProblem({ ...p, file: relative(dir, p.file) }));
}

describe('lesson loader', () => {
  it('loads the fixture course with every step kind and resolves manifest field lines', () => {
    const course = fixtureCourse();
    assert.deepEqual(
      course.lessons.map((l) => l.id),
      ['first', 'second', 'third'],
    );
    assert.deepEqual(course.lessons[2]!.setup, ['kubectl run ready-pod --image nginx']);
    const manifest = course.lessons[0]!.steps[2]!;
    assert.equal(manifest.kind, 'manifest');
    if (manifest.kind !== 'manifest') return;
    assert.deepEqual(
      manifest.fields.map((f) => [f.path, f.line]),
      [
        ['spec.type', 6],
        ['spec.ports[0].nodePort', 12],
      ],
    );
    const compare = course.lessons[1]!.steps[0]!;
    assert.equal(compare.kind, 'compare');
    if (compare.kind === 'compare') assert.match(compare.right.code ?? '', /nodePort: 31999/);
  });

  it('reports each problem class in the broken fixtures with its exact position', () => {
    assert.deepEqual(problemsIn(fixture('broken')), [
      '01-syntax.yml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '02-fields.yml:5:1: unknown field "colour"',
      '02-fields.yml:7:5: missing field "title"',
      '02-fields.yml:9:5: unknown field "titel" (did you mean "title"?)',
      '03-duplicates.yml:2:5: duplicate lesson id "fields" (first used in ' + join(fixture('broken'), '02-fields.yml') + ')',
      '03-duplicates.yml:10:9: duplicate step id "twice"',
      '04-references.yml:10:11: manifest "nowhere.yml" not found in manifests/',
      '04-references.yml:20:15: field "spec.ports[0].nodeport" is not in svc.yml',
      '04-references.yml:23:11: unknown step kind "animation" (known kinds: read, manifest, compare, do, quiz, trace)',
      '05-values.yml:1:9: "format" must be 1, the lesson format this version of nodeport-lab reads',
      '05-values.yml:2:5: "id" must be lower-case letters, digits and single hyphens, like "expose-the-pod"',
      '05-values.yml:3:8: "title" must not be empty',
      '05-values.yml:11:13: "name" must be one of: unreachable-pod, service-types, three-ports, request-path',
      '06-quiz.yml:11:13: "id" must be lower-case letters, digits and single hyphens, like "which-port-is-typed"',
      '06-quiz.yml:16:13: missing field "why"',
      '06-quiz.yml:26:11: has 2 right options, and a single question has exactly one (use kind: multiple for more)',
    ]);
  });

  it('rejects an unknown step kind, naming the known ones', () => {
    const text = 'format: 1\nid: x\ntitle: X\nsummary: S\nsteps:\n  - id: a\n    kind: dance\n    title: A\n    text: T\n';
    const result = loadCourse({ lessons: [{ file: 'x.yml', text }], manifests: new Map() });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.map(formatProblem), ['x.yml:7:11: unknown step kind "dance" (known kinds: read, manifest, compare, do, quiz, trace)']);
  });

  it('needs exactly one of code and file on a compare side', () => {
    const text = [
      'format: 1',
      'id: x',
      'title: X',
      'summary: S',
      'steps:',
      '  - id: c',
      '    kind: compare',
      '    title: C',
      '    text: T',
      '    left: { title: L, code: a, file: svc.yml }',
      '    right: { title: R }',
      '    rows: [{ aspect: a, left: b, right: c }]',
    ].join('\n');
    const result = loadCourse({ lessons: [{ file: 'x.yml', text }], manifests: new Map([['svc.yml', { file: 'm/svc.yml', text: 'a: 1\n' }]]) });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map((p) => p.message),
      ['"left" needs exactly one of "code", "file" or "command"', '"right" needs exactly one of "code", "file" or "command"'],
    );
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'format: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const result = loadCourse({ lessons: [{ file: 'bomb.yml', text: bomb }], manifests: new Map() });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems[0]!.message, /alias/i);
  });

  it('reports an empty folder, a missing folder and an oversized file', () => {
    const dir = tempDir('npl-lessons-');
    assert.deepEqual(problemsIn(dir), [':1:1: no lesson files (*.yml) found']);
    assert.match(problemsIn(join(dir, 'nope'))[0]!, /no such directory/);
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, '01-big.yml'), `# ${'x'.repeat(600 * 1024)}\n`);
    assert.deepEqual(problemsIn(dir), ['01-big.yml:1:1: file is larger than 512 KiB']);
  });

  it('accepts the course that ships with the app', () => {
    const result = loadLessonDir(repoPath('lessons'));
    assert.equal(result.ok, true, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
  });
});
