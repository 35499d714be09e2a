// Goals that judge what a step means: the firewall's state for the port the step is about, any one
// of several reads that show the same thing (`anyOf`), and a request through whichever Service has
// the right port. Each on the shipped lessons, from the state a learner arrives in, and in lint.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { describeCondition } from '../../../src/core/course/goals.js';
import { runPractice, type LessonPractice } from '../../../src/core/course/practice.js';
import { stateBefore } from '../../../src/core/course/replay.js';
import { fillTemplates } from '../../../src/core/course/template.js';
import { courseFolder, doStep, takeStep } from '../../helpers/practice-step.js';
import { tempDir } from '../../helpers/temp.js';

const files = courseFolder;
const find = doStep;
const take = (lessonId: string, stepId: string, lines: readonly string[], seed = 7) => takeStep(lessonId, stepId, lines, seed);

describe('lesson 9, "close the firewall": the goal is the node port closed, not any port', () => {
  it('a wrong port leaves the goal open', () => {
    assert.equal(take('break-it', 'close-the-firewall', ['firewall close 80']).all, false);
    assert.equal(take('break-it', 'close-the-firewall', ['firewall close {{service.my-first-node-port-typo.nodePort}}']).all, false);
  });

  it("my-first-service's node port, alone, in a range or with every port, meets it", () => {
    assert.equal(take('break-it', 'close-the-firewall', ['firewall close {{service.my-first-service.nodePort}}']).all, true);
    assert.equal(take('break-it', 'close-the-firewall', ['firewall close 30000-32767']).all, true);
    assert.equal(take('break-it', 'close-the-firewall', ['firewall close all']).all, true);
  });

  it('closed and opened again is not closed', () => {
    const r = take('break-it', 'close-the-firewall', ['firewall close {{service.my-first-service.nodePort}}', 'firewall open all']);
    assert.equal(r.all, false);
  });

  it('the checklist names the port of this cluster', () => {
    const r = take('break-it', 'close-the-firewall', []);
    const nodePort = r.cluster.services.find((s) => s.metadata.name === 'my-first-service')?.spec.ports[0]?.nodePort;
    assert.ok(nodePort);
    assert.match(r.says[0] ?? '', new RegExp(`keeps out port ${nodePort}\\b`));
  });

  it('opening the wrong port does not meet "the port is open again"', () => {
    const { lesson } = find('break-it', 'open-the-firewall');
    assert.ok(lesson);
    const wrong = take('break-it', 'open-the-firewall', [
      'curl -m 5 http://{{pod.my-first-pod.nodeIP}}:{{service.my-first-service.nodePort}}',
      'firewall open 80',
    ]);
    assert.deepEqual(wrong.met, [true, false, false]);
    const right = take('break-it', 'open-the-firewall', [
      'curl -m 5 http://{{pod.my-first-pod.nodeIP}}:{{service.my-first-service.nodePort}}',
      'firewall open {{service.my-first-service.nodePort}}',
      'curl http://{{nodeIP}}:{{service.my-first-service.nodePort}}',
    ]);
    assert.equal(right.all, true);
  });
});

describe('lesson 3, "meet the nodes": any read that shows the nodes\' addresses', () => {
  for (const line of [
    'kubectl describe nodes',
    'kubectl describe node worker-1',
    'k describe no/control-plane',
    'kubectl get nodes -o wide',
    'nodes',
    'kubectl get no -oyaml',
  ])
    it(`met by ${line}`, () => assert.equal(take('create-the-pod', 'find-the-nodes', [line]).all, true));

  it('not by a plain get nodes (no addresses), nor by a read of pods', () => {
    assert.equal(take('create-the-pod', 'find-the-nodes', ['kubectl get nodes']).all, false);
    assert.equal(take('create-the-pod', 'find-the-nodes', ['kubectl describe pods']).all, false);
  });
});

describe('lesson 9, "look before you guess": the endpoints seen by get endpoints or describe svc', () => {
  it('describe svc shows the Endpoints line too', () => {
    assert.equal(take('break-it', 'look-around', ['kubectl get svc', 'kubectl describe svc']).all, true);
    assert.deepEqual(take('break-it', 'look-around', ['kubectl get svc', 'kubectl get pods']).met, [true, false]);
  });
});

describe('lesson 4, "the fix: --target-port": a Service on port 81 that answers, whatever its name', () => {
  it('my-first-service2 mended by a patch meets it', () => {
    const patch = `kubectl patch svc my-first-service2 -p '{"spec":{"ports":[{"port":81,"targetPort":80}]}}'`;
    assert.equal(take('expose-imperatively', 'fix-with-target-port', [patch, 'curl http://{{nodeIP}}:{{service.my-first-service2.nodePort}}']).all, true);
  });

  it('a new my-first-service3 meets it', () => {
    const expose = 'kubectl expose pod my-first-pod --type=NodePort --port=81 --target-port=80 --name=my-first-service3';
    assert.equal(take('expose-imperatively', 'fix-with-target-port', [expose, 'curl http://{{nodeIP}}:{{service.my-first-service3.nodePort}}']).all, true);
  });

  it('my-first-service on port 80 answers, but is not the fix', () => {
    assert.deepEqual(take('expose-imperatively', 'fix-with-target-port', ['curl http://{{nodeIP}}:{{service.my-first-service.nodePort}}']).met, [false, false]);
  });
});

describe('anyOf, firewall and request port in words', () => {
  it('says each alternative, and a firewall port before and after its object exists', () => {
    assert.equal(
      describeCondition({ anyOf: [{ ran: 'kubectl get nodes -o wide' }, { ran: 'kubectl describe nodes' }] }),
      'you have run kubectl get nodes -o wide, or you have run kubectl describe nodes',
    );
    assert.equal(describeCondition({ firewall: { port: 31000, open: false } }), 'the firewall keeps out port 31000');
    assert.equal(describeCondition({ request: { port: 81, outcome: 'answered' } }), 'you have reached the app through a service on port 81 with curl');
  });
});

describe('lint reads anyOf and firewall conditions', () => {
  function problemsOf(goal: string): string[] {
    const dir = tempDir('npl-goal-');
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(
      join(dir, '01-one.yml'),
      `format: 1\nid: one\ntitle: One\nsummary: One.\nsteps:\n  - id: s\n    kind: do\n    title: S\n    text: Do it.\n    goal:\n${goal}`,
    );
    const result = loadLessonDir(dir);
    return result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
  }

  it('accepts well-formed ones', () => {
    assert.deepEqual(problemsOf('      - anyOf:\n          - ran: kubectl get nodes -o wide\n          - ran: kubectl describe nodes\n'), []);
    assert.deepEqual(problemsOf('      - firewall: { port: "{{service.web.nodePort}}", open: false }\n'), []);
  });

  it('reports a kubectl line it cannot read inside anyOf, at its place', () => {
    const problems = problemsOf('      - anyOf:\n          - ran: kubectl get nodes\n          - ran: kubectl frobnicate nodes\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^13:18: kubectl would not understand/);
  });

  it('refuses an anyOf of one, an anyOf inside an anyOf, and a firewall port that is not a port', () => {
    assert.match(problemsOf('      - anyOf:\n          - ran: kubectl get nodes\n').join('\n'), /at least two conditions/);
    assert.notDeepEqual(
      problemsOf('      - anyOf:\n          - ran: kubectl get nodes\n          - anyOf: [{ ran: kubectl get pods }, { ran: kubectl get svc }]\n'),
      [],
    );
    assert.match(problemsOf('      - firewall: { port: "{{service.web.nodeport}}", open: false }\n').join('\n'), /unknown template/);
    assert.match(problemsOf('      - firewall: { port: "the node port", open: false }\n').join('\n'), /must be a port/);
    assert.match(problemsOf('      - ran: curl x\n        says: "port {{svc.web.port}}"\n').join('\n'), /unknown template/);
  });
});

describe('a request through a Service on another port says so', () => {
  it('names the port it went through and the one the goal asks for', () => {
    const { lesson, step } = find('expose-imperatively', 'fix-with-target-port');
    let practice: LessonPractice = { shell: stateBefore(lesson, step.id, 7, files), left: {}, entries: {}, seen: {}, nearMiss: {}, hints: {} };
    const line = fillTemplates('curl http://{{nodeIP}}:{{service.my-first-service.nodePort}}', practice.shell.cluster);
    practice = runPractice(practice, step.id, line, files, 10_000, step.hints.length, step);
    assert.equal(practice.nearMiss?.[step.id], 'that request went through my-first-service, on port 80; the goal is a service on port 81');
  });
});

describe('a firewall command on another port says which port the goal is about', () => {
  it('names the port closed and the node port the step means', () => {
    const { lesson, step } = find('break-it', 'close-the-firewall');
    let practice: LessonPractice = { shell: stateBefore(lesson, step.id, 7, files), left: {}, entries: {}, seen: {}, nearMiss: {}, hints: {} };
    const nodePort = practice.shell.cluster.services.find((s) => s.metadata.name === 'my-first-service')?.spec.ports[0]?.nodePort;
    practice = runPractice(practice, step.id, 'firewall close 80', files, 10_000, step.hints.length, step);
    assert.equal(practice.nearMiss?.[step.id], `that closed 80; the goal is port ${nodePort} closed`);
  });
});
