// kubectl create service wraps the API's refusal in its own words (create_service.go:
// `failed to create %s service: %v`); a goal still reads it as the API's refusal, with its field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerOf } from '../../../src/core/kubectl/answer.js';
import { Session } from './helpers.js';

describe('a refusal wrapped by kubectl create service', () => {
  it('is the API refusing the field and value it names', () => {
    const s = new Session(1);
    const ran = s.run('create service nodeport too-low --tcp=80:80 --node-port=29999');
    assert.match(ran.stderr, /^error: failed to create NodePort service: Service "too-low" is invalid: spec\.ports\[0\]\.nodePort: Invalid value: 29999: /);
    const answer = answerOf(ran.exitCode, ran.stderr);
    assert.equal(answer.accepted, false);
    if (answer.accepted) return;
    assert.equal(answer.by, 'api');
    assert.equal(answer.reason, 'Invalid');
    assert.deepEqual(answer.causes, [{ field: 'spec.ports[0].nodePort', type: 'Invalid value', value: '29999' }]);
  });

  it('several causes in brackets, and AlreadyExists', () => {
    const several = answerOf(
      1,
      'error: failed to create NodePort service: Service "x" is invalid: [spec.ports[0].nodePort: Invalid value: 1: provided port is not in the valid range. The range of valid ports is 30000-32767, spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive]\n',
    );
    assert.ok(!several.accepted && several.causes.map((c) => c.field).join() === 'spec.ports[0].nodePort,spec.ports[0].port');
    const taken = answerOf(1, 'error: failed to create NodePort service: services "x" already exists\n');
    assert.ok(!taken.accepted && taken.by === 'api' && taken.reason === 'AlreadyExists');
    const own = answerOf(1, 'error: at least one tcp port specifier must be provided\n');
    assert.ok(!own.accepted && own.by === 'kubectl');
  });
});
