import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../../src/core/shell/complete.js';
import { exposedPod, session } from './helpers.js';

describe('tab completion', () => {
  const { run, state } = session();
  const port = exposedPod(run);
  const cluster = () => state().cluster;
  const files = ['pod-definition.yml', 'pod-nodeport-service.yml'];

  it('completes commands, verbs and resource types, with a space after a single match', () => {
    assert.equal(complete('kub', cluster(), files).line, 'kubectl ');
    assert.equal(complete('kubectl desc', cluster(), files).line, 'kubectl describe ');
    assert.equal(complete('kubectl get sv', cluster(), files).line, 'kubectl get svc ');
    assert.equal(complete('kubectl get se', cluster(), files).line, 'kubectl get services ');
  });

  it('completes object names of the type given, and manifest files after -f', () => {
    assert.equal(complete('kubectl describe svc w', cluster(), files).line, 'kubectl describe svc web ');
    assert.equal(complete('kubectl logs w', cluster(), files).line, 'kubectl logs web ');
    const apply = complete('kubectl apply -f pod-', cluster(), files);
    assert.equal(apply.line, 'kubectl apply -f pod-');
    assert.deepEqual(apply.candidates, files);
  });

  it('offers the URLs that reach a node port, extending to the common prefix', () => {
    const urls = complete('curl -s ', cluster(), files);
    assert.deepEqual(
      urls.candidates,
      [10, 11, 12].map((n) => `http://203.0.113.${n}:${port}`),
    );
    assert.equal(urls.line, 'curl -s http://203.0.113.1');
  });

  it('leaves the line alone when nothing matches', () => {
    assert.deepEqual(complete('kubectl zzz', cluster(), files), { candidates: [], line: 'kubectl zzz' });
  });
});
