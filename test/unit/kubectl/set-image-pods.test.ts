// kubectl set image on a pod, a bare ReplicaSet and several objects at once
// (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go): a real cluster takes a pod's new image
// and its kubelet restarts the container (pkg/kubelet/kuberuntime/kuberuntime_manager.go
// computePodActions: the container's spec hash changed).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPod, findReplicaSet } from '../../../src/core/cluster/index.js';
import { Session } from './helpers.js';

const pod = (name: string, containers: readonly string[]): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  containers:\n${containers.map((c) => `    - name: ${c}\n      image: nginx\n`).join('')}`;

const files = {
  'web.yml': pod('web', ['web']),
  'api.yml': pod('api', ['api']),
  'two.yml': pod('two', ['a', 'b']),
  'rs.yml':
    'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: front\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: front\n  template:\n    metadata:\n      labels:\n        app: front\n    spec:\n      containers:\n        - name: front\n          image: nginx\n',
};

describe('kubectl set image on pods', () => {
  it('pod/web: image updated, the container restarted with the new image and its events', () => {
    const s = new Session(3, files);
    s.run('apply -f web.yml');
    s.wait(30);
    const set = s.run('set image pod/web web=nginx:1.27');
    assert.equal(set.stderr, '');
    assert.equal(set.stdout, 'pod/web image updated\n');
    assert.equal(findPod(s.cluster, 'web')?.spec.containers[0]?.image, 'nginx:1.27');
    s.wait(30);
    assert.match(s.run('get pod web').stdout, /\nweb +1\/1 +Running +1 \(/);
    const events = s.run('describe pod web').stdout;
    assert.match(events, /Killing +\S+ +kubelet +Container web definition changed, will be restarted\n/);
    assert.match(events, /Pulling +\S+ +kubelet +Pulling image "nginx:1\.27"\n/);
    assert.match(events, /Started +\S+ \(x2 over \S+\) +kubelet +Started container web\n/);
  });

  it('given while the first image is still pulled: the container starts first, then restarts (pod_workers.go: the sync in progress ends)', () => {
    const s = new Session(3, files);
    s.run('apply -f web.yml');
    assert.equal(s.run('set image pod/web web=nginx:1.27').stdout, 'pod/web image updated\n');
    s.wait(30);
    assert.match(s.run('get pod web').stdout, /\nweb +1\/1 +Running +1 \(/);
    const events = s.run('describe pod web').stdout;
    const pulledFirst = events.search(/Pulled +\S+ +kubelet +Successfully pulled image "nginx" /);
    const killing = events.search(/Killing +\S+ +kubelet +Container web definition changed, will be restarted\n/);
    assert.ok(pulledFirst >= 0 && killing > pulledFirst, `the first image is pulled before the container is killed:\n${events}`);
    assert.match(events, /Restart Count: +1\n/);
  });

  it('a container whose image never pulled has nothing to kill: the new image is simply started', () => {
    const s = new Session(3, files);
    s.run('run bad --image=nginxx');
    s.wait(10);
    assert.match(s.run('get pod bad').stdout, /\nbad +0\/1 +(ErrImagePull|ImagePullBackOff) +0 /);
    assert.equal(s.run('set image pod/bad bad=nginx').stdout, 'pod/bad image updated\n');
    s.wait(30);
    assert.match(s.run('get pod bad').stdout, /\nbad +1\/1 +Running +0 +/);
    const events = s.run('describe pod bad').stdout;
    assert.doesNotMatch(events, /Killing/);
    // The refused image's pulls and back-off end with the change: none comes after it.
    assert.match(events, /Pulling +\S+ +kubelet +Pulling image "nginxx"\n/);
    const ages = [...events.matchAll(/^ {2}\S+ +(?:Pulling|Failed|BackOff) +(\d+)s .*nginxx/gm)].map((m) => Number(m[1]));
    const started = Number(/Started +(\d+)s +kubelet +Started container bad\n/.exec(events)?.[1]);
    assert.ok(ages.length > 0 && ages.every((age) => age > started), `the old image's events all come before the new one starts:\n${events}`);
    assert.match(events, /Started +\S+ +kubelet +Started container bad\n/);
  });

  it('the same image again changes nothing and prints nothing (the patch is {})', () => {
    const s = new Session(3, files);
    s.run('apply -f web.yml');
    const rv = findPod(s.cluster, 'web')?.metadata.resourceVersion;
    const same = s.run('set image pod web web=nginx');
    assert.deepEqual([same.stdout, same.stderr, same.exitCode], ['', '', 0]);
    assert.equal(findPod(s.cluster, 'web')?.metadata.resourceVersion, rv);
  });

  it('an unknown container: the error at the end, the other containers still changed', () => {
    const s = new Session(3, files);
    s.run('apply -f two.yml');
    const none = s.run('set image pod/two x=nginx:1.27');
    assert.deepEqual([none.stdout, none.stderr, none.exitCode], ['', 'error: unable to find container named "x"\n', 1]);
    const some = s.run('set image pod/two a=nginx:1.27 x=busybox');
    assert.deepEqual([some.stdout, some.stderr, some.exitCode], ['pod/two image updated\n', 'error: unable to find container named "x"\n', 1]);
    assert.deepEqual(
      findPod(s.cluster, 'two')?.spec.containers.map((c) => c.image),
      ['nginx:1.27', 'nginx'],
    );
    assert.equal(s.run('set image pod/two *=httpd').stdout, 'pod/two image updated\n');
    assert.deepEqual(
      findPod(s.cluster, 'two')?.spec.containers.map((c) => c.image),
      ['httpd', 'httpd'],
    );
    assert.equal(
      s.run('set image pod/two *=httpd a=nginx').stderr,
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    );
  });

  it('several pods, --all, a selector; a missing one fails before any change', () => {
    const s = new Session(3, files);
    s.run('apply -f web.yml');
    s.run('apply -f api.yml');
    const missing = s.run('set image pod/web pod/nope web=httpd');
    assert.deepEqual([missing.stdout, missing.stderr], ['', 'Error from server (NotFound): pods "nope" not found\n']);
    assert.equal(findPod(s.cluster, 'web')?.spec.containers[0]?.image, 'nginx');
    assert.equal(s.run('set image pods web api *=httpd').stdout, 'pod/web image updated\npod/api image updated\n');
    assert.equal(s.run('set image pods --all *=nginx:1.27').stdout, 'pod/api image updated\npod/web image updated\n');
    assert.equal(s.run('set image pods -l app=web *=nginx:1.26').stdout, 'pod/web image updated\n');
    assert.equal(s.run('set image pods --all -l app=web *=nginx').stderr, 'error: cannot set --all and --selector at the same time\n');
    assert.equal(s.run('set image pod/web web=nginx --dry-run=server').stdout, 'pod/web image updated (server dry run)\n');
    assert.equal(findPod(s.cluster, 'web')?.spec.containers[0]?.image, 'nginx:1.26');
    // The printer comes first (Complete: PrintFlags.ToPrinter), then the objects.
    assert.match(s.run('set image pod/nope web=httpd -o bogus').stderr, /^error: unable to match a printer suitable for the output format "bogus"/);
    assert.equal(s.run('set image pod/web web=httpd -o name').stdout, 'pod/web\n');
    assert.equal(s.run('set image pod/web web=nginx -o jsonpath={.spec.containers[0].image}').stdout, 'nginx');
  });

  it('a bare ReplicaSet: its template changes, its pods keep their image; a Service has no pod template', () => {
    const s = new Session(3, files);
    s.run('apply -f rs.yml');
    s.wait(10);
    assert.equal(s.run('set image rs/front front=nginx:1.27').stdout, 'replicaset.apps/front image updated\n');
    assert.equal(findReplicaSet(s.cluster, 'front')?.spec.template.containers[0]?.image, 'nginx:1.27');
    assert.ok(s.cluster.pods.filter((p) => p.metadata.name.startsWith('front-')).every((p) => p.spec.containers[0]?.image === 'nginx'));
    s.run('expose rs front --port 80');
    // polymorphichelpers/updatepodspec.go: UpdatePodSpecForObjectFn's error, with the object's name.
    assert.equal(
      s.run('set image svc/front front=nginx').stderr,
      'error: services/front the object is not a pod or does not have a pod template: *v1.Service\n',
    );
  });
});
