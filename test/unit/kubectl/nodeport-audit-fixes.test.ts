// What the NodePort part of the fidelity audit (test/helpers/audit-cases.ts, `nodePort`) found
// different from kubectl 1.32 against a cluster, checked on the sandbox alone: run --expose, set
// selector, replace -f, create service's per-kind flags, and what a server dry run answers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Session } from './helpers.js';

const SVC =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: 80\n      nodePort: 30080\n';
const SVC_REPLACED =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: other\n  ports:\n    - name: web\n      port: 8080\n      targetPort: 80\n';

describe('kubectl run --expose (run.go generateService)', () => {
  it('needs --port, as a usage error', () => {
    const r = new Session(1).run('run np --image=nginx --expose');
    assert.equal(r.stderr, "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
    assert.equal(r.exitCode, 1);
  });

  it('makes a ClusterIP Service selecting the pod, named after it, then the pod', () => {
    const s = new Session(1);
    assert.equal(s.run('run np --image=nginx --port=8080 --expose').stdout, 'service/np created\npod/np created\n');
    assert.equal(
      s.run("get svc np -o 'jsonpath={.spec.type} {.spec.selector} {.spec.ports[0].port}:{.spec.ports[0].targetPort}'").stdout,
      'ClusterIP {"run":"np"} 8080:8080',
    );
    assert.equal(s.run('get svc np -o jsonpath={.metadata.labels}').stdout, '');
    s.wait(8);
    assert.match(s.run('get ep np').stdout, /np\s+10\.\d+\.\d+\.\d+:8080/);
  });

  it('prints the Service, two separators, then the Pod for a client dry run; the labels go on the Service only when given', () => {
    const s = new Session(1);
    const plain = s.run('run np --image=nginx --port=80 --expose --dry-run=client -o yaml').stdout;
    const [service = '', pod = ''] = plain.split('---\n---\n');
    assert.match(service, /^apiVersion: v1\nkind: Service\n/);
    assert.doesNotMatch(service, /labels:/);
    assert.match(pod, /^apiVersion: v1\nkind: Pod\n/);
    const labelled = s.run('run np --image=nginx --port=80 --labels=a=b --expose --dry-run=client -o yaml').stdout;
    assert.match(labelled.split('---\n')[0] ?? '', /metadata:\n {2}creationTimestamp: null\n {2}labels:\n {4}a: b\n/);
    assert.equal(s.run('get svc np').exitCode, 1, 'a dry run keeps nothing');
  });

  it('makes the pod first: a pod of that name stops it before any Service is made', () => {
    const s = new Session(1);
    s.run('run np --image=nginx');
    assert.equal(s.run('run np --image=nginx --port=80 --expose').stderr, 'Error from server (AlreadyExists): pods "np" already exists\n');
    assert.equal(s.run('get svc np').exitCode, 1);
    const yaml = s.run('run np2 --image=nginx --port=80 --expose --dry-run=server -o yaml').stdout;
    assert.match(yaml, /^apiVersion: v1\nkind: Service\n[^]*\n---\n---\napiVersion: v1\nkind: Pod\n/);
  });
});

describe('kubectl set selector (set_selector.go)', () => {
  it('replaces the Service selector whole, and the endpoints follow it', () => {
    const s = new Session(1);
    s.run('run a --image=nginx --labels=tier=web');
    s.run('create service nodeport np --tcp=80:80');
    s.wait(8);
    assert.equal(s.run('get ep np -o jsonpath={.subsets}').stdout, '');
    assert.equal(s.run('set selector svc np tier=web').stdout, 'service/np selector updated\n');
    assert.equal(s.run('get svc np -o jsonpath={.spec.selector}').stdout, '{"tier":"web"}');
    assert.match(s.run('get ep np').stdout, /:80/);
    assert.equal(s.run('set selector svc/np app=np').stdout, 'service/np selector updated\n');
    assert.equal(s.run('get svc np -o jsonpath={.spec.selector}').stdout, '{"app":"np"}');
    assert.equal(s.run('set selector svc np app=x --dry-run=client').stdout, 'service/np selector updated (dry run)\n');
    assert.equal(s.run('get svc np -o jsonpath={.spec.selector}').stdout, '{"app":"np"}');
  });

  it('answers the argument errors as kubectl does', () => {
    const s = new Session(1);
    assert.equal(s.run('set selector').stderr, 'error: one selector is required\n');
    assert.match(s.run('set selector svc').stderr, /^error: You must provide one or more resources/);
    assert.equal(s.run('set selector svc nope').stderr, 'error: resource(s) were provided, but no name was specified\n');
    assert.equal(s.run('set selector svc nope app=x').stderr, 'Error from server (NotFound): services "nope" not found\n');
    assert.equal(s.run('set selector svc kubernetes a=b,c').stderr, 'error: match expression [{c Exists []}] not supported on this object\n');
    assert.equal(s.run('set selector svc kubernetes app!=x').stderr, 'error: "!=" is not a valid label selector operator\n');
    s.run('create deployment web --image=nginx');
    assert.equal(s.run('set selector deploy web app=x').stderr, 'error: setting a selector is only supported for Services\n');
    assert.equal(s.run('set selector deploy nope app=x').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
    assert.match(s.run('set selector svc kubernetes a=b -o yaml').stdout, /selector:\n {4}a: b\n/);
  });
});

describe('kubectl replace -f (replace.go, a PUT of the whole Service)', () => {
  it('puts the file in place of the live Service, keeping its clusterIP, dropping what the file leaves out', () => {
    const s = new Session(1, { 'svc.yml': SVC, 'replaced.yml': SVC_REPLACED });
    s.run('apply -f svc.yml');
    const ip = s.run('get svc web -o jsonpath={.spec.clusterIP}').stdout;
    assert.equal(s.run('replace -f replaced.yml').stdout, 'service/web replaced\n');
    assert.equal(s.run('get svc web -o jsonpath={.spec.clusterIP}').stdout, ip);
    assert.equal(s.run("get svc web -o 'jsonpath={.spec.ports[0].name}:{.spec.ports[0].port} {.spec.selector.app}'").stdout, 'web:8080 other');
    assert.match(s.run('get svc web -o jsonpath={.spec.ports[0].nodePort}').stdout, /^3\d{4}$/);
    assert.equal(s.run('get svc web -o jsonpath={.metadata.labels}').stdout, '');
    assert.equal(s.run('get svc web -o jsonpath={.metadata.annotations}').stdout, '', 'the last applied configuration goes too');
  });

  it('a Service not there is NotFound, per file; no -f is refused', () => {
    const s = new Session(1, { 'replaced.yml': SVC_REPLACED });
    const r = s.run('replace -f replaced.yml');
    assert.equal(r.stderr, 'Error from server (NotFound): error when replacing "replaced.yml": services "web" not found\n');
    assert.equal(r.exitCode, 1);
    assert.equal(s.run('replace').stderr, 'error: must specify one of -f and -k\n');
  });
});

describe('kubectl create service: each kind its own flags (create_service.go)', () => {
  it('--node-port belongs to nodeport only, --clusterip to clusterip only', () => {
    const s = new Session(1);
    assert.equal(
      s.run('create service clusterip np --tcp=80:8080 --node-port=30001').stderr,
      "error: unknown flag: --node-port\nSee 'kubectl create service clusterip --help' for usage.\n",
    );
    assert.equal(
      s.run('create service loadbalancer np --tcp=80 --clusterip=None').stderr,
      "error: unknown flag: --clusterip\nSee 'kubectl create service loadbalancer --help' for usage.\n",
    );
    assert.equal(s.run('get svc np').exitCode, 1);
  });

  it('a headless Service without ports prints no ports field (ServiceSpec.Ports is omitempty)', () => {
    const out = new Session(1).run('create service clusterip np --clusterip=None --dry-run=client -o yaml').stdout;
    assert.doesNotMatch(out, /ports/);
    assert.match(out, /clusterIP: None/);
  });
});

describe('a server dry run of a create answers the object made, without a resourceVersion (dryrun.go)', () => {
  it('has the uid, clusterIP and nodePort the registry picked, and keeps nothing', () => {
    const s = new Session(1);
    const out = s.run('create service nodeport np --tcp=80:8080 --dry-run=server -o yaml').stdout;
    assert.match(out, /uid: /);
    assert.match(out, /clusterIP: 10\./);
    assert.match(out, /nodePort: 3\d{4}/);
    assert.doesNotMatch(out, /resourceVersion/);
    assert.equal(s.run('get svc np').exitCode, 1);
    s.run('run web --image=nginx --port=80');
    const exposed = s.run('expose pod web --type=NodePort --port=80 --dry-run=server -o json').stdout;
    assert.doesNotMatch(exposed, /resourceVersion/);
    assert.match(exposed, /"nodePort": 3\d{4}/);
  });
});
