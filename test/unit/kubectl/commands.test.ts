import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LECTURE_POD, LECTURE_SERVICE, Session } from './helpers.js';

describe('the lecture, imperatively', () => {
  it('run, get, expose, get svc, describe, with the node port from the dynamic band', () => {
    const s = new Session(7);
    assert.equal(s.run('kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0').stdout, 'pod/my-first-pod created\n');
    const creating = s.run('kubectl get pods').stdout.split('\n');
    assert.equal(creating[0], 'NAME           READY   STATUS              RESTARTS   AGE');
    assert.equal(creating[1], 'my-first-pod   0/1     ContainerCreating   0          0s');
    s.wait(20);
    const running = s.run('kubectl get pods -o wide').stdout.split('\n');
    assert.equal(running[0], 'NAME           READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES');
    assert.match(running[1] ?? '', /^my-first-pod {3}1\/1 {5}Running {3}0 {10}20s {3}10\.244\.[12]\.\d+ {3}worker-[12] {3}<none> {11}<none>$/);

    assert.equal(s.run('kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service').stdout, 'service/my-first-service exposed\n');
    const svc = s.cluster.services.find((x) => x.metadata.name === 'my-first-service');
    const nodePort = svc?.spec.ports[0]?.nodePort ?? 0;
    assert.ok(nodePort >= 30086 && nodePort <= 32767);
    const table = s.run('kubectl get svc').stdout.split('\n');
    assert.match(table[0] ?? '', /^NAME {15}TYPE {8}CLUSTER-IP {6}EXTERNAL-IP {3}PORT\(S\) {8}AGE$/);
    assert.match(table[2] ?? '', new RegExp(`^my-first-service   NodePort    10\\.\\d+\\.\\d+\\.\\d+ +<none>        80:${nodePort}/TCP   0s$`));

    const describe = s.run('kubectl describe service my-first-service').stdout;
    assert.match(describe, /^Port: {21}<unset> {2}80\/TCP$/m);
    assert.match(describe, /^TargetPort: {15}80\/TCP$/m);
    assert.match(describe, new RegExp(`^NodePort:                 <unset>  ${nodePort}/TCP$`, 'm'));
    assert.match(describe, /^Endpoints: {16}10\.244\.\d+\.\d+:80$/m);
    assert.match(describe, /^External Traffic Policy: {2}Cluster$/m);
  });

  it('--port=81 without --target-port sends traffic to 81, where nothing listens', () => {
    const s = new Session(3);
    s.run('run my-first-pod --image stacksimplify/kubenginx:1.0.0');
    s.wait(10);
    s.run('expose pod my-first-pod --type=NodePort --port=81 --name=svc81');
    s.run('expose pod my-first-pod --type=NodePort --port=81 --target-port=80 --name=svc81to80');
    assert.match(s.run('get ep svc81').stdout, /10\.244\.\d+\.\d+:81 /);
    assert.match(s.run('get ep svc81to80').stdout, /10\.244\.\d+\.\d+:80 /);
  });
});

describe('the lecture, declaratively', () => {
  it('apply creates, then reports unchanged, then configured after an edit', () => {
    const files = { 'pod.yml': LECTURE_POD, 'svc.yml': LECTURE_SERVICE, 'svc2.yml': LECTURE_SERVICE.replace('nodePort: 31231', 'nodePort: 31232') };
    const s = new Session(1, files);
    assert.equal(s.run('kubectl apply -f pod.yml -f svc.yml').stdout, 'pod/myapp-pod created\nservice/myapp-pod-nodeport-service created\n');
    assert.equal(s.run('kubectl apply -f svc.yml').stdout, 'service/myapp-pod-nodeport-service unchanged\n');
    assert.equal(s.run('kubectl apply -f svc2.yml').stdout, 'service/myapp-pod-nodeport-service configured\n');
    assert.match(s.run('kubectl get svc myapp-pod-nodeport-service').stdout, /80:31232\/TCP/);
    const yaml = s.run('kubectl get svc myapp-pod-nodeport-service -o yaml').stdout;
    assert.match(
      yaml,
      /^ {4}kubectl\.kubernetes\.io\/last-applied-configuration: \|\n {6}\{"apiVersion":"v1","kind":"Service","metadata":\{"annotations":\{\},"name":"myapp-pod-nodeport-service","namespace":"default"\}/m,
    );
    assert.match(yaml, /^ {2}- name: http\n {4}nodePort: 31232\n {4}port: 80\n {4}protocol: TCP\n {4}targetPort: 80$/m);
  });

  it('warns when applying onto an object made imperatively', () => {
    const s = new Session(1, { 'svc.yml': LECTURE_SERVICE.replace('myapp-pod-nodeport-service', 'web') });
    s.run('create service nodeport web --tcp=80:80');
    const r = s.run('apply -f svc.yml');
    assert.equal(
      r.stderr,
      'Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    assert.equal(r.stdout, 'service/web configured\n');
    assert.equal(r.exitCode, 0);
  });

  it('create -f twice with a fixed nodePort fails on the allocation, not on the name', () => {
    const s = new Session(1, { 'svc.yml': LECTURE_SERVICE, 'pod.yml': LECTURE_POD });
    s.run('create -f svc.yml');
    const again = s.run('create -f svc.yml');
    assert.equal(
      again.stderr,
      'The Service "myapp-pod-nodeport-service" is invalid: spec.ports[0].nodePort: Invalid value: 31231: provided port is already allocated\n',
    );
    s.run('create -f pod.yml');
    assert.equal(s.run('create -f pod.yml').stderr, 'Error from server (AlreadyExists): error when creating "pod.yml": pods "myapp-pod" already exists\n');
  });
});

describe('errors, exactly as kubectl prints them', () => {
  const table: [string, string, string][] = [
    ['get pods nope', '', 'Error from server (NotFound): pods "nope" not found\n'],
    ['get pods', '', 'No resources found in default namespace.\n'],
    ['get foo', '', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['describe pod nope', '', 'Error from server (NotFound): pods "nope" not found\n'],
    ['delete pod nope', '', 'Error from server (NotFound): pods "nope" not found\n'],
    ['delete pod', '', 'error: resource(s) were provided, but no name was specified\n'],
    ['run x --generator=run-pod/v1 --image=y', '', "error: unknown flag: --generator\nSee 'kubectl run --help' for usage.\n"],
    ['get pods --foo', '', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -l', '', "error: flag needs an argument: 'l' in -l\nSee 'kubectl get --help' for usage.\n"],
    ['gett pods', '', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n'],
    ['xyzzy', '', 'error: unknown command "xyzzy" for "kubectl"\n'],
    [
      'exec my-pod env',
      '',
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    ],
    ['exec my-pod', '', 'error: you must specify at least one command for the container\n'],
    ['create service nodeport x', '', 'error: at least one tcp port specifier must be provided\n'],
    ['create service nodeport', '', "error: exactly one NAME is required, got 0\nSee 'kubectl create service nodeport -h' for help and examples\n"],
    [
      'create service nodeport x --tcp=80 --node-port=abc',
      '',
      'error: invalid argument "abc" for "--node-port" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl create service nodeport --help\' for usage.\n',
    ],
    ['run x', '', 'error: required flag(s) "image" not set\n'],
    // cobra checks --image (a required flag) before run.go looks for NAME: the real client says so.
    ['run', '', 'error: required flag(s) "image" not set\n'],
    ['run --image=nginx', '', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ['apply', '', 'error: must specify one of -f and -k\n'],
    ['apply -f nope.yaml', '', 'error: the path "nope.yaml" does not exist\n'],
    ['expose pod nope --port=80', '', 'Error from server (NotFound): pods "nope" not found\n'],
  ];
  for (const [line, stdout, stderr] of table) {
    it(line, () => {
      const s = new Session(1);
      const r = s.run(line);
      assert.equal(r.stdout, stdout);
      assert.equal(r.stderr, stderr);
      assert.equal(r.exitCode, line === 'get pods' ? 0 : 1);
    });
  }

  it('expose of a pod without labels, and without ports', () => {
    const s = new Session(1, {
      'bare.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    });
    s.run('apply -f bare.yml');
    assert.equal(
      s.run('expose pod bare --port=80').stderr,
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    );
    s.run('run noports --image=nginx');
    assert.equal(s.run('expose pod noports').stderr, "error: couldn't find port via --port flag or introspection\n");
  });

  it('several validation causes come as a list under the header', () => {
    const s = new Session(1, {
      'bad.yml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  type: ClusterIP\n  ports:\n  - port: 80\n    nodePort: 31000\n  - port: 443\n',
    });
    assert.equal(
      s.run('apply -f bad.yml').stderr,
      'The Service "bad" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n* spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'\n',
    );
  });

  // create_service.go wraps the API's Status: `failed to create %s service: %v` (the real kubectl 1.32
  // prints exactly this against the lab's API server: test/e2e/serve-kubectl.test.ts).
  it('an out-of-range nodePort from create service is rejected by the server, not by kubectl', () => {
    const s = new Session(1);
    assert.match(s.run('create service nodeport x --tcp=80:80 --node-port=99999 --dry-run=client -o yaml').stdout, /nodePort: 99999/);
    assert.equal(
      s.run('create service nodeport x --tcp=80:80 --node-port=99999').stderr,
      'error: failed to create NodePort service: Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 99999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });
});

describe('other verbs', () => {
  it('logs, exec env and cat, label, delete', () => {
    const s = new Session(2);
    s.run('run web --image stacksimplify/kubenginx:1.0.0 --port=80');
    assert.equal(s.run('logs web').stderr, 'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
    s.wait(15);
    s.run('expose pod web --type=NodePort --port=80');
    s.run('run client --image nginx');
    s.wait(15);
    const env = s.run('exec client -- env').stdout.split('\n');
    assert.equal(env[0], 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    assert.equal(env[1], 'HOSTNAME=client');
    assert.ok(
      env.some((l) => /^WEB_SERVICE_HOST=10\.\d+\.\d+\.\d+$/.test(l)),
      'service env var for a service made before the pod',
    );
    assert.match(s.run('exec web -- cat /usr/share/nginx/html/index.html').stdout, /Welcome to Stack Simplify/);
    assert.equal(s.run('exec web -- cat /nope').exitCode, 1);
    assert.equal(s.run('label pod web tier=frontend').stdout, 'pod/web labeled\n');
    assert.equal(s.run('label pod web tier=backend').stderr, "error: 'tier' already has a value (frontend), and --overwrite is false\n");
    assert.match(s.run('get pods web --show-labels').stdout, /run=web,tier=frontend/);
    assert.equal(s.run('delete pod web').stdout, 'pod "web" deleted\n');
    // kubectl waited the second the container took to stop.
    assert.equal(s.run('get ep web').stdout.split('\n')[1], 'web    <none>      16s', 'no endpoints once the pod is gone');
  });

  it('get -o name, -o jsonpath, -l selector', () => {
    const s = new Session(4);
    s.run('run a --image nginx --labels=app=one');
    s.run('run b --image nginx --labels=app=two');
    assert.equal(s.run('get pods -o name').stdout, 'pod/a\npod/b\n');
    assert.equal(s.run('get pods -l app=two -o name').stdout, 'pod/b\n');
    s.run('create service nodeport web --tcp=80:80 --node-port=31500');
    assert.equal(s.run(`get svc web -o jsonpath='{.spec.ports[0].nodePort}'`).stdout, '31500');
  });

  it('version, cluster-info, explain, help', () => {
    const s = new Session(1);
    assert.equal(s.run('version').stdout, 'Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    assert.match(s.run('cluster-info').stdout, /^Kubernetes control plane is running at https:\/\/192\.168\.49\.2:6443$/m);
    const explain = s.run('explain service.spec.ports.nodePort').stdout;
    assert.match(explain, /^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: nodePort <integer>\n/);
    assert.match(s.run('explain svc.spec.ports').stdout, /^ {2}targetPort\t<IntOrString>$/m);
    assert.match(s.run('run --help').stdout, /^Create and run a particular image in a pod\.\n/);
  });
});
