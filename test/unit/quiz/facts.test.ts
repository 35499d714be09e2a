import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fillQuestion,
  fillText,
  missingFacts,
  placeholdersIn,
  prepareQuestions,
  requiredFacts,
  resolveFacts,
  unknownPlaceholders,
} from '../../../src/core/quiz/facts.js';
import { grade } from '../../../src/core/quiz/grade.js';
import type { Question } from '../../../src/core/quiz/model.js';
import { learnerFacts, single, typedUrl } from './samples.js';

const lecture = { serviceName: 'myapp-pod-nodeport-service', nodeIP: '203.0.113.11', nodePort: 31231 };
const withFallback: Question = {
  id: 'open-it',
  kind: 'typed',
  concepts: ['node-port'],
  prompt: 'Open {{serviceName}} from outside.',
  answer: { rule: 'url', host: '{{nodeIP}}', port: '{{ nodePort }}' },
  fallback: lecture,
};

describe('placeholders', () => {
  it('finds and fills {{name}}, with or without inner spaces, and lists what it could not fill', () => {
    assert.deepEqual(placeholdersIn('{{a}} and {{ b }} and {{a}}'), ['a', 'b']);
    assert.deepEqual(fillText('http://{{nodeIP}}:{{ nodePort }}/{{x}}', learnerFacts), {
      text: `http://${learnerFacts.nodeIP}:${learnerFacts.nodePort}/{{x}}`,
      missing: ['x'],
    });
  });

  it('requires the facts of the question itself, not those of its wrong-answer hints', () => {
    assert.deepEqual(requiredFacts(typedUrl).sort(), ['nodeIP', 'nodePort', 'serviceName']);
    assert.deepEqual(requiredFacts(single), []);
  });

  it('fills every text of a question, drops hints that cannot be filled, and leaves the original alone', () => {
    const filled = fillQuestion(typedUrl, { serviceName: 's', nodeIP: '1.2.3.4', nodePort: 30001, clusterIP: '10.96.0.9' });
    assert.equal(filled.prompt, 'Service s: type the URL.');
    assert.ok(filled.answer.rule === 'url');
    assert.equal(filled.answer.host, '1.2.3.4');
    assert.deepEqual(
      filled.answer.wrong?.map((w) => w.why),
      ['CLUSTER-IP: 10.96.0.9 is inside only.'],
    );
    assert.ok(typedUrl.answer.rule === 'url' && typedUrl.answer.host === '{{nodeIP}}', 'the original is left alone');
  });

  it('reports placeholders with names it does not know, with their path', () => {
    const q = { ...single, prompt: 'On {{nodeIp}} and {{nodeIP}}' };
    assert.deepEqual(unknownPlaceholders(q), [{ path: ['prompt'], name: 'nodeIp' }]);
    assert.deepEqual(unknownPlaceholders(q, ['nodeIp']), [{ path: ['prompt'], name: 'nodeIP' }]);
  });
});

describe('facts and fallbacks', () => {
  it("uses the learner's facts when they cover the question", () => {
    const resolved = resolveFacts(withFallback, learnerFacts);
    assert.ok(resolved.ok);
    assert.equal(resolved.source, 'learner');
    assert.equal(grade(withFallback, { kind: 'typed', text: `${learnerFacts.nodeIP}:${learnerFacts.nodePort}` }, learnerFacts).correct, true);
  });

  it('uses the fallback as a whole when a fact is missing, so numbers never mix', () => {
    const partial = { nodePort: 30999 };
    const resolved = resolveFacts(withFallback, partial);
    assert.ok(resolved.ok);
    assert.equal(resolved.source, 'fallback');
    assert.equal(grade(withFallback, { kind: 'typed', text: '203.0.113.11:31231' }, partial).correct, true);
    assert.equal(grade(withFallback, { kind: 'typed', text: '203.0.113.11:30999' }, partial).correct, false);
  });

  it('without a fallback, names the missing facts; such questions are skipped', () => {
    assert.deepEqual(missingFacts(typedUrl, { nodeIP: '1.2.3.4' }).sort(), ['nodePort', 'serviceName']);
    assert.deepEqual(missingFacts(withFallback, {}), []);
    const { ready, skipped } = prepareQuestions([single, typedUrl, withFallback], {});
    assert.deepEqual(
      ready.map((q) => q.id),
      ['url-port', 'open-it'],
    );
    assert.equal(ready[1]!.prompt, 'Open myapp-pod-nodeport-service from outside.');
    assert.deepEqual(skipped, [{ id: 'your-url', missing: ['serviceName', 'nodeIP', 'nodePort'] }]);
    assert.throws(() => grade(typedUrl, { kind: 'typed', text: 'x' }, {}), /needs facts that are missing: serviceName, nodeIP, nodePort/);
  });
});
