// Per-world notes: a step's text for the lab only, or for a real cluster (of some flavours). The
// loader reads them, lint places a bad one at its file:line:col, and the learner sees the notes of
// their world after the step's text: in the lab, on a real kind cluster, on minikube.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { loadCourse } from '../../../src/core/course/loader.js';
import { formatProblem, type Step } from '../../../src/core/course/model.js';
import { initialNav, navigate, type NavState } from '../../../src/core/course/navigation.js';
import { realWorld } from '../../../src/core/course/real-world.js';
import { LAB, notesFor, type World } from '../../../src/core/course/world-notes.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { lineText } from '../../../src/text/line.js';
import { renderStep } from '../../../src/text/step.js';
import { lessonFrame } from '../../../src/ui/screens/lesson.js';
import { repoPath } from '../../helpers/fixtures.js';

const lessonWith = (notes: string) =>
  `format: 1\nid: x\ntitle: X\nsummary: S\nsteps:\n  - id: a\n    kind: read\n    title: A\n    text: Both worlds.\n    notes:\n${notes}`;

function load(notes: string) {
  return loadCourse({ lessons: [{ file: 'x.yml', text: lessonWith(notes) }], manifests: new Map() });
}

function stepOf(notes: string): Step {
  const result = load(notes);
  assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
  return result.course.lessons[0]!.steps[0]!;
}

const NOTES = [
  '      - world: lab',
  '        text: Only in the lab.',
  '      - world: cluster',
  '        text: On every real cluster.',
  '      - world: cluster',
  '        flavour: kind',
  "        text: On kind, node ports are reached through the node container's IP.",
  '      - world: cluster',
  '        flavour: [minikube, k3d]',
  '        text: On minikube or k3d.',
  '',
].join('\n');

const shown = (step: Step, world: World) =>
  renderStep(step, { columns: 100, plain: true, world })
    .lines.map(lineText)
    .filter((l) => l !== '');

describe('per-world notes in lessons', () => {
  it('the loader reads world, text and flavour (one name or a list)', () => {
    const step = stepOf(NOTES);
    assert.deepEqual(step.notes, [
      { world: 'lab', text: 'Only in the lab.' },
      { world: 'cluster', text: 'On every real cluster.' },
      { world: 'cluster', flavours: ['kind'], text: "On kind, node ports are reached through the node container's IP." },
      { world: 'cluster', flavours: ['minikube', 'k3d'], text: 'On minikube or k3d.' },
    ]);
  });

  it('the learner sees the notes of their world after the step’s text, and no other', () => {
    const step = stepOf(NOTES);
    assert.deepEqual(shown(step, LAB), ['Both worlds.', 'Only in the lab.']);
    assert.deepEqual(shown(step, { kind: 'cluster', flavour: 'kind' }), [
      'Both worlds.',
      'On every real cluster.',
      "On kind, node ports are reached through the node container's IP.",
    ]);
    assert.deepEqual(shown(step, { kind: 'cluster', flavour: 'minikube' }), ['Both worlds.', 'On every real cluster.', 'On minikube or k3d.']);
    assert.deepEqual(shown(step, { kind: 'cluster', flavour: 'remote' }), ['Both worlds.', 'On every real cluster.']);
    assert.deepEqual(
      notesFor(step.notes, { kind: 'cluster', flavour: 'k3d' }).map((n) => n.text),
      ['On every real cluster.', 'On minikube or k3d.'],
    );
  });

  for (const [name, notes, expected] of [
    ['an unknown world', '      - world: cloud\n        text: T\n', /^x\.yml:11:16: .*must be one of: lab, cluster/],
    ['an unknown flavour', '      - world: cluster\n        flavour: eks\n        text: T\n', /^x\.yml:12:18: .*flavour/],
    ['an unknown flavour in a list', '      - world: cluster\n        flavour: [kind, gke]\n        text: T\n', /^x\.yml:12:\d+: .*flavour/],
    [
      'a flavour on a lab note',
      '      - world: lab\n        flavour: kind\n        text: T\n',
      /^x\.yml:12:18: a flavour is for world: cluster; the lab has none$/,
    ],
    ['a note without text', '      - world: lab\n', /^x\.yml:11:\d+: missing field "text"$/],
    ['an unknown field', '      - world: lab\n        txet: T\n        text: T\n', /^x\.yml:12:\d+: unknown field "txet"/],
    ['an unknown template', '      - world: cluster\n        text: "{{pod.web.colour}}"\n', /^x\.yml:12:15: .*\{\{pod\.web\.colour\}\}/],
  ] as const) {
    it(`lint places ${name} at its file:line:col`, () => {
      const result = load(notes);
      assert.equal(result.ok, false, `${name} is a problem`);
      if (result.ok) return;
      const said = result.problems.map(formatProblem);
      assert.ok(
        said.some((p) => expected.test(p)),
        said.join('\n'),
      );
    });
  }

  it('the shipped lessons use notes where the worlds differ, and the frame shows the learner’s world', () => {
    const loaded = loadLessonDir(repoPath('lessons'));
    assert.ok(loaded.ok);
    const course = loaded.course;
    const at = (real: NavState['real']): NavState => {
      const start = initialNav(course, emptyProgress, null, { seed: 3, files: new Map() });
      return navigate({ ...start, ...(real ? { real } : {}) }, { type: 'open-place', place: { lesson: 'expose-imperatively', step: 'open-the-page' } });
    };
    const frame = (state: NavState) => lessonFrame(state, { columns: 100, rows: 60 }, { color: false, plain: true }).lines.map(lineText).join('\n');
    const lab = frame(at(undefined));
    const kind = frame(at(realWorld('kind-nodeport-lab', 'kind')));
    const desktop = frame(at(realWorld('docker-desktop', 'docker-desktop')));
    assert.match(lab, /Any worker will do/);
    assert.doesNotMatch(lab, /From here:? line under\s+the goal/);
    assert.match(kind, /From here:? line under\s+the goal/);
    assert.match(kind, /On kind, node ports are reached through the node container's IP/);
    assert.doesNotMatch(kind, /forwarded to localhost/);
    assert.match(desktop, /node ports are forwarded to localhost/);
    assert.doesNotMatch(desktop, /On kind/);
  });
});
