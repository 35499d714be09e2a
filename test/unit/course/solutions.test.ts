// Authors list the forms a learner would type as `solutions:`; lint replays every lesson and
// reports a solution that does not meet its step's goal, at the solution's own file:line:col.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../src/commands/lint.js';
import { loadCourse } from '../../../src/core/course/loader.js';
import { formatProblem } from '../../../src/core/course/model.js';
import { fixture, repoPath } from '../../helpers/fixtures.js';

function runLint(dir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = lint(
    dir,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const lesson = (goal: string, extra = '') =>
  `format: 1\nid: x\ntitle: X\nsummary: S\nsteps:\n  - id: a\n    kind: do\n    title: A\n    text: T\n    goal:\n${goal}${extra}`;

function problems(text: string): string[] {
  const result = loadCourse({ lessons: [{ file: 'x.yml', text }], manifests: new Map() }, { replay: true });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('solutions', () => {
  it('lint fails on a solution that misses its goal, pointing at that solution', () => {
    const { code, err } = runLint(fixture('wrong-solution'));
    assert.equal(code, 1);
    const file = fixture('wrong-solution/01-expose.yml');
    assert.deepEqual(err, [
      `${file}:18:9: solution 2 does not meet the goal of step "expose": not a NodePort service named web, port 80, selecting web`,
      `${file}:30:9: solution 2 does not meet the goal of step "look": not you have run kubectl describe svc web`,
      '2 problems',
    ]);
  });

  it('replays each step from the state the first solution of the earlier steps left', () => {
    // Step "look" can only be met because step "expose" made the Service: its first solution passes.
    const { err } = runLint(fixture('wrong-solution'));
    assert.ok(!err.some((l) => l.includes(':29:9:')), 'describe service/web met its goal');
  });

  it('the shipped lessons lint clean, and every do step lists solutions', () => {
    const { code, out, err } = runLint(repoPath('lessons'));
    assert.deepEqual(err, []);
    assert.equal(code, 0);
    assert.match(out[0]!, /no problems/);
    const loaded = loadCourse({ lessons: [], manifests: new Map() });
    assert.equal(loaded.ok, false);
  });

  it("reads a goal's commands and flags with kubectl's parser, and reports what it cannot read", () => {
    assert.deepEqual(problems(lesson('      - ran: kubectl get pods --prot=1\n      - ran: kubeclt get pods\n')), [
      'x.yml:11:14: kubectl would not understand this command: unknown flag: --prot',
      'x.yml:12:14: "kubeclt" is not a command the sandbox runs (known: kubectl, k, curl, trace, iptables-save, firewall, nodes, sleep, history, help, reset, clear)',
    ]);
    assert.deepEqual(problems(lesson('      - did: { verb: exposee, type: pdo, flags: { x: 1 } }\n')), [
      'x.yml:11:22: "exposee" is not a kubectl command this sandbox knows',
      'x.yml:11:37: "pdo" is not a resource type kubectl knows',
      'x.yml:11:54: flags need a "verb" to be read with',
    ]);
    assert.deepEqual(problems(lesson('      - did: { verb: expose, flags: { typ: NodePort } }\n')), ['x.yml:11:44: unknown flag "typ" for kubectl expose']);
    assert.deepEqual(problems(lesson('      - did: { verb: expose, refused: { by: server } }\n')), ['x.yml:11:45: "by" must be api or kubectl']);
    assert.deepEqual(problems(lesson('      - ran: kubectl get svc\n        refused: yes\n')), [
      'x.yml:12:18: "refused" must be true, or a map with by, reason, field, value or message',
    ]);
    assert.deepEqual(problems(lesson('      - did: { verb: get, type: po }\n', '    solutions:\n      - - kubectl get pods --prot\n')), [
      'x.yml:13:11: kubectl would not understand this command: unknown flag: --prot',
    ]);
    assert.deepEqual(problems(lesson('      - did: { verb: get, type: po }\n', '    solutions:\n      - - kubectl get pods\n      - []\n')), [
      'x.yml:14:9: item 2 must have at least one command line',
    ]);
  });

  it('meets a did goal by any spelling: flags by short or long name, types by any alias', () => {
    const goal = '      - did: { verb: get, type: po, flags: { o: wide }, accepted: true }\n';
    assert.deepEqual(
      problems(lesson(goal, '    solutions:\n      - - k get pods -owide\n      - - kubectl get pod/x --output=wide\n')),
      ['x.yml:14:9: solution 2 does not meet the goal of step "a": not you have run kubectl get pods --output=wide'],
      'pod/x is not found, so it is not a listing',
    );
    assert.deepEqual(problems(lesson(goal, '    solutions:\n      - - kubectl get pods --output=wide\n      - - kubectl get po -o wide\n')), []);
  });
});
