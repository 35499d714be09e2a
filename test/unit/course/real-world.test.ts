// The course on a real cluster, as state: the practice prompt waits while the lesson's namespace is
// made, a submitted line becomes one run for the UI to do (and no second one while it runs),
// Ctrl-C asks for the child to stop, and the run's output and the cluster read after it are
// recorded as a simulated command is, so the same goal ticks. The frame at 80x24 says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attemptsIn, startPractice } from '../../../src/core/course/practice.js';
import { currentPractice, goalMet, initialNav, navigate, type NavAction, type NavState } from '../../../src/core/course/navigation.js';
import { realWorld } from '../../../src/core/course/real-world.js';
import { runLine } from '../../../src/core/shell/shell.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { lessonFrame } from '../../../src/ui/screens/lesson.js';
import { lineText } from '../../../src/text/line.js';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the course does not load');
const course = loaded.course;
const LESSON = 'expose-imperatively';
const EXPOSE = 'kubectl expose pod my-first-pod --type=NodePort --port 80 --name my-first-service';
const files = { readFile: () => ({ error: 'not-found' as const }) };
const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);
const type = (text: string): NavAction => ({ type: 'prompt-edit', action: { type: 'insert', text } });
const enter: NavAction = { type: 'prompt-submit', elapsedMs: 0 };
const screen = (state: NavState) => lessonFrame(state, { columns: 80, rows: 24 }, { color: false, plain: false }).lines.map(lineText).join('\n');

/** Another seed's cluster after the lesson's setup: what the API of "another" cluster shows. */
const lessonIndex = course.lessons.findIndex((l) => l.id === LESSON);
const onTheCluster = startPractice(course.lessons[lessonIndex]!, 77, files).shell;

function atExposeThePod(): NavState {
  const simulated = initialNav(course, emptyProgress, null, { seed: 5, files: new Map() });
  return run({ ...simulated, real: realWorld('kind-kind') }, { type: 'open-place', place: { lesson: LESSON, step: 'expose-the-pod' } });
}

describe('a practice step on a real cluster', () => {
  it('takes no line while the namespace is made and the setup runs, and says so', () => {
    let state = run(atExposeThePod(), {
      type: 'real-opening',
      lesson: LESSON,
      says: 'setting up nodeport-lab-expose-imperatively (1/2): kubectl run my-first-pod',
    });
    assert.match(screen(state), /^\$ setting up nodeport-lab-expose-imperatively \(1\/2\): kubectl run/m);
    state = run(state, type(EXPOSE), enter);
    assert.equal(state.real?.running, null);
    assert.equal(state.real?.sent, 0);
    assert.deepEqual(attemptsIn(currentPractice(state)!, 'expose-the-pod'), []);
  });

  it('runs a line once, waits, and records what the cluster answered: the goal ticks', () => {
    let state = run(
      atExposeThePod(),
      { type: 'real-opening', lesson: LESSON, says: 'making namespace' },
      { type: 'real-ready', lesson: LESSON, cluster: onTheCluster.cluster },
    );
    assert.equal(currentPractice(state)!.shell.cluster, onTheCluster.cluster, "the cluster read from the API is the lesson's");
    assert.equal(goalMet(state), false);
    state = run(state, type(EXPOSE), enter);
    const running = state.real?.running;
    assert.deepEqual(running && { id: running.id, lesson: running.lesson, step: running.step, line: running.line, stopping: running.stopping }, {
      id: 1,
      lesson: LESSON,
      step: 'expose-the-pod',
      line: EXPOSE,
      stopping: false,
    });
    assert.equal(state.prompt.editor.text, '');
    assert.match(screen(state), new RegExp(`^\\$ running on kind-kind \\(ctrl-c stops it\\): ${EXPOSE.slice(0, 30)}.*…$`, 'm'));
    // A second line while one runs is not sent.
    const again = run(state, type('kubectl get svc'), enter);
    assert.equal(again.real?.running?.id, 1);
    assert.equal(again.real?.sent, 1);
    // The UI ran it (here: the simulator standing in for the cluster) and hands back output and cluster.
    const ran = runLine(onTheCluster, EXPOSE, files, 0);
    const stale = run(state, { type: 'real-ran', id: 7, output: 'nothing\n', exitCode: 0, cluster: ran.state.cluster });
    assert.equal(stale, state, 'a run that is not the one waited for changes nothing');
    state = run(state, {
      type: 'real-ran',
      id: 1,
      output: 'service/my-first-service exposed\n',
      exitCode: 0,
      answer: { accepted: true },
      cluster: ran.state.cluster,
    });
    assert.equal(state.real?.running, null);
    const entries = currentPractice(state)!.entries['expose-the-pod'] ?? [];
    assert.deepEqual(
      entries.map((e) => [e.line, e.output]),
      [[EXPOSE, 'service/my-first-service exposed\n']],
    );
    assert.equal(goalMet(state), true);
    assert.match(screen(state), /✓ a NodePort service named my-first-service/);
    assert.match(screen(state), /Goal reached/);
  });

  it('Ctrl-C while a line runs asks for the child to stop, and does not quit', () => {
    let state = run(
      atExposeThePod(),
      { type: 'real-opening', lesson: LESSON, says: '' },
      { type: 'real-ready', lesson: LESSON, cluster: onTheCluster.cluster },
      type('kubectl get pods -w'),
      enter,
    );
    state = run(state, { type: 'prompt-interrupt' });
    assert.equal(state.quit, false);
    assert.equal(state.real?.running?.stopping, true);
    assert.match(screen(state), /^\$ stopping: kubectl get pods -w$/m);
    state = run(state, { type: 'real-ran', id: 1, output: '^C\n', exitCode: 130, cluster: onTheCluster.cluster });
    assert.equal(state.real?.running, null);
    assert.equal(run(state, { type: 'prompt-interrupt' }).quit, true, 'on an empty prompt with nothing running, Ctrl-C quits');
  });

  it("hint stays the course's own; a closed namespace takes no line", () => {
    let state = run(
      atExposeThePod(),
      { type: 'real-opening', lesson: LESSON, says: '' },
      { type: 'real-ready', lesson: LESSON, cluster: onTheCluster.cluster },
    );
    state = run(state, type('hint'), enter);
    assert.equal(state.real?.running, null);
    assert.equal(currentPractice(state)!.hints['expose-the-pod'], 1);
    state = run(state, { type: 'real-closed', lesson: LESSON }, type('kubectl get pods'), enter);
    assert.equal(state.real?.phase, 'idle');
    assert.equal(state.real?.running, null);
    const own = run(state, { type: 'own-kubectl' });
    assert.equal(own.ownKubectl ?? null, null, "no simulated cluster is served to the learner's kubectl");
    assert.match(own.notice ?? '', /reaches this lesson's namespace on kind-kind/);
  });
});
