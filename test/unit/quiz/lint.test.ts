import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkQuestion, checkQuestions, formatQuizProblem, readQuestions } from '../../../src/core/quiz/lint.js';
import type { Question } from '../../../src/core/quiz/model.js';
import { bug, match, multiple, order, single, typedNumber, typedRange, typedText, typedUrl } from './samples.js';

/** The problems of one question, as "path: message" lines. */
const problems = (q: unknown, knownFacts?: readonly string[]) => checkQuestion(q, knownFacts ? { knownFacts } : {}).map(formatQuizProblem);

/** Asserts exactly one problem, at `path`, whose message matches. */
function one(q: unknown, path: string, message: RegExp): void {
  const found = problems(q);
  assert.equal(found.length, 1, `expected one problem, got:\n${found.join('\n')}`);
  const [where, ...rest] = found[0]!.split(': ');
  assert.equal(where, path);
  assert.match(rest.join(': '), message);
}

describe('lint: the samples are clean', () => {
  it('finds nothing wrong in well-formed questions of every kind', () => {
    for (const q of [single, multiple, typedNumber, typedRange, typedText, typedUrl, order, match, bug]) {
      assert.deepEqual(problems(q), [], q.id);
    }
  });
});

describe('lint: shape', () => {
  it('reports unknown fields with a guess, missing fields, unknown kinds and bad ids', () => {
    const noWhy = { text: single.options[0]!.text };
    one({ ...single, promt: 'x' }, 'promt', /unknown field "promt" \(did you mean "prompt"\?\)/);
    one({ ...single, options: [noWhy, ...single.options.slice(1)] }, 'options.0', /missing field "why"/);
    one({ ...single, kind: 'essay' }, 'kind', /unknown question kind "essay" \(known: single, multiple, typed, order, match, bug\)/);
    one({ ...single, id: 'Which_Port' }, 'id', /lower-case letters/);
    one({ ...typedNumber, answer: { rule: 'regex', value: 80 } }, 'answer.rule', /unknown rule "regex" \(known: number, port-in-range, text, url\)/);
    assert.match(problems('just text')[0]!, /must be a map/);
  });

  it('requires every option to be explained', () => {
    one({ ...single, options: single.options.map((o, i) => (i === 2 ? { ...o, why: '  ' } : o)) }, 'options.2.why', /must not be empty/);
  });
});

describe('lint: meaning', () => {
  const { options } = single;

  it('a single question needs exactly one right option', () => {
    one({ ...single, options: options.map((o) => ({ text: o.text, why: o.why })) }, 'options', /no right option/);
    one({ ...single, options: options.map((o) => ({ ...o, correct: true })) }, 'options', /3 right options.*use kind: multiple/);
  });

  it('a multiple question needs at least one right option, and options must differ', () => {
    one({ ...multiple, options: options.map((o) => ({ text: o.text, why: o.why })) }, 'options', /no right option/);
    one({ ...single, options: [...options, { text: ' Port:  80 ', why: 'again' }] }, 'options.3.text', /same as an earlier option/);
  });

  it('concept tags must be known and listed once', () => {
    one({ ...single, concepts: ['nodeport'] }, 'concepts.0', /unknown concept "nodeport" \(did you mean "node-port"\?\)/);
    one({ ...single, concepts: ['node-port', 'node-port'] }, 'concepts.1', /listed twice/);
    one({ ...single, concepts: [] }, 'concepts', /at least one concept/);
  });

  it('an order question needs at least 3 distinct items', () => {
    const { items } = order;
    one({ ...order, items: items.slice(0, 2) }, 'items', /at least 3 items/);
    one({ ...order, items: [...items, { text: 'Node Port' }] }, 'items.4.text', /same as an earlier item/);
  });

  it('a match question needs at least 2 pairs, with unique lefts and rights', () => {
    const { pairs } = match;
    one({ ...match, pairs: pairs.slice(0, 1) }, 'pairs', /at least 2 pairs/);
    one({ ...match, pairs: [...pairs, { left: 'nodeport', right: 'elsewhere', why: 'w' }] }, 'pairs.3.left', /earlier left side/);
    one({ ...match, pairs: [...pairs, { left: 'other', right: 'On the pod', why: 'w' }] }, 'pairs.3.right', /earlier right side/);
  });

  it("a bug question's lines must be inside the code, and a tempting line is not the bug", () => {
    one({ ...bug, line: 8 }, 'line', /1 to 7, not 8/);
    one({ ...bug, line: 0 }, 'line', /1 to 7, not 0/);
    one({ ...bug, wrong: [{ line: 9, why: 'w' }] }, 'wrong.0.line', /1 to 7, not 9/);
    one({ ...bug, wrong: [{ line: 5, why: 'w' }] }, 'wrong.0.line', /the bug's own line/);
    one(
      {
        ...bug,
        wrong: [
          { line: 7, why: 'w' },
          { line: 7, why: 'w' },
        ],
      },
      'wrong.1.line',
      /listed twice/,
    );
  });

  it('typed rules must be well formed and their wrong answers really wrong', () => {
    one({ ...typedNumber, answer: { rule: 'number', value: 'eighty' } }, 'answer.value', /whole number, or a placeholder/);
    one({ ...typedNumber, answer: { rule: 'number', value: 80.5 } }, 'answer.value', /whole number/);
    one({ ...typedNumber, answer: { rule: 'number', value: 80, wrong: [{ value: '080', why: 'w' }] } }, 'answer.wrong.0.value', /is the right answer/);
    one({ ...typedRange, answer: { rule: 'port-in-range', min: 32767, max: 30000 } }, 'answer.max', /not be below min/);
    one({ ...typedRange, answer: { rule: 'port-in-range', min: 0, max: 30000 } }, 'answer.min', /must be a port/);
    one(
      { ...typedRange, answer: { rule: 'port-in-range', min: 30000, max: 32767, wrong: [{ value: 31231, why: 'w' }] } },
      'answer.wrong.0.value',
      /rule accepts it/,
    );
    one({ ...typedText, answer: { rule: 'text', accept: [] } }, 'answer.accept', /at least one accepted answer/);
    one({ ...typedText, answer: { rule: 'text', accept: ['ClusterIP'], wrong: [{ value: 'clusterip', why: 'w' }] } }, 'answer.wrong.0.value', /is accepted/);
    one({ ...typedText, answer: { rule: 'text', accept: ['ClusterIP', 'clusterIP'] } }, 'answer.accept.1', /earlier accepted answer/);
  });

  it('url rules: the host alone, a real port, and wrong entries that name something wrong', () => {
    const url = (answer: object): Question => ({ ...typedUrl, answer: { rule: 'url', host: '{{nodeIP}}', port: '{{nodePort}}', ...answer } });
    one(url({ host: 'http://{{nodeIP}}' }), 'answer.host', /host alone/);
    one(url({ port: 70000 }), 'answer.port', /larger than 65535/);
    one(url({ scheme: 'ftp' }), 'answer.scheme', /http or https/);
    one(url({ wrong: [{ why: 'w' }] }), 'answer.wrong.0', /at least one of scheme, host and port/);
    one(url({ wrong: [{ host: '{{nodeIP}}', why: 'w' }] }), 'answer.wrong.0', /the right address/);
  });

  it('placeholders must be known facts and well formed, fallback facts too', () => {
    one({ ...single, prompt: 'Open {{nodeIp}}' }, 'prompt', /unknown placeholder \{\{nodeIp\}\} \(did you mean \{\{nodeIP\}\}\?\)/);
    one({ ...single, explain: 'Port {{node port}}' }, 'explain', /broken placeholder/);
    one({ ...single, explain: 'Port {{nodePort}' }, 'explain', /broken placeholder/);
    one({ ...single, fallback: { nodePrt: 31231 } }, 'fallback.nodePrt', /unknown fact "nodePrt"/);
    assert.deepEqual(problems({ ...single, prompt: 'Open {{myFact}}' }, ['myFact']), []);
  });
});

describe('lint: lists', () => {
  it('reports duplicate ids and prefixes paths with the question index', () => {
    const found = checkQuestions([single, { ...multiple, id: single.id }, { ...bug, line: 99 }]);
    assert.deepEqual(found.map(formatQuizProblem), [
      '2.line: must be a line of the code, 1 to 7, not 99',
      '1.id: duplicate question id "url-port" (first used by question 1)',
    ]);
    assert.deepEqual(checkQuestions({}).map(formatQuizProblem), ['questions must be a list']);
  });

  it('reads a clean list as questions, and a broken one as problems', () => {
    const good = readQuestions([single, bug]);
    assert.ok(good.ok && good.questions.length === 2);
    const bad = readQuestions([single, single]);
    assert.ok(!bad.ok && bad.problems.length === 1);
  });
});
