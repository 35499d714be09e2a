import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTabbed, GET_TABLE, DESCRIBE, humanDuration, toGoYaml, toGoJson, splitShellWords } from '../../../src/core/kubectl/index.js';
import { yamlKeyLess } from '../../../src/core/kubectl/go-yaml.js';

describe('tabwriter (Go text/tabwriter rules)', () => {
  it('pads each column to its widest cell plus 3, at least 6, and leaves the last cell alone', () => {
    const text = formatTabbed('NAME\tAGE\nkubernetes\t3h\n', GET_TABLE);
    assert.equal(text, 'NAME         AGE\nkubernetes   3h\n');
    assert.equal(formatTabbed('A\tB\tC\nxx\ty\tz\n', GET_TABLE), 'A     B     C\nxx    y     z\n');
  });

  it('aligns only blocks of consecutive lines that have the column (describe layout)', () => {
    const text = formatTabbed('Port:\t<unset>\t80/TCP\nTargetPort:\t80/TCP\nNodePort:\t<unset>\t31231/TCP\n', DESCRIBE);
    assert.equal(text, 'Port:        <unset>  80/TCP\nTargetPort:  80/TCP\nNodePort:    <unset>  31231/TCP\n');
    assert.equal(formatTabbed('a:\t1\nno tabs here\nlonger:\t2\n', DESCRIBE), 'a:  1\nno tabs here\nlonger:  2\n');
  });
});

describe('human durations (apimachinery HumanDuration)', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [12, '12s'],
    [119, '119s'],
    [120, '2m'],
    [303, '5m3s'],
    [599, '9m59s'],
    [600, '10m'],
    [2700, '45m'],
    [10799, '179m'],
    [10800, '3h'],
    [11100, '3h5m'],
    [8 * 3600, '8h'],
    [47 * 3600, '47h'],
    [48 * 3600, '2d'],
    [50 * 3600, '2d2h'],
    [8 * 86400, '8d'],
    [730 * 86400, '2y'],
    [731 * 86400, '2y1d'],
    [8 * 365 * 86400, '8y'],
  ];
  for (const [seconds, text] of cases) it(`${seconds}s -> ${text}`, () => assert.equal(humanDuration(seconds * 1000), text));
  it('a clock a little behind is 0s, far behind is <invalid>', () => {
    assert.equal(humanDuration(-1500), '0s');
    assert.equal(humanDuration(-5000), '<invalid>');
  });
});

describe('YAML like sigs.k8s.io/yaml', () => {
  it('sorts keys, leaves sequences unindented, quotes what would not read back as a string', () => {
    const yaml = toGoYaml({
      spec: {
        ports: [
          { port: 80, name: '443', targetPort: 'http' },
          { name: '80-80', port: 1 },
        ],
        type: 'NodePort',
      },
      kind: 'Service',
      metadata: { creationTimestamp: null, labels: { app: 'y', on: 'yes' }, ts: '2025-03-01T09:00:00Z', empty: '' },
      status: { loadBalancer: {} },
    });
    const expected = [
      'kind: Service',
      'metadata:',
      '  creationTimestamp: null',
      '  empty: ""',
      '  labels:',
      '    app: "y"',
      '    "on": "yes"',
      '  ts: "2025-03-01T09:00:00Z"',
      'spec:',
      '  ports:',
      '  - name: "443"',
      '    port: 80',
      '    targetPort: http',
      '  - name: 80-80',
      '    port: 1',
      '  type: NodePort',
      'status:',
      '  loadBalancer: {}',
      '',
    ].join('\n');
    assert.equal(yaml, expected);
  });
  it('writes a string with a trailing newline as a literal block', () => {
    assert.equal(toGoYaml({ a: { b: '{"x":1}\n' } }), 'a:\n  b: |\n    {"x":1}\n');
  });
  it('orders digits numerically inside keys, as go-yaml does', () => {
    assert.equal(yamlKeyLess('port2', 'port10'), true);
    assert.equal(yamlKeyLess('a', 'B'), false);
  });
});

describe('JSON like json.MarshalIndent', () => {
  it('indents with four spaces and escapes HTML characters', () => {
    assert.equal(toGoJson({ b: '<none>', a: [] }, true), '{\n    "a": [],\n    "b": "\\u003cnone\\u003e"\n}');
    assert.equal(toGoJson({ b: 1, a: {} }, false), '{\n    "b": 1,\n    "a": {}\n}');
  });
});

describe('shell words', () => {
  it('splits like a shell', () => {
    assert.deepEqual(splitShellWords(`get svc x -o jsonpath='{.spec.ports[0].nodePort}'`), {
      ok: true,
      words: ['get', 'svc', 'x', '-o', 'jsonpath={.spec.ports[0].nodePort}'],
    });
    assert.deepEqual(splitShellWords(`a "b c" d\\ e "x\\"y"`), { ok: true, words: ['a', 'b c', 'd e', 'x"y'] });
    assert.equal(splitShellWords(`echo 'open`).ok, false);
  });
});
