// `help` says what the prompt can read, and it is true: in a lesson only the course's manifests,
// in the sandbox also the folder it was started from (a real folder on disk here).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { KUBECTL } from '../../helpers/real-kubectl.js';
import { sandboxFiles } from '../../../src/commands/sandbox-files.js';
import { initialNav, navigate, currentPractice } from '../../../src/core/course/navigation.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { newShell, runLine } from '../../../src/core/shell/shell.js';
import { fixtureCourse } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  type: NodePort\n  selector: { app: x }\n  ports:\n    - port: 80\n';

describe('help tells the truth about files', () => {
  it('in the sandbox: the folder can be read, and it can', () => {
    const folder = tempDir('npl-help-');
    writeFileSync(join(folder, 'mine.yml'), SERVICE);
    const io = sandboxFiles(new Map(), folder);
    const shell = newShell(1);
    assert.match(runLine(shell, 'help', io, 0).stdout, /files in the folder you started the sandbox from\s+can be read/);
    assert.equal(runLine(shell, 'kubectl apply -f mine.yml', io, 0).stdout, 'service/mine created\n');
  });

  it('in a lesson: only the manifests can be read, and a file beside them cannot', () => {
    const course = fixtureCourse();
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 1, files: new Map([['svc.yml', SERVICE]]) }), { type: 'open-lesson', lesson: 0 });
    const doStep = course.lessons.flatMap((l, li) => l.steps.map((s, si) => ({ s, li, si }))).find((x) => x.s.kind === 'do');
    assert.ok(doStep, 'the fixture course has a practice step');
    state = navigate(state, { type: 'open-place', place: { lesson: course.lessons[doStep.li]!.id, step: doStep.s.id } });
    const typeLine = (text: string) => {
      for (const ch of text) state = navigate(state, { type: 'prompt-edit', action: { type: 'insert', text: ch } });
      state = navigate(state, { type: 'prompt-submit', elapsedMs: 0 });
      const entries = currentPractice(state)!.entries[doStep.s.id]!;
      return entries[entries.length - 1]!.output;
    };
    const help = typeLine('help');
    assert.doesNotMatch(help, /folder you started/);
    assert.match(help, /Nothing else on your computer is read here/);
    assert.match(typeLine('kubectl apply -f package.json'), /does not exist|no such file|not found/i);
    assert.match(typeLine('kubectl apply -f svc.yml'), /service\/mine created/);
  });
});

describe('help tells the truth about kubectl', () => {
  it('every verb it lists is one the sandbox runs (kubectl VERB --help answers with its usage)', () => {
    const shell = newShell(1);
    const io = sandboxFiles(new Map(), tempDir('npl-help-'));
    const text = runLine(shell, 'help', io, 0).stdout;
    const listed = /the real verbs:([\s\S]*?)\(k works too\)/.exec(text)?.[1] ?? '';
    const verbs = listed
      .split(',')
      .map((v) => v.replace(/\s+/g, ' ').trim().replace(/ -f$/, ''))
      .filter(Boolean);
    assert.ok(verbs.length >= 20, listed);
    for (const verb of verbs) {
      const result = runLine(shell, `kubectl ${verb} --help`, io, 0);
      assert.equal(result.exitCode, 0, `kubectl ${verb} --help: ${result.stderr}`);
      assert.doesNotMatch(result.stdout + result.stderr, /unknown command/, verb);
    }
  });
});

describe(
  'kubectl set image, set selector and port-forward --help, as the real kubectl 1.32 prints them',
  { skip: KUBECTL ? false : 'no kubectl on PATH' },
  () => {
    for (const line of ['set image --help', 'set selector --help', 'port-forward --help', 'port-forward pod/x 8080:80 -h']) {
      it(`kubectl ${line}`, () => {
        const real = execFileSync(KUBECTL ?? 'kubectl', line.split(' '), { encoding: 'utf8' });
        const sandbox = runLine(newShell(1), `kubectl ${line}`, sandboxFiles(new Map(), tmpdir()), 0);
        assert.equal(sandbox.stdout, real);
        assert.equal(sandbox.exitCode, 0);
      });
    }
  },
);
