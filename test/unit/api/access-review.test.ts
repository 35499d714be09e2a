// `kubectl auth can-i` against the lab: kubectl posts a SelfSubjectAccessReview (as protobuf) and
// prints yes or no from its status. The lab's one user may do everything, so it says yes, which is
// what the real-cluster mode's preflight asks before a lesson creates its namespace.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { accessReview, ACCESS_REVIEW_PATH } from '../../../src/core/api/access-review.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { tempDir } from '../../helpers/temp.js';

describe('SelfSubjectAccessReview in the lab', () => {
  const post = (body: string, method = 'POST') =>
    accessReview({ method, path: ACCESS_REVIEW_PATH, query: new Map(), accept: 'application/json', contentType: 'application/json', body });
  it('answers allowed, echoing a JSON spec; a GET is not allowed', () => {
    const answer = post(
      '{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"create","resource":"pods"}}}',
    );
    assert.equal(answer.status, 201);
    const body = JSON.parse(answer.body) as { spec: unknown; status: { allowed: boolean } };
    assert.deepEqual(body.spec, { resourceAttributes: { verb: 'create', resource: 'pods' } });
    assert.equal(body.status.allowed, true);
    assert.equal(post('\u0000garbage').status, 201);
    assert.equal(post('', 'GET').status, 405);
  });
});

describe('kubectl auth can-i against the lab', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ seed: 1, port: 0, home: tempDir('nodeport-lab-can-i-'), log: () => undefined });
  });
  after(async () => {
    await server?.stop();
  });
  for (const args of [
    ['create', 'pods'],
    ['create', 'namespaces'],
    ['delete', 'services', '-n', 'nodeport-lab-4'],
  ]) {
    it(`auth can-i ${args.join(' ')}: yes`, async () => {
      const real = await realKubectl(['auth', 'can-i', ...args], server.kubeconfig);
      assert.equal(real.stdout, 'yes\n', real.stderr);
      assert.equal(real.code, 0);
    });
  }
});
