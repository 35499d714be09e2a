// Lessons 6 to 11 on a learner's own cluster: a step that quotes the lab's node addresses
// (203.0.113.x, 192.168.49.x) says, in a note for a real cluster, where the learner's own address
// comes from; the lab shows none of those notes, and each flavour gets the line that is true for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import type { Step } from '../../../src/core/course/model.js';
import { LAB, notesFor, type World } from '../../../src/core/course/world-notes.js';
import type { Flavour } from '../../../src/core/real-cluster/flavour.js';
import { lineText } from '../../../src/text/line.js';
import { renderStep } from '../../../src/text/step.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;
const LAB_ADDRESS = /203\.0\.113\.\d+|192\.168\.49\.\d+/;
const on = (flavour: Flavour): World => ({ kind: 'cluster', flavour });

function step(lesson: string, id: string): Step {
  const found = course.lessons.find((l) => l.id === lesson)?.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${lesson}/${id}`);
  return found;
}

const shown = (s: Step, world: World): string => renderStep(s, { columns: 80, plain: true, world }).lines.map(lineText).join('\n').replace(/\s+/g, ' ');

describe("lessons 6-11 quote the lab's addresses only with a note for a real cluster", () => {
  const later = course.lessons.slice(5);

  it('every step of lessons 6-11 that quotes a lab address has a note for every real cluster', () => {
    const quoting = later.flatMap((l) => l.steps.filter((s) => LAB_ADDRESS.test(s.text)).map((s) => ({ lesson: l.id, step: s })));
    assert.ok(quoting.length >= 2, 'lessons 7 and 8 quote 203.0.113.11');
    for (const { lesson, step: s } of quoting) {
      assert.ok(notesFor(s.notes, on('remote')).length > 0, `${lesson}/${s.id} has no note for a real cluster`);
      // A note may name the example address, but never sends the learner to it.
      assert.doesNotMatch(
        notesFor(s.notes, on('remote'))
          .map((n) => n.text)
          .join(' '),
        /https?:\/\/(203\.0\.113|192\.168\.49)\./,
      );
    }
  });

  it("lesson 7's node port: the lab names worker-1, a real cluster is sent to its own nodes and to reach", () => {
    const s = step('three-ports', 'node-port');
    assert.match(shown(s, LAB), /203\.0\.113\.11 is the external IP of worker-1/);
    assert.doesNotMatch(shown(s, LAB), /kubectl get nodes -o wide/);
    const remote = shown(s, on('remote'));
    assert.match(remote, /kubectl get nodes -o wide/);
    assert.match(remote, /reach/);
    assert.doesNotMatch(remote, /external IP of worker-1/);
    assert.match(shown(s, on('docker-desktop')), /http:\/\/localhost:/);
    assert.doesNotMatch(shown(s, on('remote')), /localhost/);
    assert.match(shown(s, on('kind')), /INTERNAL-IP/);
    assert.match(shown(s, on('nodeport-lab')), /127\.0\.0\.1/);
  });

  it("lesson 8: the hops' addresses are the course's example on a real cluster, and a single node is the only one to choose", () => {
    assert.match(shown(step('request-path', 'hop-by-hop'), on('minikube')), /course's example/);
    assert.doesNotMatch(shown(step('request-path', 'hop-by-hop'), LAB), /course's example/);
    assert.match(shown(step('request-path', 'any-node'), on('kind')), /single node/);
    assert.match(shown(step('request-path', 'follow-your-request'), on('kind')), /INTERNAL-IP stands in/);
    assert.doesNotMatch(shown(step('request-path', 'follow-your-request'), on('remote')), /INTERNAL-IP stands in/);
  });

  it("lesson 9's firewall steps say, on a real cluster, that firewall is the lab's own and how to pass them", () => {
    for (const id of ['close-the-firewall', 'open-the-firewall']) {
      const s = step('break-it', id);
      assert.match(shown(s, on('kind')), /firewall.*(not run|no `?firewall`? command)/);
      assert.match(shown(s, on('remote')), /Esc and →/);
      assert.doesNotMatch(shown(s, LAB), /Esc and →/);
    }
  });
});
