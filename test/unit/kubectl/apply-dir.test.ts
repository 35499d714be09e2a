// src/core/kubectl/manifests.ts: `kubectl apply -f DIR/` reads the directory's .json, .yaml and
// .yml files in name order, as kubectl's FileVisitor does without -R; other files are skipped.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCluster } from '../../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO } from '../../../src/core/kubectl/index.js';

const files: Record<string, string> = {
  'm/b-svc.yml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    run: web\n  ports:\n  - port: 80\n',
  'm/a-pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    run: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
  'm/notes.txt': 'not a manifest',
};
const io: KubectlIO = {
  readFile: (p) => files[p] ?? (p === 'm' || p === 'm/' ? { error: 'is-directory' } : { error: 'not-found' }),
  listDir: (p) => (p === 'm' || p === 'm/' ? Object.keys(files).map((f) => f.slice(2)) : undefined),
};

describe('apply -f DIR/', () => {
  it('applies each manifest of the directory in name order', () => {
    const r = runKubectl(createCluster({ seed: 1 }), ['apply', '-f', 'm/'], io);
    assert.equal(r.stdout, 'pod/web created\nservice/web created\n');
    assert.equal(r.exitCode, 0);
  });
  it('without a way to list the directory, says the path is a directory', () => {
    const r = runKubectl(createCluster({ seed: 1 }), ['apply', '-f', 'm/'], { readFile: io.readFile });
    assert.match(r.stderr, /is a directory/);
  });
});
