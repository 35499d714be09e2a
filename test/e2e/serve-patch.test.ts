// `kubectl patch` against the lab's API with the real kubectl 1.32: strategic merge, merge and JSON
// patches of a pod and a service, and the API's refusals, each printed byte for byte as the
// sandbox prints the same command on the same cluster (both apply the patch with kubectl/patch.ts).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import type { KubectlIO } from '../../src/core/kubectl/index.js';
import { KUBECTL, realKubectl, sameAsSandbox } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

describe('serve: kubectl patch from the real kubectl', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const dir = tempDir('nodeport-lab-patch-');
  const io = { readFile: () => ({ error: 'not-found' }) } as unknown as KubectlIO;

  before(async () => {
    server = await startServer({ seed: 11, port: 0, home: dir, clock: () => now, log: () => {} });
    for (const args of [
      ['run', 'my-first-pod', '--image', 'stacksimplify/kubenginx:1.0.0'],
      ['expose', 'pod', 'my-first-pod', '--type=NodePort', '--port=80', '--name=my-first-service'],
    ]) {
      const r = await realKubectl(args, server.kubeconfig, dir);
      assert.equal(r.code, 0, r.stderr);
    }
    now += 30_000;
  });

  after(async () => {
    await server?.stop();
  });

  /** The real kubectl against the server, and the sandbox on the cluster as it was just before. */
  async function expectSame(args: readonly string[]): Promise<string> {
    const { real, sim } = await sameAsSandbox(server, args, now, dir, io);
    // The sandbox's cluster after it equals the server's: the same patch did the same.
    assert.deepEqual(
      server.cluster().services.map((s) => [s.metadata.name, s.spec.type, s.spec.ports]),
      sim.cluster.services.map((s) => [s.metadata.name, s.spec.type, s.spec.ports]),
    );
    now += 1000;
    return real.stdout + real.stderr;
  }

  it('a strategic merge patch pins the node port; the same patch again changes nothing', async () => {
    const patch = '{"spec":{"ports":[{"port":80,"nodePort":31231}]}}';
    assert.equal(await expectSame(['patch', 'svc', 'my-first-service', '-p', patch]), 'service/my-first-service patched\n');
    assert.equal(server.cluster().services.find((s) => s.metadata.name === 'my-first-service')?.spec.ports[0]?.nodePort, 31231);
    assert.equal(await expectSame(['patch', 'svc', 'my-first-service', '-p', patch]), 'service/my-first-service patched (no change)\n');
  });

  it('a merge patch and a JSON patch of the service', async () => {
    assert.equal(
      await expectSame(['patch', 'svc', 'my-first-service', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"web"}}}']),
      'service/my-first-service patched\n',
    );
    assert.equal(
      await expectSame(['patch', 'svc', 'my-first-service', '--type=json', '-p', '[{"op":"replace","path":"/spec/ports/0/nodePort","value":31232}]']),
      'service/my-first-service patched\n',
    );
  });

  it('the API refuses a node port out of range, and a pod spec field that may not change', async () => {
    const range = await expectSame(['patch', 'svc', 'my-first-service', '-p', '{"spec":{"ports":[{"port":80,"nodePort":29999}]}}']);
    assert.match(range, /spec\.ports\[0\]\.nodePort: Invalid value: 29999/);
    const forbidden = await expectSame(['patch', 'pod', 'my-first-pod', '-p', '{"spec":{"restartPolicy":"Never"}}']);
    assert.match(forbidden, /The Pod "my-first-pod" is invalid: spec: Forbidden: pod updates may not change fields/);
  });

  it('a JSON patch whose operation does not fit is the API’s Invalid, in the sandbox’s words', async () => {
    assert.equal(
      await expectSame(['patch', 'svc', 'my-first-service', '--type=json', '-p', '[{"op":"remove","path":"/spec/nothere"}]']),
      'The request is invalid: remove operation does not apply: doc is missing path: "/spec/nothere": missing value\n',
    );
  });

  it('a pod’s image may change; a missing object is NotFound', async () => {
    assert.equal(
      await expectSame(['patch', 'pod', 'my-first-pod', '-p', '{"spec":{"containers":[{"name":"my-first-pod","image":"stacksimplify/kubenginx:2.0.0"}]}}']),
      'pod/my-first-pod patched\n',
    );
    assert.match(await expectSame(['patch', 'svc', 'nope', '-p', '{"spec":{"type":"NodePort"}}']), /NotFound/);
  });
});
