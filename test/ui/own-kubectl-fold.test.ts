// The own-kubectl panel in a short window: at 60x20 it folds to its line to paste, so every goal
// condition and the footer's "ctrl-o stop" stay in view; at 80x24 it is whole, as before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { currentPractice, initialNav, navigate, type NavAction, type NavState } from '../../src/core/course/navigation.js';
import type { DoStep } from '../../src/core/course/model.js';
import { emptyProgress } from '../../src/core/progress/model.js';
import { describeCondition } from '../../src/core/course/goals.js';
import { lessonFrame } from '../../src/ui/screens/lesson.js';
import { hints } from '../../src/ui/screens/frame.js';
import { lineText } from '../../src/text/line.js';
import { repoPath } from '../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the course does not load');
const course = loaded.course;
const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigate, state);
const KUBECONFIG = '/tmp/npl-own-x1y2z3/kubeconfig';

function servedAt(lesson: string, step: string): NavState {
  const start = run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), { type: 'open-place', place: { lesson, step } });
  return run(start, { type: 'own-kubectl' }, { type: 'own-kubectl-ready', step: `${lesson}/${step}`, url: 'http://127.0.0.1:40000', kubeconfig: KUBECONFIG });
}

const frameOf = (state: NavState, columns: number, rows: number) => lessonFrame(state, { columns, rows }, { color: false, plain: false }).lines.map(lineText);

/** Each goal condition's sentence, as the checklist says it, squeezed to single spaces. */
function conditions(lesson: string, step: string): string[] {
  const found = course.lessons.find((l) => l.id === lesson)?.steps.find((s): s is DoStep => s.id === step && s.kind === 'do');
  assert.ok(found, `${lesson}/${step} is a practice step`);
  return found.goal.map((c) => c.says ?? describeCondition(c));
}

/** The conditions of a frame's pinned goal block, each wrapped one joined back into a sentence. */
function goalConditions(frame: readonly string[]): string[] {
  const at = frame.indexOf('Goal');
  assert.ok(at >= 0, frame.join('\n'));
  const out: string[] = [];
  for (const l of frame.slice(at + 1)) {
    if (/^[○✓] /.test(l)) out.push(l.slice(2));
    else if (l.startsWith('  ') && out.length > 0) out[out.length - 1] += ` ${l.trim()}`;
    else break;
  }
  return out;
}

const PRACTICE = [
  ['create-the-pod', 'run-the-pod'],
  ['expose-imperatively', 'port-81-trap'],
  ['expose-declaratively', 'apply-the-service'],
  ['mistakes', 'missing-port'],
] as const;

describe('the own-kubectl panel in a short window', () => {
  for (const [lesson, step] of PRACTICE) {
    it(`${lesson}/${step} at 60x20: the panel folds; every goal condition and ctrl-o stop stay in view`, () => {
      const frame = frameOf(servedAt(lesson, step), 60, 20);
      assert.ok(frame.length <= 20, `${frame.length} lines`);
      assert.deepEqual(goalConditions(frame), conditions(lesson, step), frame.join('\n'));
      assert.match(frame.at(-1) ?? '', /ctrl-o stop/);
      assert.ok(frame.includes(`export KUBECONFIG=${KUBECONFIG}`), 'the line to paste is whole');
      assert.ok(!frame.some((l) => l.startsWith('Your own kubectl')), 'the panel is folded to its line to paste');
      assert.ok(frame.some((l) => l.startsWith('$ ')) || frame.includes('$'), 'the prompt is in view');
    });

    it(`${lesson}/${step} at 80x24: the panel is whole and the goal with it`, () => {
      const frame = frameOf(servedAt(lesson, step), 80, 24);
      assert.ok(frame.length <= 24);
      assert.deepEqual(goalConditions(frame), conditions(lesson, step), frame.join('\n'));
      assert.ok(frame.includes('Your own kubectl (ctrl-o stops): paste in another terminal'), frame.join('\n'));
      assert.ok(frame.includes(`export KUBECONFIG=${KUBECONFIG}`));
      assert.ok(frame.includes('kubectl get nodes -o wide'));
      assert.match(frame.at(-1) ?? '', /ctrl-o stop/);
    });
  }

  it('at 80x24 the lines above the terminal are those of the step without the panel', () => {
    const served = frameOf(servedAt('create-the-pod', 'run-the-pod'), 80, 24);
    const plain = frameOf(
      run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), {
        type: 'open-place',
        place: { lesson: 'create-the-pod', step: 'run-the-pod' },
      }),
      80,
      24,
    );
    // The header, the title and the goal block do not move; the instructions give up what the panel takes.
    assert.deepEqual(served.slice(0, 3), plain.slice(0, 3));
    const goalAt = (f: string[]) => f.indexOf('Goal');
    const panel = served.length - 1 - served.indexOf('Your own kubectl (ctrl-o stops): paste in another terminal') - 1;
    assert.equal(goalAt(served), goalAt(plain) - panel, 'the goal moves up by the panel, nothing else');
    assert.deepEqual(goalConditions(served), goalConditions(plain));
  });

  it('the footer keeps a kept hint when the window is too narrow for all of them', () => {
    const narrow = lineText(hints('practice', 60, [], { 'ctrl-o kubectl': 'ctrl-o stop' }, ['ctrl-o stop']));
    assert.match(narrow, /ctrl-o stop/);
    const dropped = lineText(hints('practice', 60, [], { 'ctrl-o kubectl': 'ctrl-o stop' }));
    assert.doesNotMatch(dropped, /ctrl-o stop/, 'without keep, the narrow footer drops it');
  });

  it('a practice step that is not served has no panel to fold', () => {
    const state = run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'create-the-pod', step: 'run-the-pod' },
    });
    assert.ok(currentPractice(state));
    const frame = frameOf(state, 60, 20);
    assert.ok(!frame.some((l) => l.startsWith('export KUBECONFIG=')));
    assert.match(frame.at(-1) ?? '', /enter run/);
  });
});

describe('on a real cluster the footer offers no ctrl-o kubectl', () => {
  it('the lab offers it; a real cluster, which the learner’s kubectl reaches already, does not', () => {
    const start = run(initialNav(course, emptyProgress, null, { seed: 5, files: new Map() }), {
      type: 'open-place',
      place: { lesson: 'create-the-pod', step: 'run-the-pod' },
    });
    const footer = (state: NavState) => frameOf(state, 120, 30).at(-1) ?? '';
    assert.match(footer(start), /ctrl-o kubectl/);
    const real: NavState = {
      ...start,
      real: { context: 'kind-kind', lesson: 'create-the-pod', phase: 'ready', says: '', runs: [] } as unknown as NonNullable<NavState['real']>,
    };
    assert.doesNotMatch(footer(real), /ctrl-o/);
  });
});
