import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { parseCompiled } from '../../src/core/course/compiled.js';
import { fixture, repoPath } from '../helpers/fixtures.js';
import { CLI } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const run = (args: string[], env: Record<string, string> = {}, input = '') =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, ...env } });

describe('the built CLI without a terminal', { skip }, () => {
  it('points to print when the course is started without a TTY, exit 2', () => {
    const r = run([]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /nodeport-lab print/);
  });

  it('lint prints every problem as file:line:col: message and exits 1; a clean folder exits 0', () => {
    const bad = run(['lint', fixture('broken')]);
    assert.equal(bad.status, 1);
    const lines = bad.stderr.trim().split('\n');
    assert.equal(lines.at(-1), '16 problems');
    for (const line of lines.slice(0, -1)) assert.match(line, /^.+\.yml:\d+:\d+: .+/);
    const good = run(['lint', repoPath('lessons')]);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /no problems/);
  });

  it('print writes the whole course as text, or one lesson by number or id', () => {
    const all = run(['print', '--lessons', fixture('course')]);
    assert.equal(all.status, 0);
    assert.match(all.stdout, /Lesson 1: First lesson/);
    assert.match(all.stdout, /Lesson 2: Second lesson/);
    const one = run(['print', '2', '--lessons', fixture('course')]);
    assert.doesNotMatch(one.stdout, /First lesson/);
    assert.match(one.stdout, /Second lesson/);
    assert.equal(run(['print', 'second', '--lessons', fixture('course')]).stdout, one.stdout);
    const missing = run(['print', 'nine', '--lessons', fixture('course')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no lesson "nine" \(lessons: 1 first, 2 second, 3 third\)/);
  });

  it('a lesson name that matches none is answered alike by print and serve --lesson, its control characters shown, never obeyed', () => {
    for (const args of [['print'], ['serve', '--port', '0', '--lesson']]) {
      const missing = run([...args, '\u001b[31mnine', '--lessons', fixture('course')]);
      assert.equal(missing.status, 2, args.join(' '));
      assert.equal(missing.stderr, 'nodeport-lab: no lesson "\\x1b[31mnine" (lessons: 1 first, 2 second, 3 third)\n', args.join(' '));
    }
  });

  it('prints the shipped course with every diagram as words and no box drawing', () => {
    const r = run(['print']);
    assert.equal(r.status, 0);
    assert.ok((r.stdout.match(/Diagram: /g) ?? []).length >= 4);
    assert.doesNotMatch(r.stdout, /[┌┐└┘│─▶●]/);
  });

  it('reset needs --yes without a terminal, and forgets progress with it', () => {
    const home = tempDir('npl-reset-');
    writeFileSync(join(home, 'progress.json'), '{}');
    const refused = run(['reset'], { NODEPORT_LAB_HOME: home });
    assert.equal(refused.status, 2);
    assert.ok(existsSync(join(home, 'progress.json')));
    const done = run(['reset', '--yes'], { NODEPORT_LAB_HOME: home });
    assert.equal(done.status, 0);
    assert.equal(existsSync(join(home, 'progress.json')), false);
  });

  it('answers --version, --help, and refuses unknown commands and flags with exit 2', () => {
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.match(run(['--help']).stdout, /Usage:/);
    const command = run(['dance']);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /unknown command "dance"/);
    const flag = run(['--dance']);
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /Unknown option '--dance'/);
  });

  it('ships the lessons compiled by the build, identical to the YAML they came from', () => {
    const compiled = parseCompiled(readFileSync(repoPath('dist/course.json'), 'utf8'));
    const fromYaml = loadLessonDir(repoPath('lessons'));
    assert.ok(compiled && fromYaml.ok);
    const withoutPaths = (lessons: readonly { file: string }[]) => lessons.map((l) => ({ ...l, file: l.file.split(/[\\/]/).pop() }));
    assert.deepEqual(withoutPaths(compiled.lessons), withoutPaths(fromYaml.course.lessons));
    assert.ok(
      compiled.lessons.every((l) => l.file.startsWith('lessons/')),
      'no machine paths in the package',
    );
  });

  it('refuses a compiled course of another format', () => {
    assert.equal(parseCompiled('{"format": 2, "course": {"lessons": []}}'), null);
    assert.equal(parseCompiled('not json'), null);
  });
});
