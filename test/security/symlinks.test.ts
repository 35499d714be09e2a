// A lesson folder whose links lead outside it: nothing outside is read, and lint says which link.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../src/commands/lint.js';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { fixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const SECRET =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: fixture-service\nspec:\n  type: NodePort\n  selector:\n    app: secret-from-outside\n  ports:\n    - port: 80\n      targetPort: 80\n      nodePort: 31999\n';

function folders() {
  const top = tempDir('npl-links-');
  const lessons = join(top, 'lessons');
  cpSync(fixture('course'), lessons, { recursive: true });
  const outside = join(top, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'svc.yml'), SECRET);
  return { lessons, outside };
}

const problems = (dir: string) => {
  const lines: string[] = [];
  const status = lint(
    dir,
    () => undefined,
    (line) => lines.push(line),
  );
  return { status, text: lines.join('\n') };
};

describe('links in a lesson folder', () => {
  it('a manifests folder that links outside is not read, and lint names it', () => {
    const { lessons, outside } = folders();
    renameSync(join(lessons, 'manifests'), join(lessons, 'old-manifests'));
    symlinkSync(outside, join(lessons, 'manifests'));
    const { status, text } = problems(lessons);
    assert.equal(status, 1);
    assert.match(text, /manifests\/svc\.yml:1:1: is a link to .*outside\/svc\.yml, outside the lesson folder/);
    const loaded = loadLessonDir(lessons);
    assert.equal(loaded.ok, false);
  });

  it('a manifest that links outside is not read', () => {
    const { lessons, outside } = folders();
    const link = join(lessons, 'manifests', 'svc.yml');
    renameSync(link, `${link}.orig`);
    symlinkSync(join(outside, 'svc.yml'), link);
    assert.match(problems(lessons).text, /svc\.yml:1:1: is a link to .*outside the lesson folder/);
  });

  it('a lesson file that links outside is reported, not skipped in silence', () => {
    const { lessons, outside } = folders();
    writeFileSync(join(outside, 'lesson.yml'), 'format: 1\n');
    symlinkSync(join(outside, 'lesson.yml'), join(lessons, '04-linked.yml'));
    assert.match(problems(lessons).text, /04-linked\.yml:1:1: is a link to .*outside the lesson folder/);
  });

  it('a link that stays inside the folder is read as its file', () => {
    const { lessons } = folders();
    renameSync(join(lessons, '03-third.yml'), join(lessons, 'third.txt'));
    symlinkSync(join(lessons, 'third.txt'), join(lessons, '03-third.yml'));
    const loaded = loadLessonDir(lessons);
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.equal(loaded.course.lessons.length, 3);
  });
});
