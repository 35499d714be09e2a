// The PATCH `kubectl set image pod/NAME C=IMAGE` sends (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go:
// CalculatePatches, a two-way strategic merge patch with `$setElementOrder/containers`, as
// apimachinery/pkg/util/strategicpatch writes it): the pod takes the image and its container is
// restarted, as any pod update's new image (cluster/pod-update.ts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceClock, createCluster, findPod } from '../../../src/core/cluster/index.js';
import { handle } from '../../../src/core/api/handle.js';
import { apiRequest } from '../../helpers/api-request.js';

const PODS = '/api/v1/namespaces/default/pods';
const POD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    containers: [
      { name: 'side', image: 'busybox' },
      { name: 'web', image: 'nginx' },
    ],
  },
});

describe('PATCH of a pod with a strategic merge patch from kubectl set image', () => {
  it('takes the image, keeps the containers in their order, and restarts the container', () => {
    const created = handle(createCluster({ seed: 5 }), apiRequest('POST', PODS, POD));
    assert.equal(created.response.status, 201, created.response.body);
    const running = advanceClock(created.cluster, 30_000);
    const patch = JSON.stringify({
      spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }], containers: [{ image: 'nginx:1.27', name: 'web' }] },
    });
    const patched = handle(running, { ...apiRequest('PATCH', `${PODS}/web`, patch), contentType: 'application/strategic-merge-patch+json' });
    assert.equal(patched.response.status, 200, patched.response.body);
    const pod = findPod(patched.cluster, 'web');
    assert.deepEqual(
      pod?.spec.containers.map((c) => [c.name, c.image]),
      [
        ['side', 'busybox'],
        ['web', 'nginx:1.27'],
      ],
    );
    assert.ok(patched.cluster.events.some((e) => e.reason === 'Killing' && e.message === 'Container web definition changed, will be restarted'));
  });
});
