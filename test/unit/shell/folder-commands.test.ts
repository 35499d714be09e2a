// ls and cat at the prompt: the folder kubectl apply -f reads, shown as GNU coreutils shows it
// (compared with the real ls and cat on the same files on disk, LC_ALL=C), and nothing beyond it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sandboxFiles } from '../../../src/commands/sandbox-files.js';
import { courseFolder, lessonFolder } from '../../../src/core/course/course-folder.js';
import { newShell, runLine } from '../../../src/core/shell/shell.js';
import { ls } from '../../../src/core/shell/ls.js';
import type { KubectlIO } from '../../../src/core/kubectl/index.js';
import { fixtureCourse, lectureManifest } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';

const POD = lectureManifest('pod-definition.yml');
const SERVICE = lectureManifest('pod-nodeport-service.yml');
const course = new Map([
  ['pod-definition.yml', POD],
  ['pod-nodeport-service.yml', SERVICE],
]);

const run = (io: KubectlIO, line: string) => runLine(newShell(3), line, io, 0);

/** The real coreutils on a folder holding the same files, in the C locale. */
function real(folder: string, command: string, args: readonly string[]) {
  const done = spawnSync(command, args, { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } });
  return { stdout: done.stdout, stderr: done.stderr, exitCode: done.status };
}

function onDisk(files: ReadonlyMap<string, string>): string {
  const folder = tempDir('npl-folder-');
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  return folder;
}

describe('ls and cat in a practice step read the course folder', () => {
  const io = courseFolder(course);
  const folder = onDisk(course);

  for (const line of [
    'cat pod-definition.yml',
    'cat ./pod-nodeport-service.yml',
    'cat -n pod-definition.yml',
    'cat missing.yml',
    'cat pod-definition.yml missing.yml pod-nodeport-service.yml',
    'cat .',
    'cat pod-definition.yml/',
    'cat -z pod-definition.yml',
    'ls -1',
    'ls -C -w 80',
    'ls pod-definition.yml',
    'ls x.yml',
    'ls -1 ./',
    'ls -y',
  ]) {
    it(`${line}: as the real one prints it`, () => {
      const [command = '', ...args] = line.split(' ');
      // ls on a terminal lays names out in columns: -C -w 80 is that, piped.
      const ours = line === 'ls -C -w 80' ? run(io, 'ls') : run(io, line);
      const theirs = real(folder, command, args);
      assert.equal(ours.stdout, theirs.stdout, 'stdout');
      assert.equal(ours.stderr, theirs.stderr.replace(/^(\w+): invalid option -- 'w'[\s\S]*/, ''), 'stderr');
      assert.equal(ours.exitCode, theirs.exitCode, 'exit status');
    });
  }

  it('ls lays its columns out for the terminal it is given, as the real ls -C -w does at every width', () => {
    const names = ['a.yml', 'my-pod.yml', 'my-service.yml', 'nodeport-31231.yml', 'pod-definition.yml', 'pod-nodeport-service.yml', 'web.yml'];
    const many = new Map(names.map((n) => [n, 'kind: Pod\n']));
    const disk = onDisk(many);
    for (let columns = 20; columns <= 130; columns++) {
      const theirs = real(disk, 'ls', ['-C', '-T', '0', '-w', String(columns)]);
      assert.equal(run({ ...courseFolder(many), columns } as KubectlIO, 'ls').stdout, theirs.stdout, `at ${columns} columns`);
    }
  });

  it('ls -l: a long listing with total, sizes and names, as the real one lays it out', () => {
    const ours = run(io, 'ls -l');
    const theirs = real(folder, 'ls', ['-l']);
    const shape = (text: string) => text.split('\n').map((l) => l.replace(/^(\S+) (\d+) \S+ \S+ +(\d+) \w{3} [ \d]\d \d\d:\d\d /, '$1 $2 $3 '));
    assert.deepEqual(shape(ours.stdout), shape(theirs.stdout));
    assert.match(ours.stdout, /^total 8\n-rw-r--r-- 1 learner learner \d+ \w{3} [ \d]\d \d\d:\d\d pod-definition\.yml\n/);
    assert.match(run(io, 'ls -la').stdout, /^total 16\ndrwxr-xr-x 2 .* \.\ndrwxr-xr-x 3 .* \.\.\n-rw/);
    assert.equal(run(io, 'ls -a -1').stdout, '.\n..\npod-definition.yml\npod-nodeport-service.yml\n');
  });

  it('in a lesson, ls lists the manifests shown so far and cat reads any that kubectl apply -f reads', () => {
    const fixture = fixtureCourse();
    const all = new Map(course);
    for (const step of fixture.lessons.flatMap((l) => l.steps)) if (step.kind === 'manifest') all.set(step.file, step.source);
    const lesson = lessonFolder(fixture, 0, courseFolder(all));
    const listed = run(lesson, 'ls').stdout.split(/\s+/).filter(Boolean);
    assert.ok(listed.length > 0);
    for (const name of listed) assert.equal(run(lesson, `cat ${name}`).stdout, all.get(name), name);
    assert.equal(run(lesson, 'cat pod-definition.yml').stdout, POD);
    assert.match(run(lesson, 'kubectl apply -f pod-definition.yml').stdout, /created/);
  });

  it('nothing outside the folder: .., absolute paths and sub-folders are not there', () => {
    for (const path of ['../pod-definition.yml', '/etc/passwd', '/', '..', 'lessons/pod-definition.yml', '../../etc/hostname']) {
      assert.deepEqual(
        { stdout: run(io, `cat ${path}`).stdout, stderr: run(io, `cat ${path}`).stderr, code: run(io, `cat ${path}`).exitCode },
        { stdout: '', stderr: `cat: ${path}: No such file or directory\n`, code: 1 },
      );
      const listed = run(io, `ls ${path}`);
      assert.equal(listed.stderr, `ls: cannot access '${path}': No such file or directory\n`);
      assert.equal(listed.exitCode, 2);
    }
  });

  it("a manifest's control characters never reach the terminal", () => {
    const hostile = courseFolder(new Map([['evil.yml', 'kind: Pod\n\u001b]0;owned\u0007\u009b2J\n']]));
    const shown = run(hostile, 'cat evil.yml').stdout;
    assert.equal(shown, 'kind: Pod\n\\x1b]0;owned\\x07\\x9b2J\n');
    assert.doesNotMatch(shown + run(hostile, 'cat \u001b').stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('editors and wget say what the lab offers instead of "command not found"', () => {
    for (const editor of ['vi', 'vim', 'nano']) {
      const said = run(io, `${editor} pod-definition.yml`);
      assert.doesNotMatch(said.stderr, /command not found/);
      assert.match(said.stderr, new RegExp(`^${editor}: this lab has no text editor`));
      assert.match(said.stderr, /kubectl patch svc NAME/);
    }
    assert.match(run(io, 'wget http://203.0.113.11:30080').stderr, /^wget: not in this lab; curl makes the same request/);
  });
});

describe('ls and cat in the sandbox, whose folder is on disk', () => {
  it('lists and reads the folder and the course manifests, follows no symlink out, lists no sub-folder', () => {
    const outside = tempDir('npl-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'not for the learner\n');
    const folder = onDisk(new Map([['mine.yml', 'kind: Service\n']]));
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'link.yml'));
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'deep.yml'), 'kind: Pod\n');
    const io = sandboxFiles(course, folder);
    assert.equal(run(io, 'ls -1').stdout, 'mine.yml\npod-definition.yml\npod-nodeport-service.yml\n');
    assert.equal(run(io, 'cat mine.yml').stdout, 'kind: Service\n');
    assert.equal(run(io, 'cat pod-definition.yml').stdout, POD);
    for (const path of ['link.yml', `${outside}/secret.txt`, '../secret.txt', 'sub/deep.yml']) {
      assert.equal(run(io, `cat ${path}`).stderr, `cat: ${path}: No such file or directory\n`, path);
    }
    assert.equal(run(io, 'ls sub').exitCode, 2);
    // The real cat would follow the link: that is what the folder's own reader refuses.
    assert.equal(execFileSync('cat', ['link.yml'], { cwd: folder, encoding: 'utf8' }), 'not for the learner\n');
  });
});

describe('ls as GNU ls 9 lists a folder of files', () => {
  const folder = onDisk(
    new Map([
      ['.hidden.yml', 'kind: Pod\n'],
      ['b-service.yml', 'kind: Service\n'],
      ['a-pod.yml', 'kind: Pod\n'],
      ['with space.yml', 'kind: Pod\n'],
    ]),
  );
  const io = sandboxFiles(new Map(), folder);

  it('hides names that start with a dot unless -a asks for them', () => {
    const piped = { ...io, piped: true };
    assert.equal(run(piped, 'ls -1').stdout, real(folder, 'ls', ['-1']).stdout);
    assert.equal(run(piped, 'ls -1a').stdout, real(folder, 'ls', ['-1a']).stdout);
    assert.doesNotMatch(run(io, 'ls').stdout, /hidden/);
  });

  it('into a pipe: one name a line, unquoted, unless -C asks for columns (80 wide with COLUMNS unset)', () => {
    const piped = { ...io, piped: true };
    // spawnSync's stdout is a pipe: the real ls sees what a scripted sandbox's ls sees.
    for (const args of [[], ['-a'], ['-C'], ['-l']]) {
      const ours = run(piped, ['ls', ...args].join(' '));
      const theirs = real(folder, 'ls', args);
      if (args[0] === '-l')
        assert.equal(
          ours.stdout
            .split('\n')
            .map((l) => l.split(' ').pop())
            .join('\n'),
          theirs.stdout
            .split('\n')
            .map((l) => l.split(' ').pop())
            .join('\n'),
          'ls -l',
        );
      else assert.equal(ours.stdout, theirs.stdout, `ls ${args.join(' ')}`);
    }
    assert.match(run(io, 'ls').stdout, /'with space\.yml'/, 'on a terminal the name is quoted, as ls quotes it for the shell');
  });
});

describe('what ls reads', () => {
  /** A folder of three files that counts what ls asks of it. */
  const counted = () => {
    const asked = { names: 0, reads: 0 };
    const files = new Map([
      ['a.yml', 'a\n'],
      ['b.yml', 'bb\n'],
      ['c.yml', 'ccc\n'],
    ]);
    const folder = {
      names: () => (asked.names++, [...files.keys()]),
      read: (name: string) => (asked.reads++, files.get(name) ?? { error: 'not-found' as const }),
    };
    return { asked, folder };
  };

  it('names without sizes read no file; -l reads each once; a file named alone lists no folder', () => {
    const plain = counted();
    assert.equal(
      ls(plain.folder, [], 0, 'pipe')
        .output.map((c) => c.text)
        .join(''),
      'a.yml\nb.yml\nc.yml\n',
    );
    assert.deepEqual(plain.asked, { names: 1, reads: 0 });
    const long = counted();
    assert.match(
      ls(long.folder, ['-l'], 0, 'pipe')
        .output.map((c) => c.text)
        .join(''),
      / 3 .* b\.yml\n/,
    );
    assert.deepEqual(long.asked, { names: 1, reads: 3 });
    const one = counted();
    assert.equal(
      ls(one.folder, ['b.yml'], 0, 'pipe')
        .output.map((c) => c.text)
        .join(''),
      'b.yml\n',
    );
    assert.equal(one.asked.names, 0);
  });
});
