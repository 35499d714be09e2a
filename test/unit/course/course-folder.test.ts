// The practice prompt's folder holds the manifests the lessons show: `kubectl apply -f .` (or
// `-f ./`, `-R`) applies every one of them in file-name order, as kubectl's builder walks a folder
// (the real kubectl 1.32, offline, names them so: `unable to recognize "local-policy-service.yml"`,
// then pod-definition.yml, pod-nodeport-service.yml, typo-service.yml). At a lesson's prompt the
// folder lists the manifests the course has shown up to that lesson.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { courseFolder } from '../../../src/core/course/course-folder.js';
import { checkGoal } from '../../../src/core/course/goals.js';
import { attemptsIn, runPractice, type LessonPractice } from '../../../src/core/course/practice.js';
import { courseFiles, stateBefore } from '../../../src/core/course/replay.js';
import { newShell, runLine } from '../../../src/core/shell/shell.js';
import { courseManifests } from '../../../src/commands/sandbox-files.js';
import { repoPath } from '../../helpers/fixtures.js';
import { currentPractice, initialNav, navigate } from '../../../src/core/course/navigation.js';
import { emptyProgress } from '../../../src/core/progress/model.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;
const folder = courseFolder(courseManifests(course));

function run(lines: readonly string[]) {
  let shell = newShell(3);
  const outputs: string[] = [];
  for (const line of lines) {
    const r = runLine(shell, line, folder, 1000);
    shell = r.state;
    outputs.push(r.output.map((c) => c.text).join(''));
  }
  return { shell, outputs };
}

const EVERY = ['service/local-policy-service created', 'pod/myapp-pod created', 'service/myapp-pod-nodeport-service created', 'service/typo-service created'];

describe('the course folder', () => {
  for (const line of ['kubectl apply -f .', 'kubectl apply -f ./', 'kubectl apply -R -f .', 'kubectl apply --recursive -f ./', 'k apply -f ././']) {
    it(`${line} applies every manifest, in file-name order`, () => {
      assert.deepEqual(run([line]).outputs[0]?.trim().split('\n'), EVERY);
    });
  }

  it('create -f . and delete -f . take the folder too', () => {
    const { outputs } = run(['kubectl create -f .', 'kubectl delete -f .']);
    assert.deepEqual(outputs[0]?.trim().split('\n'), EVERY);
    assert.match(outputs[1] ?? '', /^service "local-policy-service" deleted\npod "myapp-pod" deleted\n/);
  });

  it('a folder that is not there, or a file in it that is not, is refused as before', () => {
    const { outputs } = run(['kubectl apply -f nope/', 'kubectl apply -f ./nope.yml']);
    assert.equal(outputs[0], 'error: the path "nope/" does not exist\n');
    assert.equal(outputs[1], 'error: the path "./nope.yml" does not exist\n');
  });

  it('one file by name, with or without ./', () => {
    assert.deepEqual(run(['kubectl apply -f ./pod-definition.yml']).outputs, ['pod/myapp-pod created\n']);
  });

  it("meets lesson 5's goal at the practice prompt, as applying both files does", () => {
    const lesson = course.lessons.find((l) => l.id === 'expose-declaratively')!;
    const step = lesson.steps.find((s) => s.id === 'apply-the-service');
    assert.ok(step?.kind === 'do');
    const files = courseFiles(course);
    let practice: LessonPractice = { shell: stateBefore(lesson, step.id, 7, files), left: {}, entries: {}, seen: {}, nearMiss: {}, hints: {} };
    for (const line of ['kubectl apply -f .', 'sleep 6', 'kubectl get pods'])
      practice = runPractice(practice, step.id, line, files, 1000, step.hints.length, step);
    assert.ok(checkGoal(step.goal, practice.shell.cluster, attemptsIn(practice, step.id)).every((p) => p.met));
  });
});

describe("the folder at a lesson's prompt", () => {
  function typed(lesson: string, step: string, line: string): string {
    let state = navigate(initialNav(course, emptyProgress, null, { seed: 3, files: courseManifests(course) }), { type: 'open-place', place: { lesson, step } });
    state = navigate(state, { type: 'prompt-edit', action: { type: 'replace', text: line } });
    state = navigate(state, { type: 'prompt-submit', elapsedMs: 1000 });
    const entries = currentPractice(state)?.entries[step] ?? [];
    return entries[entries.length - 1]?.output ?? '';
  }

  it('holds the manifests shown so far: in lesson 3 the pod only, in lesson 5 the pod and its Service', () => {
    assert.equal(typed('create-the-pod', 'apply-the-pod', 'kubectl apply -f .'), 'pod/myapp-pod created\n');
    assert.equal(
      typed('expose-declaratively', 'apply-the-service', 'kubectl apply -f .'),
      'pod/myapp-pod created\nservice/myapp-pod-nodeport-service created\n',
    );
  });

  it('still reads any of the course manifests by name', () => {
    assert.equal(typed('create-the-pod', 'apply-the-pod', 'kubectl apply -f typo-service.yml'), 'service/typo-service created\n');
  });
});
