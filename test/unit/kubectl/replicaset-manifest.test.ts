// apply, create, replace and delete -f of a bare apps/v1 ReplicaSet manifest: the API server's
// checks (pkg/apis/apps/validation/validation.go ValidateReplicaSet, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet), its default of one replica (pkg/apis/apps/v1/defaults.go
// SetDefaults_ReplicaSet), the ReplicaSet controller making the pods and adopting a matching
// orphan (pkg/controller/controller_ref_manager.go ClaimPods). What the real kubectl 1.32 prints
// without a cluster (client dry runs, a delete the server answers 404) is compared with it.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COLLECTION_DELAY_MS, findReplicaSet, LAST_APPLIED_ANNOTATION, podsOfReplicaSet } from '../../../src/core/cluster/index.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { learnerPods } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/temp.js';
import { discoveryAt, served } from '../../helpers/discovery.js';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: nginx
`;
const FILES = {
  'rs.yaml': RS,
  'rs2.yaml': RS.replace('replicas: 3', 'replicas: 2'),
  'no-replicas.yaml': RS.replace('  replicas: 3\n', ''),
  'no-selector.yaml': RS.replace('  selector:\n    matchLabels:\n      tier: frontend\n', ''),
  'empty-selector.yaml': RS.replace('  selector:\n    matchLabels:\n      tier: frontend\n', '  selector: {}\n'),
  'mismatch.yaml': RS.replace('      labels:\n        tier: frontend\n    spec', '      labels:\n        tier: backend\n        app: web\n    spec'),
  'negative.yaml': RS.replace('replicas: 3', 'replicas: -1'),
  'no-template-labels.yaml': RS.replace('    metadata:\n      labels:\n        tier: frontend\n', ''),
  'typo.yaml': RS.replace('  replicas: 3', '  replica: 3'),
  'new-selector.yaml': RS.replace(/tier: frontend/g, 'tier: web'),
};

const rsPods = (s: Session) => {
  const rs = findReplicaSet(s.cluster, 'frontend');
  return rs ? podsOfReplicaSet(s.cluster, rs) : [];
};

describe('a ReplicaSet manifest with -f', () => {
  it('apply creates it and the controller makes its pods; again is unchanged; a new count is configured', () => {
    const s = new Session(1, FILES);
    assert.equal(s.run('apply -f rs.yaml').stdout, 'replicaset.apps/frontend created\n');
    const rs = findReplicaSet(s.cluster, 'frontend');
    assert.ok(rs);
    assert.equal(rs.owner, undefined, 'no Deployment owns it');
    assert.match(rs.metadata.annotations[LAST_APPLIED_ANNOTATION] ?? '', /"kind":"ReplicaSet"/);
    assert.equal(rsPods(s).length, 3);
    assert.ok(rsPods(s).every((p) => /^frontend-[a-z0-9]{5}$/.test(p.metadata.name) && p.metadata.labels.tier === 'frontend'));
    assert.equal(s.run('apply -f rs.yaml').stdout, 'replicaset.apps/frontend unchanged\n');
    assert.equal(s.run('apply -f rs2.yaml').stdout, 'replicaset.apps/frontend configured\n');
    assert.equal(findReplicaSet(s.cluster, 'frontend')?.spec.replicas, 2);
    assert.equal(rsPods(s).filter((p) => !p.terminating).length, 2, 'the controller deletes the extra pod');
    s.wait(10);
    const get = s.run('get rs frontend');
    assert.equal(get.stdout, 'NAME       DESIRED   CURRENT   READY   AGE\nfrontend   2         2         2       10s\n');
    assert.equal(s.run('apply -f rs2.yaml --server-side').stdout, 'replicaset.apps/frontend serverside-applied\n');
  });

  it("apply -n: the last-applied annotation names the command's namespace, so the same manifest again is unchanged", () => {
    const s = new Session(1, { ...FILES, 'team.yaml': RS.replace('  name: frontend\n', '  name: frontend\n  namespace: team\n') });
    s.run('create namespace team');
    assert.equal(s.run('apply -f rs.yaml -n team').stdout, 'replicaset.apps/frontend created\n');
    assert.match(findReplicaSet(s.cluster, 'frontend', 'team')?.metadata.annotations[LAST_APPLIED_ANNOTATION] ?? '', /"namespace":"team"/);
    assert.equal(s.run('apply -f team.yaml').stdout, 'replicaset.apps/frontend unchanged\n');
    assert.equal(findReplicaSet(s.cluster, 'frontend'), undefined, 'nothing in default');
  });

  it('a manifest without replicas gets the default of one', () => {
    const s = new Session(1, FILES);
    assert.equal(s.run('create -f no-replicas.yaml').stdout, 'replicaset.apps/frontend created\n');
    assert.equal(findReplicaSet(s.cluster, 'frontend')?.spec.replicas, 1);
    assert.equal(rsPods(s).length, 1);
  });

  it('a pod without an owner whose labels the selector matches is adopted, and counts as a replica', () => {
    const s = new Session(1, FILES);
    s.run('run bare --image=nginx --labels=tier=frontend');
    s.run('run other --image=nginx --labels=tier=backend');
    s.run('apply -f rs.yaml');
    const names = rsPods(s).map((p) => p.metadata.name);
    assert.equal(names.length, 3);
    assert.ok(names.includes('bare'), 'the orphan is adopted');
    assert.ok(!names.includes('other'));
    assert.equal(learnerPods(s.cluster).length, 4, 'two new pods, not three');
    // A matching bare pod made later is adopted, and as one too many it is deleted.
    s.run('run late --image=nginx --labels=tier=frontend');
    const active = rsPods(s).filter((p) => !p.terminating);
    assert.equal(active.length, 3);
    assert.equal(rsPods(s).length, 4, 'the late pod was adopted before the controller chose one to delete');
  });

  it('create twice is AlreadyExists; delete -f takes its pods with it; again is NotFound', () => {
    const s = new Session(1, FILES);
    assert.equal(s.run('create -f rs.yaml').stdout, 'replicaset.apps/frontend created\n');
    assert.equal(
      s.run('create -f rs.yaml').stderr,
      'Error from server (AlreadyExists): error when creating "rs.yaml": replicasets.apps "frontend" already exists\n',
    );
    s.wait(5);
    assert.equal(s.run('delete -f rs.yaml').stdout, 'replicaset.apps "frontend" deleted\n');
    assert.equal(findReplicaSet(s.cluster, 'frontend'), undefined);
    s.wait(COLLECTION_DELAY_MS / 1000 + 1);
    assert.equal(learnerPods(s.cluster).length, 0, 'the garbage collector deletes the pods it owned');
    const again = s.run('delete -f rs.yaml');
    assert.equal(again.stderr, 'Error from server (NotFound): error when deleting "rs.yaml": replicasets.apps "frontend" not found\n');
  });

  it('replace -f puts the manifest in place of the live one; a changed selector is immutable in apps/v1', () => {
    const s = new Session(1, FILES);
    assert.equal(s.run('replace -f rs.yaml').stderr, 'Error from server (NotFound): error when replacing "rs.yaml": replicasets.apps "frontend" not found\n');
    s.run('apply -f rs.yaml');
    assert.equal(s.run('replace -f rs2.yaml').stdout, 'replicaset.apps/frontend replaced\n');
    const rs = findReplicaSet(s.cluster, 'frontend');
    assert.equal(rs?.spec.replicas, 2);
    assert.equal(rs?.metadata.annotations[LAST_APPLIED_ANNOTATION], undefined, 'replace sends the manifest whole, without the annotation');
    assert.equal(s.run('replace -f rs.yaml --dry-run=server').stdout, 'replicaset.apps/frontend replaced (server dry run)\n');
    assert.equal(findReplicaSet(s.cluster, 'frontend')?.spec.replicas, 2);
    // pkg/registry/apps/replicaset/strategy.go ValidateUpdate: ValidateImmutableField of spec.selector.
    assert.equal(
      s.run('replace -f new-selector.yaml').stderr,
      'The ReplicaSet "frontend" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"tier":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    );
  });

  it('the server dry run makes nothing and prints the object the server would store', () => {
    const s = new Session(1, FILES);
    const r = s.run('apply -f rs.yaml --dry-run=server -o yaml');
    assert.match(r.stdout, /^apiVersion: apps\/v1\nkind: ReplicaSet\n/);
    assert.match(r.stdout, /\n {2}uid: /);
    assert.match(r.stdout, /\n {6}restartPolicy: Always\n/, 'the pod template gets the API server defaults');
    assert.equal(findReplicaSet(s.cluster, 'frontend'), undefined);
    assert.equal(learnerPods(s.cluster).length, 0);
  });

  describe('the API server refuses what ValidateReplicaSet refuses', () => {
    const cases: [string, string][] = [
      [
        'no-selector.yaml',
        'The ReplicaSet "frontend" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"tier":"frontend"}: `selector` does not match template `labels`\n',
      ],
      [
        'empty-selector.yaml',
        'The ReplicaSet "frontend" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment\n',
      ],
      [
        'mismatch.yaml',
        'The ReplicaSet "frontend" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web", "tier":"backend"}: `selector` does not match template `labels`\n',
      ],
      ['negative.yaml', 'The ReplicaSet "frontend" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'],
      [
        'no-template-labels.yaml',
        'The ReplicaSet "frontend" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`\n',
      ],
      [
        'typo.yaml',
        'Error from server (BadRequest): error when creating "typo.yaml": ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica"\n',
      ],
    ];
    for (const [file, text] of cases) {
      it(file, () => {
        const s = new Session(1, FILES);
        const r = s.run(`apply -f ${file}`);
        assert.equal(r.stderr, text);
        assert.equal(r.exitCode, 1);
        assert.equal(findReplicaSet(s.cluster, 'frontend'), undefined);
      });
    }
  });
});

describe('a ReplicaSet manifest, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server;
  let kubeconfig = '';
  const dir = tempDir('nodeport-lab-rs-');

  before(async () => {
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update'];
    const discovery = { v1: [served('pods', 'Pod', ['po'], verbs)], 'apps/v1': [served('replicasets', 'ReplicaSet', ['rs'], verbs)] };
    server = createServer((req, res) => {
      const url = (req.url ?? '').split('?')[0];
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const found = discoveryAt(url ?? '', discovery);
      if (found) return send(200, found);
      const m = /^\/apis\/apps\/v1\/namespaces\/default\/replicasets\/([^/]+)$/.exec(url ?? '');
      const status = (message: string, details?: unknown) => ({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: 'NotFound',
        ...(details ? { details } : {}),
        code: 404,
      });
      if (m) return send(404, status(`replicasets.apps "${m[1]}" not found`, { name: m[1], group: 'apps', kind: 'replicasets' }));
      return send(404, status('the server could not find the requested resource'));
    });
    kubeconfig = await kubeconfigFor(server);
  });

  after(() => {
    server?.close();
  });

  // --validate=false: this server has no OpenAPI documents for the client to validate against.
  const cases = [
    'create -f rs.yaml --dry-run=client --validate=false',
    'create -f rs.yaml --dry-run=client -o yaml --validate=false',
    'apply -f rs.yaml --dry-run=client --validate=false',
    'apply -f rs.yaml --dry-run=client -o yaml --validate=false',
    'apply -f no-replicas.yaml --dry-run=client -o json --validate=false',
    'replace -f rs.yaml --dry-run=client -o yaml --validate=false',
    'delete -f rs.yaml',
    'delete -f rs.yaml --ignore-not-found',
  ];
  for (const line of cases) {
    it(`kubectl ${line}`, async () => {
      const real = await realKubectl(line.split(' '), kubeconfig, dir);
      const sim = new Session(1, FILES).run(line);
      assert.equal(sim.stdout, real.stdout);
      assert.equal(sim.stderr, real.stderr.replace(/^E\d{4} .*\n/gm, ''));
      assert.equal(sim.exitCode === 0, real.code === 0);
    });
  }
});
