// `kubectl explain` of the learner's own kubectl against the served lab reads the lab's OpenAPI v3
// documents (core/v1 and apps/v1, each standing alone with the types it refers to) and must print
// what the sandbox's explain prints, for a Deployment's fields as well as a Service's.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from '../kubectl/helpers.js';
import { tempDir } from '../../helpers/temp.js';

describe('kubectl explain against the lab, as in the sandbox', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ seed: 2, port: 0, home: tempDir('nodeport-lab-explain-'), log: () => undefined });
  });
  after(async () => {
    await server?.stop();
  });

  for (const field of [
    'deployment.spec.replicas',
    'deployment.spec.template.spec.containers.ports',
    'replicaset.spec.selector',
    'service.spec.ports.nodePort',
    'pod.spec.containers.image',
  ]) {
    it(`explain ${field}`, async () => {
      const real = await realKubectl(['explain', field], server.kubeconfig);
      const sim = new Session(2).run(`explain ${field}`);
      assert.equal(real.stderr, '', real.stderr);
      assert.equal(sim.stdout, real.stdout);
    });
  }
});
