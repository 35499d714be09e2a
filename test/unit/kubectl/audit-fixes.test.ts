// The commands and answers the fidelity audit (test/e2e/real-kubectl-audit.test.ts) found missing
// or different from the real kubectl 1.32, checked here on the sandbox alone, without a client.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { goSort } from '../../../src/core/kubectl/go-sort.js';
import { apiVersions } from '../../../src/core/kubectl/api-versions.js';
import { Session } from './helpers.js';

describe('kubectl annotate (annotate.go)', () => {
  it('sets, refuses to overwrite without --overwrite, overwrites with it, and removes', () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    assert.equal(s.run('annotate pod web note=hello').stdout, 'pod/web annotated\n');
    const clash = s.run('annotate pod web note=again');
    assert.equal(clash.stderr, "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n");
    assert.equal(clash.exitCode, 1);
    assert.equal(s.run('annotate pod web note=again --overwrite').exitCode, 0);
    assert.equal(s.run('get pod web -o jsonpath={.metadata.annotations.note}').stdout, 'again');
    assert.equal(s.run('annotate pod web note-').stdout, 'pod/web annotated\n');
    assert.equal(s.run('get pod web -o jsonpath={.metadata.annotations}').stdout, '');
  });

  it('a value may hold "=", a dry run changes nothing, and the argument errors come before the server', () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    s.run('annotate pod web url=http://x/?a=b');
    assert.equal(s.run('get pod web -o jsonpath={.metadata.annotations.url}').stdout, 'http://x/?a=b');
    assert.equal(s.run('annotate pod web dry=yes --dry-run=client').stdout, 'pod/web annotated (dry run)\n');
    assert.equal(s.run('get pod web -o jsonpath={.metadata.annotations.dry}').stdout, '');
    assert.equal(s.run('annotate').stderr, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    assert.equal(s.run('annotate pod web').stderr, 'error: at least one annotation update is required\n');
    assert.equal(s.run('annotate pod nope a=b').stderr, 'Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl config, api-versions', () => {
  it('the one context, nodeport-lab, and get-contexts as kubectl prints it', () => {
    const s = new Session(1);
    assert.equal(s.run('config current-context').stdout, 'nodeport-lab\n');
    assert.equal(
      s.run('config get-contexts').stdout,
      'CURRENT   NAME           CLUSTER        AUTHINFO       NAMESPACE\n*         nodeport-lab   nodeport-lab   nodeport-lab   default\n',
    );
    const missing = s.run('config get-contexts nope');
    assert.equal(missing.stdout, 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n');
    assert.equal(missing.stderr, 'error: context nope not found\n');
    assert.equal(s.run('config').exitCode, 1);
  });

  it('api-versions: sorted as Go sorts strings, the core group last, autoscaling/v1 served beside v2', () => {
    const versions = apiVersions();
    assert.deepEqual([...versions].sort(), versions);
    assert.equal(versions[versions.length - 1], 'v1');
    assert.ok(versions.includes('autoscaling/v1') && versions.includes('autoscaling/v2') && versions.includes('apps/v1'));
  });
});

describe('errors the audit found', () => {
  const s = new Session(1);
  s.run('run web --image=nginx');
  s.wait(30);
  const cases: [string, string][] = [
    ['logs web -c wrong', 'error: container wrong is not valid for pod web\n'],
    ['exec web -c wrong -- ls', 'Error from server (BadRequest): container wrong is not valid for pod web\n'],
    ['expose pod web --port=80 --session-affinity=Sometimes', 'error: unknown session affinity: Sometimes\n'],
    ['explain nope', 'the server doesn\'t have a resource type "nope"\n'],
    ['rollout status', 'error: required resource not specified\n'],
    ['set image deployment/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['logs deploy/nope', 'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n'],
  ];
  for (const [line, stderr] of cases) it(line, () => assert.equal(s.run(line).stderr, stderr));

  it('set image with no resource asks for one, as kubectl does', () => {
    assert.match(s.run('set image x=y').stderr, /^error: You must provide one or more resources by argument or filename\.\n/);
  });
});

describe('kubectl logs deploy/NAME: the most active pod', () => {
  it('says which of several pods it read, and reads a ready one', () => {
    const s = new Session(3);
    s.run('create deployment web --image=nginx --replicas=3');
    s.wait(30);
    const r = s.run('logs deploy/web');
    assert.equal(r.exitCode, 0);
    const m = /^Found 3 pods, using pod\/(web-[a-z0-9]+-[a-z0-9]+)\n$/.exec(r.stderr);
    assert.ok(m, r.stderr);
    assert.equal(r.stdout, s.run(`logs ${m[1] ?? ''}`).stdout);
    assert.equal(r.output?.[0]?.stream, 'stderr');
  });

  it('prefers a ready pod to one that is still starting', () => {
    const s = new Session(3);
    s.run('create deployment web --image=nginx --replicas=1');
    s.wait(30);
    s.run('scale deployment web --replicas=2');
    const r = s.run('logs deploy/web');
    const ready = s.run(`get pods -l app=web -o 'jsonpath={.items[?(@.status.phase=="Running")].metadata.name}'`).stdout.split(' ');
    assert.equal(ready.length, 1, 'one pod runs, one starts');
    assert.equal(r.stderr, `Found 2 pods, using pod/${ready[0] ?? ''}\n`);
  });
});

describe("Go's sort.Sort, as --sort-by uses it", () => {
  const sortWith = (keys: number[]): number[] => {
    const a = [...keys];
    goSort({
      length: a.length,
      less: (i, j) => (a[i] ?? 0) < (a[j] ?? 0),
      swap: (i, j) => {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
      },
    });
    return a;
  };

  it('sorts any list (insertion sort, quicksort, heap sort, broken patterns)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (keys) => {
        assert.deepEqual(
          sortWith(keys),
          [...keys].sort((x, y) => x - y),
        );
      }),
    );
  });

  it('leaves a list of equal keys as it was (an already sorted run returns early)', () => {
    const ids = Array.from({ length: 40 }, (_, i) => i);
    goSort({
      length: ids.length,
      less: () => false,
      swap: (i, j) => {
        const t = ids[i] ?? 0;
        ids[i] = ids[j] ?? 0;
        ids[j] = t;
      },
    });
    assert.deepEqual(
      ids,
      Array.from({ length: 40 }, (_, i) => i),
    );
  });
});
