// The course on a real cluster shows, under a goal that asks for a curl, how the step's node port is
// reached from this machine (what `reach` prints), without the learner typing `reach`; at 80x24,
// 60x20 and 160x45, and never in the lab or on a step with no curl in its goal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { initialNav, navigate, type NavState } from '../../../src/core/course/navigation.js';
import { realWorld, realWorldReducer } from '../../../src/core/course/real-world.js';
import { reachHere, type ReachFacts } from '../../../src/core/real-cluster/reach-here.js';
import { newShell, runLine } from '../../../src/core/shell/shell.js';
import { courseFiles } from '../../../src/core/course/replay.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { lineText } from '../../../src/text/line.js';
import { lessonFrame } from '../../../src/ui/screens/lesson.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;
const files = courseFiles(course);

/** A cluster as read through the API, with the lesson's pod exposed under `names`. */
function clusterWith(names: readonly string[]) {
  let shell = newShell(4);
  for (const line of [
    'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0',
    ...names.map((n) => `kubectl expose pod my-first-pod --type=NodePort --port=80 --name=${n}`),
  ])
    shell = runLine(shell, line, files, 1000).state;
  return shell.cluster;
}

const kindLinux: ReachFacts = {
  flavour: 'kind',
  platform: 'linux',
  server: 'https://127.0.0.1:40000',
  context: 'kind-kind',
  nodes: [{ name: 'kind-control-plane', labels: {}, internalIP: '172.18.0.2', controlPlane: true }],
};
const kindMac: ReachFacts = { ...kindLinux, platform: 'darwin' };
const lab: ReachFacts = { ...kindLinux, flavour: 'nodeport-lab', context: 'nodeport-lab' };

describe('reachHere: one command per node port, as reach gives it', () => {
  it('names the URL that answers here, per flavour and system', () => {
    const cluster = clusterWith(['my-first-service']);
    const port = cluster.services.find((s) => s.metadata.name === 'my-first-service')!.spec.ports[0]!.nodePort!;
    assert.deepEqual(reachHere(kindLinux, cluster), [{ service: 'my-first-service', nodePort: port, says: `curl http://172.18.0.2:${port}` }]);
    assert.equal(reachHere(lab, cluster)[0]!.says, `curl http://127.0.0.1:${port}`);
    assert.match(
      reachHere(kindMac, cluster)[0]!.says,
      /^run kubectl port-forward -n default service\/my-first-service 8080:80 in another terminal, then curl http:\/\/127\.0\.0\.1:8080$/,
    );
  });

  it('keeps to the Services asked for, and to those with a node port', () => {
    const cluster = clusterWith(['one', 'two']);
    assert.deepEqual(
      reachHere(kindLinux, cluster, ['two']).map((r) => r.service),
      ['two'],
    );
    assert.deepEqual(
      reachHere(kindLinux, cluster).map((r) => r.service),
      ['one', 'two'],
      'the kubernetes Service has no node port',
    );
  });
});

describe('the reach line under a curl goal, on a real cluster', () => {
  const at = (real: NavState['real'], step: string, names: readonly string[] = ['my-first-service']): NavState => {
    const start = initialNav(course, emptyProgress, null, { seed: 3, files: new Map() });
    const opened = navigate({ ...start, ...(real ? { real } : {}) }, { type: 'open-place', place: { lesson: 'expose-imperatively', step } });
    if (!real) return opened;
    const ready = realWorldReducer(opened, { type: 'real-opening', lesson: 'expose-imperatively', says: 'making' });
    return realWorldReducer(ready, { type: 'real-ready', lesson: 'expose-imperatively', cluster: clusterWith(names) });
  };
  const frame = (state: NavState, columns: number, rows: number) => lessonFrame(state, { columns, rows }, { color: false, plain: true }).lines.map(lineText);

  for (const [columns, rows] of [
    [80, 24],
    [60, 20],
    [160, 45],
  ] as const) {
    it(`stays in view at ${columns}x${rows}, under the goal`, () => {
      const lines = frame(at(realWorld('kind-kind', 'kind', kindLinux), 'open-the-page'), columns, rows);
      assert.ok(lines.length <= rows);
      const text = lines.join('\n');
      assert.match(text, /From here: curl http:\/\/172\.18\.0\.2:3\d{4} \(my-first-service\)/);
      const goal = lines.findIndex((l) => /^Goal/.test(l));
      const from = lines.findIndex((l) => l.startsWith('From here'));
      assert.ok(goal >= 0 && from > goal, text);
      for (const l of lines) assert.ok(l.length <= columns, l);
      if (process.env.SHOW) console.log(text);
    });
  }

  it('not in the lab, not before the step has a Service to reach, not on a step without curl', () => {
    assert.doesNotMatch(frame(at(undefined, 'open-the-page'), 80, 24).join('\n'), /^From here: .*\([a-z0-9-]+\)$/m);
    assert.doesNotMatch(frame(at(realWorld('kind-kind', 'kind', kindLinux), 'open-the-page', []), 80, 24).join('\n'), /^From here: .*\([a-z0-9-]+\)$/m);
    assert.doesNotMatch(frame(at(realWorld('kind-kind', 'kind', kindLinux), 'expose-the-pod'), 80, 24).join('\n'), /^From here: .*\([a-z0-9-]+\)$/m);
  });
});

describe('the curl steps on a real cluster say one thing about where to send the request', () => {
  it('the note points at the From here line, which gives the URL; it does not send the learner to type reach for it', () => {
    for (const [lessonId, step] of [
      ['expose-imperatively', 'open-the-page'],
      ['expose-declaratively', 'open-the-page'],
    ] as const) {
      const lesson = course.lessons.find((l) => l.id === lessonId);
      const found = lesson?.steps.find((s) => s.id === step);
      assert.ok(found?.kind === 'do', `${lessonId}/${step}`);
      const notes = (found.notes ?? []).filter((n) => n.world === 'cluster' && !n.flavours).map((n) => n.text);
      assert.ok(notes.length > 0);
      const said = notes.join('\n');
      assert.match(said, /`From here:` line under the goal/);
      assert.doesNotMatch(said, /`reach`[^.]*\b(shows|gives)[^.]*URL/);
    }
  });
});
