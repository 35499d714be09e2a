// NAME in a goal's `ran:` line stands for any name (kubectl's usage lines write it so; an object's
// name is lower case, so no object is called NAME). The line stays as written for the checklist.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGoal, type Attempt, type Condition } from '../../../src/core/course/goals.js';
import { readCondition, type GoalProblem } from '../../../src/core/course/read-goal.js';
import { newShell } from '../../../src/core/shell/shell.js';
import { answerOf } from '../../../src/core/kubectl/answer.js';

const read = (input: Parameters<typeof readCondition>[0]): Condition => {
  const problems: GoalProblem[] = [];
  const condition = readCondition(input, problems);
  assert.deepEqual(problems, []);
  return condition;
};
const ran = (line: string): Attempt => ({ line, answer: answerOf(0, '') });
const cluster = newShell(1).cluster;

describe('NAME in a ran line', () => {
  it('is met by any name of that type, and by no name for a read', () => {
    const goal = [read({ ran: 'kubectl describe svc NAME' })];
    for (const line of ['kubectl describe svc web', 'kubectl describe service/other', 'kubectl describe svc']) {
      assert.equal(checkGoal(goal, cluster, [ran(line)])[0]!.met, true, line);
    }
    assert.equal(checkGoal(goal, cluster, [ran('kubectl describe pod web')])[0]!.met, false, 'another type');
  });

  it('keeps the other names: all must be named', () => {
    const goal = [read({ ran: 'kubectl get pods my-first-pod NAME' })];
    assert.equal(checkGoal(goal, cluster, [ran('kubectl get pods my-first-pod x')])[0]!.met, true);
    assert.equal(checkGoal(goal, cluster, [ran('kubectl get pods x')])[0]!.met, false);
  });

  it('a name written in lower case is still that name only', () => {
    const goal = [read({ ran: 'kubectl describe svc name' })];
    assert.equal(checkGoal(goal, cluster, [ran('kubectl describe svc web')])[0]!.met, false);
  });

  it('the checklist says the line as written', () => {
    const goal = [read({ ran: 'kubectl describe svc NAME' })];
    assert.equal(checkGoal(goal, cluster, [])[0]!.says, 'you have run kubectl describe svc NAME');
  });

  it('works inside anyOf', () => {
    const goal = [read({ anyOf: [{ ran: 'kubectl describe svc NAME' }, { ran: 'kubectl get endpoints NAME' }], says: 'seen endpoints' })];
    assert.equal(checkGoal(goal, cluster, [ran('kubectl get ep web')])[0]!.met, true);
  });
});
