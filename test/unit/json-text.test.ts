// Values read from YAML or JSON, set into messages: what the typed lint rule no-base-to-string
// guards against ("[object Object]") is said as JSON, or as the real source says it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonText } from '../../src/core/json-text.js';
import { jsonPatch } from '../../src/core/kubectl/patch-merge.js';
import { checkAgainstSchema, type FieldSchema } from '../../src/core/cluster/manifest-schema.js';
import { loadCourse } from '../../src/core/course/loader.js';
import { formatProblem } from '../../src/core/course/model.js';
import { guardKubectl } from '../../src/core/real-cluster/ownership.js';

describe('values from documents in messages', () => {
  it('jsonText: strings as written, scalars as JSON, nothing for null, objects and lists as JSON', () => {
    assert.equal(jsonText('web'), 'web');
    assert.equal(jsonText(80), '80');
    assert.equal(jsonText(true), 'true');
    assert.equal(jsonText(null), '');
    assert.equal(jsonText(undefined), '');
    assert.equal(jsonText({ a: 1 }), '{"a":1}');
    assert.equal(jsonText(['x', 2]), '["x",2]');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(jsonText(cycle), '');
  });

  it('a JSON patch op that is not a string is "unknown", as json-patch reads it (evanphx/json-patch patch.go, Operation.Kind)', () => {
    const result = jsonPatch({ a: 1 }, [{ op: { x: 1 }, path: '/a' }]);
    assert.deepEqual(result, { ok: false, error: 'Unexpected kind: unknown' });
  });

  it('a list of lists is named as Go names its type', () => {
    const problems: { kind: string; message: string }[] = [];
    const schema: FieldSchema = { list: { list: 'string' } };
    checkAgainstSchema('flat', schema, 'x', 'x', 'v1.Thing', 'x', problems as never);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['json: cannot unmarshal string into Go struct field v1.Thing.x of type [][]string'],
    );
  });

  it('a step kind written as a map is quoted as what the author wrote', () => {
    const text = 'format: 1\nid: x\ntitle: X\nsummary: S\nsteps:\n  - id: a\n    kind: {dance: 1}\n    title: A\n    text: T\n';
    const result = loadCourse({ lessons: [{ file: 'x.yml', text }], manifests: new Map() });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problems.map(formatProblem).join('\n'), /unknown step kind "\{"dance":1\}"/);
  });

  it('a manifest whose namespace is a map is refused, naming it as written', () => {
    const got = guardKubectl(['apply', '-f', 'odd.yml'], 'nodeport-lab-x', () => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: {x: 1}\n');
    assert.equal(got.ok, false);
    assert.match(got.ok ? '' : got.message, /namespace "\{"x":1\}"/);
  });
});
