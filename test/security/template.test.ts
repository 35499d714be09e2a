// Hostile lesson text against the {{...}} templates: matching must stay linear in the text's length.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplates, templateProblems } from '../../src/core/course/template.js';

const MiB = 1024 * 1024;

describe('templates in a hostile lesson', () => {
  // The old pattern, /\{\{\s*([^{}]*?)\s*\}\}/g, backtracked cubically over runs like these: a
  // 20 KB line took hours. The test's timeout is the bound: a linear scan takes milliseconds.
  const lines = {
    'an opened template and a megabyte of spaces': `{{${' '.repeat(MiB)}`,
    'a megabyte of opened templates': '{{ '.repeat(MiB / 3),
    'spaces and letters that never close': `{{ ${'a '.repeat(MiB / 2)}}`,
    'closing braces without an opening': '}} '.repeat(MiB / 3),
  };
  for (const [name, text] of Object.entries(lines)) {
    it(`${name}: lint and fill finish`, { timeout: 10_000 }, () => {
      assert.ok(Array.isArray(templateProblems(text)));
      assert.equal(typeof fillTemplates(text, undefined), 'string');
    });
  }

  it('a megabyte line of real templates is filled, each once', { timeout: 10_000 }, () => {
    const text = '{{ nodeIP }} '.repeat(MiB / 13);
    assert.deepEqual(templateProblems(text), []);
    assert.equal(fillTemplates(text, undefined), '<nodeIP> '.repeat(MiB / 13));
  });

  it('matches what the old pattern matched on ordinary text', () => {
    const cases: [string, string][] = [
      ['{{{nodeIP}}}', '{<nodeIP>}'],
      ['{{ a{b }} {{nodeIP}}', '{{ a{b }} <nodeIP>'],
      ['{{ x }y }} {{ pod.p.ip }}', '{{ x }y }} <ip of p>'],
      ['{{}}', '<>'],
      ['{{\n nodeIP \t}}', '<nodeIP>'],
      ['{{nodeIP}', '{{nodeIP}'],
    ];
    for (const [text, filled] of cases) assert.equal(fillTemplates(text, undefined), filled, text);
    assert.deepEqual(templateProblems('{{ a b }} {{nodeIP}}'), [
      'unknown template {{a b}} (known forms: service.NAME.nodePort, service.NAME.port, service.NAME.targetPort, service.NAME.clusterIP, pod.NAME.ip, pod.NAME.node, pod.NAME.nodeIP, node.NAME.externalIP, node.NAME.internalIP, nodeIP)',
    ]);
  });
});
