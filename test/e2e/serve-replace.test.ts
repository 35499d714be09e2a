// `kubectl replace -f pod.yml` against the lab's API with the real kubectl 1.32: the PUT of a pod
// takes its new labels and image and refuses any other spec change with the 422 of
// ValidatePodUpdate (pkg/apis/core/validation/validation.go), printed byte for byte as the sandbox
// prints the same command on the same cluster (both go through cluster/pod-update.ts).

import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { sandboxFiles } from '../../src/commands/sandbox-files.js';
import { findPod } from '../../src/core/cluster/index.js';
import { KUBECTL, realKubectl, sameAsSandbox } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

const pod = (labels: string, image: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n${labels}spec:\n${extra}  containers:\n    - name: web\n      image: ${image}\n`;

describe('serve: kubectl replace -f of a pod from the real kubectl', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: RunningServer;
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const dir = tempDir('nodeport-lab-replace-');
  const io = sandboxFiles(new Map(), dir);

  before(async () => {
    writeFileSync(join(dir, 'pod.yml'), pod('    app: web\n', 'nginx'));
    writeFileSync(join(dir, 'pod-first.yml'), pod('    app: web2\n', 'nginx:1.27'));
    writeFileSync(join(dir, 'pod-never.yml'), pod('    app: web\n', 'nginx', '  restartPolicy: Never\n'));
    server = await startServer({ seed: 12, port: 0, home: dir, clock: () => now, log: () => {} });
    const r = await realKubectl(['apply', '-f', 'pod.yml'], server.kubeconfig, dir);
    assert.equal(r.code, 0, r.stderr);
    now += 30_000;
    // The pod as the API server holds it, with what the scheduler and the admission plugins added.
    const yaml = await realKubectl(['get', 'pod', 'web', '-o', 'yaml'], server.kubeconfig, dir);
    assert.equal(yaml.code, 0, yaml.stderr);
    const edited = yaml.stdout.replace('    app: web\n', '    app: web2\n').replace('  - image: nginx\n', '  - image: nginx:1.27\n');
    assert.notEqual(edited, yaml.stdout);
    writeFileSync(join(dir, 'pod-new.yml'), edited);
  });

  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The real kubectl against the server, and the sandbox on the cluster as it was just before. */
  async function expectSame(args: readonly string[]): Promise<string> {
    const { real } = await sameAsSandbox(server, args, now, dir, io);
    now += 1000;
    return real.stdout + real.stderr;
  }

  it('the manifest it was created from: the 422, its spec lacking the node, service account and token volume', async () => {
    const refused = await expectSame(['replace', '-f', 'pod-first.yml']);
    assert.match(refused, /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than /);
    assert.match(refused, /\n\+ \tNodeName: +"",\n/);
    assert.equal(findPod(server.cluster(), 'web')?.spec.containers[0]?.image, 'nginx');
  });

  it('its own -o yaml with a new image and new labels: replaced, the container restarted', async () => {
    assert.equal(await expectSame(['replace', '-f', 'pod-new.yml']), 'pod/web replaced\n');
    const live = findPod(server.cluster(), 'web');
    assert.deepEqual(live?.metadata.labels, { app: 'web2' });
    assert.equal(live?.spec.containers[0]?.image, 'nginx:1.27');
    assert.equal(live?.restartCount, 1);
  });

  it('a new restart policy: the 422 with its diff, the pod untouched', async () => {
    const refused = await expectSame(['replace', '-f', 'pod-never.yml']);
    assert.match(refused, /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than /);
    assert.match(refused, /\+ \tRestartPolicy: +"Never",/);
    assert.equal(findPod(server.cluster(), 'web')?.spec.restartPolicy, 'Always');
  });
});
