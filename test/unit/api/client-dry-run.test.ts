// `kubectl apply --dry-run=client -o yaml -f FILE` of an object the cluster does not have prints what
// the client would send: the manifest in its namespace, with the last-applied annotation, nothing
// the server would add (apply.go's dry-run client path). The real kubectl 1.32 against the lab must
// print what the sandbox prints, for a pod and for a NodePort service.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from '../kubectl/helpers.js';
import { tempDir } from '../../helpers/temp.js';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: myapp-pod',
  '  labels:',
  '    app: myapp',
  'spec:',
  '  containers:',
  '  - name: myapp',
  '    image: stacksimplify/kubenginx:1.0.0',
  '    ports:',
  '    - containerPort: 80',
  '',
].join('\n');
const SERVICE = [
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
  '    nodePort: 31231',
  '',
].join('\n');

describe('apply --dry-run=client -o yaml of a new object, against the lab as in the sandbox', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  const dir = tempDir('nodeport-lab-dry-');
  before(async () => {
    server = await startServer({ seed: 6, port: 0, home: dir, log: () => undefined });
  });
  after(async () => {
    await server?.stop();
  });
  for (const [name, text] of [
    ['pod.yaml', POD],
    ['svc.yaml', SERVICE],
  ] as const) {
    it(name, async () => {
      const file = join(dir, name);
      writeFileSync(file, text);
      const real = await realKubectl(['apply', '--dry-run=client', '-o', 'yaml', '-f', file], server.kubeconfig);
      const sim = new Session(6, { [file]: text }).run(`apply --dry-run=client -o yaml -f ${file}`);
      assert.equal(real.stderr, '');
      assert.match(real.stdout, /last-applied-configuration/);
      assert.equal(sim.stdout, real.stdout);
    });
  }
});
