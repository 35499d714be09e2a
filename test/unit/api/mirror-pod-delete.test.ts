// Deleting a control-plane pod, a static pod's mirror, on the lab: the kubelet makes the mirror again
// at once under the same name with a new UID (pkg/kubelet/pod/mirror_client.go). To the API that
// is two objects: the DELETE answers with the one deleted, and a watch sees it DELETED and the new
// one ADDED. The real kubectl 1.32's `delete` waits until the UID it deleted is gone
// (staging/src/k8s.io/kubectl/pkg/cmd/wait/delete.go IsDeleted): told of the new UID, it waited
// for ever.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../src/commands/serve/index.js';
import { changes } from '../../../src/commands/serve/watch.js';
import { handle } from '../../../src/core/api/handle.js';
import { createCluster, findPod } from '../../../src/core/cluster/index.js';
import { apiRequest } from '../../helpers/api-request.js';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { tempDir } from '../../helpers/temp.js';

const SCHEDULER = 'kube-scheduler-control-plane';

describe('a mirror pod deleted and made again', () => {
  it('the DELETE answers with the pod that went, its UID; the pod made again has another', () => {
    const cluster = createCluster({ seed: 4 });
    const before = findPod(cluster, SCHEDULER, 'kube-system');
    assert.ok(before);
    const done = handle(cluster, apiRequest('DELETE', `/api/v1/namespaces/kube-system/pods/${SCHEDULER}`));
    assert.equal(done.response.status, 200);
    const answer = JSON.parse(done.response.body) as { metadata: { uid: string } };
    assert.equal(answer.metadata.uid, before.metadata.uid);
    const again = findPod(done.cluster, SCHEDULER, 'kube-system');
    assert.ok(again && again.metadata.uid !== before.metadata.uid, 'the kubelet made it again under a new UID');
  });

  it('a watch sees the same name with a new UID as DELETED, then ADDED', () => {
    const entry = (uid: string, key: string) => ({ key, uid, event: { uid } });
    const was = { byName: new Map([['kube-system/x', entry('a', '1')]]) };
    assert.deepEqual(changes(was, { byName: new Map([['kube-system/x', entry('b', '2')]]) }), [
      { type: 'DELETED', object: { uid: 'a' } },
      { type: 'ADDED', object: { uid: 'b' } },
    ]);
    assert.deepEqual(changes(was, { byName: new Map([['kube-system/x', entry('a', '2')]]) }), [{ type: 'MODIFIED', object: { uid: 'a' } }]);
  });

  describe('through the real kubectl 1.32', { skip: KUBECTL ? false : 'needs the real kubectl 1.32' }, () => {
    let server: RunningServer | undefined;
    before(async () => {
      server = await startServer({ seed: 4, port: 0, home: tempDir('npl-mirror-'), log: () => undefined });
    });
    after(async () => server?.stop());

    it('kubectl delete ends once the deleted pod is gone, and the control plane pod is back', async () => {
      const kubeconfig = server!.kubeconfig;
      // A bound on the wait that failed: kubectl gives up with an error instead of waiting a week.
      const deleted = await realKubectl(['delete', 'pod', '-n', 'kube-system', SCHEDULER, '--timeout=20s'], kubeconfig);
      assert.equal(deleted.stderr, '');
      assert.equal(deleted.stdout, `pod "${SCHEDULER}" deleted\n`);
      assert.equal(deleted.code, 0);
      const back = await realKubectl(['get', 'pod', '-n', 'kube-system', SCHEDULER, '-o', 'name'], kubeconfig);
      assert.equal(back.stdout, `pod/${SCHEDULER}\n`);
    });
  });
});
