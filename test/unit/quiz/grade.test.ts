import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctResponse } from '../../../src/core/quiz/answer-key.js';
import { giveUp, grade } from '../../../src/core/quiz/grade.js';
import type { Question, Response } from '../../../src/core/quiz/model.js';
import { bug, learnerFacts, match, multiple, order, single, typedNumber, typedText } from './samples.js';

const feedback = (q: Question, r: Response) => grade(q, r).feedback.join('\n');

describe('grade: single', () => {
  it('a right pick is right, says why, and ends with the explanation', () => {
    const g = grade(single, { kind: 'single', choice: 1 });
    assert.equal(g.correct, true);
    assert.equal(g.score, 1);
    assert.match(g.feedback[0]!, /WHY-NODEPORT/);
    assert.equal(g.feedback.at(-1), 'EXPLAIN-URL');
  });

  it('a wrong pick is told its own why, then the right answer with its why', () => {
    const g = grade(single, { kind: 'single', choice: 0 });
    assert.equal(g.correct, false);
    assert.equal(g.score, 0);
    assert.match(g.feedback[0]!, /port: 80.*WHY-PORT/);
    assert.match(g.feedback[1]!, /nodePort: 31231.*WHY-NODEPORT/);
    assert.doesNotMatch(g.feedback.join('\n'), /WHY-TARGET/, 'options the learner did not pick stay quiet');
    assert.deepEqual(
      g.parts.map((p) => p.ok),
      [false, false, true],
    );
  });

  it('a choice that is not an option is wrong, not a crash', () => {
    const g = grade(single, { kind: 'single', choice: 7 });
    assert.equal(g.correct, false);
    assert.match(g.feedback[0]!, /no option 8/);
  });

  it('refuses an answer of another kind', () => {
    assert.throws(() => grade(single, { kind: 'typed', text: '31231' }), /cannot answer the single question/);
  });
});

describe('grade: multiple', () => {
  it('needs exactly the right options', () => {
    assert.equal(grade(multiple, { kind: 'multiple', choices: [0, 2] }).correct, true);
    assert.equal(grade(multiple, { kind: 'multiple', choices: [2, 0, 0] }).correct, true, 'order and repeats do not matter');
    assert.equal(grade(multiple, { kind: 'multiple', choices: [0] }).correct, false);
    assert.equal(grade(multiple, { kind: 'multiple', choices: [0, 1, 2] }).correct, false);
  });

  it('explains each wrong pick and each missed right option, with partial credit', () => {
    const g = grade(multiple, { kind: 'multiple', choices: [0, 1] });
    assert.equal(g.correct, false);
    assert.equal(g.score, 1 / 3);
    const text = g.feedback.join('\n');
    assert.match(text, /"ClusterIP" is not right\. WHY-CIP/);
    assert.match(text, /"LoadBalancer" is right too\. WHY-LB/);
    assert.doesNotMatch(text, /WHY-NP/, 'a right pick needs no correction');
  });

  it('says so when nothing was picked', () => {
    assert.match(feedback(multiple, { kind: 'multiple', choices: [] }), /Nothing was picked/);
  });
});

describe('grade: typed', () => {
  it('accepts the number with spaces and leading zeros', () => {
    for (const text of ['80', ' 80 ', '080', '0 80', '+80']) {
      assert.equal(grade(typedNumber, { kind: 'typed', text }).correct, true, text);
    }
  });

  it('names a common wrong number with its own reason, then gives the answer', () => {
    const g = grade(typedNumber, { kind: 'typed', text: '31231' });
    assert.equal(g.correct, false);
    assert.match(g.feedback[0]!, /NODE-PORT/);
    assert.match(g.feedback[1]!, /The answer is 80\./);
  });

  it('says why non-numbers and impossible ports are wrong', () => {
    assert.match(feedback(typedNumber, { kind: 'typed', text: 'eighty' }), /not a number/);
    assert.match(feedback(typedNumber, { kind: 'typed', text: '80:31231/TCP' }), /two ports/);
    assert.match(feedback(typedNumber, { kind: 'typed', text: '80/TCP' }), /number alone: 80/);
    assert.match(feedback(typedNumber, { kind: 'typed', text: '-80' }), /negative/);
    assert.match(feedback(typedNumber, { kind: 'typed', text: '80.5' }), /whole number/);
    assert.match(feedback(typedNumber, { kind: 'typed', text: '70000' }), /larger than 65535/);
    assert.match(feedback(typedNumber, { kind: 'typed', text: '' }), /Nothing was typed/);
  });

  it('matches text without regard to case, spaces or quotes', () => {
    for (const text of ['ClusterIP', 'clusterip', '  CLUSTERIP ', '`ClusterIP`', '"clusterIP"']) {
      assert.equal(grade(typedText, { kind: 'typed', text }).correct, true, text);
    }
    assert.match(feedback(typedText, { kind: 'typed', text: 'nodeport' }), /NODEPORT-MUST-BE-ASKED/);
    assert.match(feedback(typedText, { kind: 'typed', text: 'Ingress' }), /"Ingress" is not the answer/);
  });

  it('is case-sensitive when the rule says so', () => {
    const strict: Question = { ...typedText, answer: { rule: 'text', accept: ['NodePort'], caseSensitive: true } };
    assert.equal(grade(strict, { kind: 'typed', text: 'NodePort' }).correct, true);
    assert.match(feedback(strict, { kind: 'typed', text: 'nodeport' }), /Case matters here: write "NodePort"/);
  });
});

describe('grade: order', () => {
  it('the written order is right', () => {
    const g = grade(order, { kind: 'order', order: [0, 1, 2, 3] });
    assert.equal(g.correct, true);
    assert.equal(g.score, 1);
  });

  it('names the first item out of place and why it belongs there, then the whole order', () => {
    const g = grade(order, { kind: 'order', order: [0, 2, 1, 3] });
    assert.equal(g.correct, false);
    assert.equal(g.score, 0.5);
    assert.match(g.feedback[0]!, /first item out of place is number 2: it should be "service port", not "target port"/);
    assert.equal(g.feedback[1], 'WHY-SECOND');
    assert.deepEqual(g.feedback.slice(-4), ['1. node port', '2. service port', '3. target port', '4. container']);
    assert.deepEqual(
      g.parts.map((p) => p.ok),
      [true, false, false, true],
    );
  });

  it('an arrangement that leaves out or repeats items is wrong', () => {
    assert.match(feedback(order, { kind: 'order', order: [0, 1, 1, 3] }), /exactly once/);
    assert.match(feedback(order, { kind: 'order', order: [0, 1, 2] }), /exactly once/);
  });
});

describe('grade: match', () => {
  it('grades pair by pair and explains only the wrong pairs', () => {
    const g = grade(match, { kind: 'match', matches: [0, 2, 1] });
    assert.equal(g.correct, false);
    assert.equal(g.score, 1 / 3);
    assert.deepEqual(
      g.parts.map((p) => p.ok),
      [true, false, false],
    );
    const text = g.feedback.join('\n');
    assert.match(text, /"port" goes with "on the cluster IP", not "on the pod"\. WHY-PORT/);
    assert.match(text, /"targetPort" goes with "on the pod", not "on the cluster IP"\. WHY-POD/);
    assert.doesNotMatch(text, /WHY-NODE/);
  });

  it('an unmatched left is wrong and gets its answer', () => {
    assert.match(feedback(match, { kind: 'match', matches: [0, 1, null] }), /"targetPort" has no match: it goes with "on the pod"/);
    assert.equal(grade(match, { kind: 'match', matches: [0, 1, 2] }).correct, true);
  });
});

describe('grade: bug', () => {
  it('the breaking line is right, quoting it and saying why', () => {
    const g = grade(bug, { kind: 'bug', line: 5 });
    assert.equal(g.correct, true);
    assert.match(g.feedback[0]!, /Line 5, `app: my-app`, is the bug\. WHY-SELECTOR/);
  });

  it('a tempting line gets its own reason, any other line is fine, then the bug is shown', () => {
    const tempting = grade(bug, { kind: 'bug', line: 7 }).feedback;
    assert.match(tempting[0]!, /Line 7, `- port: 80`, is not it\. WHY-PORT-FINE/);
    assert.match(tempting[1]!, /The bug is on line 5, `app: my-app`\. WHY-SELECTOR/);
    assert.match(feedback(bug, { kind: 'bug', line: 2 }), /Line 2, `kind: Service`, is fine as it is/);
    assert.match(feedback(bug, { kind: 'bug', line: 40 }), /There is no line 40: the manifest has 7 lines/);
  });
});

describe('answer key and giving up', () => {
  it('the answer key of every kind grades as right', () => {
    for (const q of [single, multiple, typedNumber, typedText, order, match, bug]) {
      assert.equal(grade(q, correctResponse(q)).correct, true, q.id);
    }
  });

  it('giving up is a miss that shows the answer and the explanation', () => {
    const g = giveUp(single, learnerFacts);
    assert.equal(g.correct, false);
    assert.match(g.feedback[0]!, /The right answer is "nodePort: 31231"/);
    assert.equal(g.feedback.at(-1), 'EXPLAIN-URL');
  });
});
