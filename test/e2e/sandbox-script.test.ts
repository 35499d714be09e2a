import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { randomLines } from '../helpers/random-lines.js';
import { fixture } from '../helpers/fixtures.js';
import { CLI } from '../helpers/tmux.js';
import { SOAK } from '../helpers/soak.js';
import { tempDir } from '../helpers/temp.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const script = readFileSync(fixture('lecture.script'), 'utf8');

/** Runs the sandbox with both streams on one file, as a terminal would interleave them. */
function transcript(input: string, args: string[] = ['--seed', '42']): { text: string; status: number | null } {
  const file = join(tempDir('npl-transcript-'), 'out');
  const fd = openSync(file, 'w');
  const run = spawnSync(process.execPath, [CLI, 'sandbox', ...args], { input, stdio: ['pipe', fd, fd] });
  closeSync(fd);
  return { text: readFileSync(file, 'utf8'), status: run.status };
}

describe('the lecture, scripted through the sandbox without a terminal', { skip }, () => {
  it('prints exactly the reviewed transcript (UPDATE_GOLDEN=1 rewrites it after a reviewed change)', () => {
    const { text, status } = transcript(script);
    if (process.env.UPDATE_GOLDEN) writeFileSync(fixture('lecture.transcript'), text);
    assert.equal(text, readFileSync(fixture('lecture.transcript'), 'utf8'));
    assert.equal(status, 7, 'the last command, a silent curl to a deleted pod, was refused');
  });

  it('keeps stdout and stderr apart: errors on stderr, results on stdout', () => {
    const run = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '42'], { input: script, encoding: 'utf8' });
    assert.match(run.stdout, /service\/my-first-service exposed/);
    assert.match(run.stdout, /Welcome to Stack Simplify/);
    assert.doesNotMatch(run.stdout, /curl: \(|error:|Error from server|Invalid value/);
    assert.match(run.stderr, /^curl: \(7\) Failed to connect to 203\.0\.113\.11 port 30625 after 0 ms: Couldn't connect to server$/m);
    assert.match(run.stderr, /^error: unknown flag: --generator$/m);
    assert.match(
      run.stderr,
      /^error: failed to create NodePort service: Service "taken" is invalid: spec\.ports\[0\]\.nodePort: Invalid value: 31231: provided port is already allocated$/m,
    );
    assert.doesNotMatch(run.stderr, /Welcome|exposed/);
  });

  it('gives the same cluster for the same seed, and another for another seed', () => {
    const lines = 'kubectl run p --image nginx\nkubectl expose pod p --type=NodePort --port=80\nkubectl get svc p\n';
    assert.equal(transcript(lines).text, transcript(lines).text);
    assert.notEqual(transcript(lines).text, transcript(lines, ['--seed', '43']).text);
  });

  it("goes on after errors and exits with the last command's status", () => {
    assert.equal(transcript('kubectl get pods nope\nkubectl get nodes\n').status, 0);
    assert.equal(transcript('kubectl get nodes\nkubectl get pods nope\n').status, 1);
    assert.equal(transcript('frobnicate\n').status, 127);
    assert.equal(transcript('kubectl get nodes\n# a comment\n\n').status, 0);
  });

  it('applies a file from the working directory, read only, and refuses a directory, a 10 MB file, an alias bomb, a binary file and a missing one', () => {
    const dir = tempDir('npl-files-');
    writeFileSync(join(dir, 'mine.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n    - name: web\n      image: nginx\n');
    writeFileSync(join(dir, 'huge.yml'), `# ${'x'.repeat(77)}\n`.repeat(128 * 1024));
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ];
    writeFileSync(join(dir, 'bomb.yml'), `${bomb.join('\n')}\n`);
    writeFileSync(join(dir, 'binary.yml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    const run = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '1'], {
      cwd: dir,
      encoding: 'utf8',
      input:
        'kubectl apply -f mine.yml\nkubectl apply -f .\nkubectl apply -f huge.yml\nkubectl apply -f bomb.yml\nkubectl apply -f binary.yml\nkubectl apply -f missing.yml\nkubectl get pods\n',
    });
    assert.match(run.stdout, /^pod\/mine created$/m);
    // -f . reads the folder's manifests in name order, as kubectl does; binary.yml comes first and is refused.
    assert.match(run.stderr, /^error: error parsing binary\.yml: error converting YAML to JSON: yaml: control characters are not allowed\n/);
    assert.equal(readFileSync(join(dir, 'huge.yml')).length, 10 * 1024 * 1024);
    assert.match(run.stderr, /error: the file "huge\.yml" is larger than 1 MiB/);
    assert.match(run.stderr, /^error: error parsing bomb\.yml: error converting YAML to JSON: yaml: document contains excessive aliasing$/m);
    assert.match(run.stderr, /^error: error parsing binary\.yml: error converting YAML to JSON: yaml: /m);
    assert.match(run.stderr, /error: the path "missing\.yml" does not exist/);
    assert.match(run.stdout, /^mine +[01]\/1 /m, 'the shell goes on after each refusal');
    assert.equal(readFileSync(join(dir, 'mine.yml'), 'utf8').includes('name: mine'), true, 'the file is untouched');
  });
});

// 10,000 lines in the soak run (npm run test:soak), 500 in the default one.
const SCRIPT_LINES = SOAK ? 10000 : 500;

describe(`the scripted sandbox under ${SCRIPT_LINES.toLocaleString('en')} random lines`, { skip }, () => {
  it('ls into a pipe lists one name a line, as GNU ls does when its output is not a terminal', () => {
    const folder = tempDir('npl-piped-ls-');
    for (const name of ['web.yml', 'svc.yml', '.hidden.yml']) writeFileSync(join(folder, name), 'kind: Pod\n');
    const run = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '1'], { input: 'ls\n', cwd: folder, encoding: 'utf8' });
    const real = spawnSync('ls', [], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } });
    // The shipped course's manifests are listed too; the folder's own files among them as ls lists them.
    const own = run.stdout.split('\n').filter((name) => ['web.yml', 'svc.yml', '.hidden.yml'].includes(name));
    assert.equal(`${own.join('\n')}\n`, real.stdout);
    assert.ok(
      run.stdout.split('\n').every((line) => !line.includes('  ')),
      run.stdout,
    );
  });

  it('answers every line and never fails inside', () => {
    const lines = randomLines(11, SCRIPT_LINES);
    const run = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '1'], {
      input: `${lines.join('\n')}\n`,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(run.signal, null);
    assert.ok(typeof run.status === 'number' && [0, 1, 2, 6, 7, 28, 127].includes(run.status), `status ${run.status}`);
    assert.doesNotMatch(run.stderr, /internal error|something went wrong|because of a bug|\n {4}at /);
  });
});
