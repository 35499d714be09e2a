// `kubectl apply --server-side` against the lab: kubectl PATCHes the whole object as
// application/apply-patch+yaml (created when missing, merged when there), then moves the
// last-applied annotation to its own field manager (kubectl-last-applied), which must not fail.
// The real kubectl 1.32 must print what the sandbox prints for the same files, refusals included.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { createCluster, findService } from '../../../src/core/cluster/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from '../kubectl/helpers.js';
import { tempDir } from '../../helpers/temp.js';

const service = (nodePort: number): string =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: myapp-pod-nodeport-service',
    'spec:',
    '  type: NodePort',
    '  selector:',
    '    app: myapp',
    '  ports:',
    '  - port: 80',
    '    targetPort: 80',
    `    nodePort: ${nodePort}`,
    '',
  ].join('\n');

describe('server-side apply in the lab API', () => {
  it('creates with 201, applies again with 200, and reads YAML as well as JSON', () => {
    const path = '/api/v1/namespaces/default/services/myapp-pod-nodeport-service';
    const patch = (body: string) => ({
      method: 'PATCH',
      path,
      query: new Map([['fieldManager', 'kubectl']]),
      accept: 'application/json',
      contentType: 'application/apply-patch+yaml',
      body,
    });
    const first = handle(createCluster({ seed: 1 }), patch(service(31231)));
    assert.equal(first.response.status, 201, first.response.body);
    assert.equal(findService(first.cluster, 'myapp-pod-nodeport-service')?.spec.ports[0]?.nodePort, 31231);
    const again = handle(
      first.cluster,
      patch(
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'myapp-pod-nodeport-service' },
          spec: { type: 'NodePort', selector: { app: 'myapp' }, ports: [{ port: 80, targetPort: 80, nodePort: 31232 }] },
        }),
      ),
    );
    assert.equal(again.response.status, 200, again.response.body);
    assert.equal(findService(again.cluster, 'myapp-pod-nodeport-service')?.spec.ports[0]?.nodePort, 31232);
    const renamed = handle(first.cluster, patch(service(31231).replace('name: myapp-pod-nodeport-service', 'name: other')));
    assert.equal(renamed.response.status, 400);
  });
});

describe('kubectl apply --server-side against the lab, as in the sandbox', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  const dir = tempDir('nodeport-lab-ssa-');
  before(async () => {
    server = await startServer({ seed: 4, port: 0, home: dir, log: () => undefined });
  });
  after(async () => {
    await server?.stop();
  });
  it('created, applied again, and a node port out of range refused, with no warning', async () => {
    const files: Record<string, string> = {};
    const sandbox = new Session(4, files);
    for (const nodePort of [31231, 31231, 29999]) {
      const file = join(dir, 'svc.yaml');
      writeFileSync(file, service(nodePort));
      files[file] = service(nodePort);
      const real = await realKubectl(['apply', '--server-side', '-f', file], server.kubeconfig);
      const sim = sandbox.run(`apply --server-side -f ${file}`);
      assert.equal(sim.stdout, real.stdout, String(nodePort));
      assert.equal(sim.stderr, real.stderr, String(nodePort));
    }
  });
});
