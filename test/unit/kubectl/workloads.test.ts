// kubectl over deployments and the other kinds a learner asks for: create-deployment.ts, scale.ts,
// set-image.ts, rollout.ts, wait.ts, api-resources.ts, get-options.ts, workload-tables.ts,
// delete.ts (all), run-kubectl.ts (edit, commands the simulator does not model). Columns per
// pkg/printers/internalversion/printers.go; messages per staging/src/k8s.io/kubectl/pkg/cmd/*.

import { learnerPods } from '../../helpers/fixtures.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Session } from './helpers.js';

function deployed(replicas = 3): Session {
  const s = new Session(1);
  assert.equal(s.run(`create deployment web --image=nginx --replicas=${replicas} --port=80`).stdout, 'deployment.apps/web created\n');
  return s;
}

describe('a Deployment of 3 replicas behind a NodePort service', () => {
  it('get ep lists 3 endpoints, ordered by IP', () => {
    const s = deployed();
    s.wait(30);
    assert.equal(s.run('expose deployment web --type=NodePort --port=80').stdout, 'service/web exposed\n');
    const ep = s.run('get ep web').stdout.split('\n')[1] ?? '';
    const list = ep.split(/\s+/)[1] ?? '';
    const ips = list.split(',');
    assert.equal(ips.length, 3);
    assert.deepEqual(ips, [...ips].sort());
    const podIPs = learnerPods(s.cluster)
      .map((p) => `${p.status.podIP}:80`)
      .sort();
    assert.deepEqual(ips, podIPs);
    assert.match(s.run('describe svc web').stdout, /Selector:\s+app=web\n/);
  });
  it('get endpointslices names the slice SERVICE-xxxxx with the service-name label', () => {
    const s = deployed();
    s.wait(30);
    s.run('expose deployment web --port=80');
    const out = s.run('get endpointslices -l kubernetes.io/service-name=web --show-labels').stdout;
    assert.match(out, /^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\s+LABELS\n/);
    assert.match(
      out,
      /\nweb-[bcdfghjklmnpqrstvwxz2456789]{5}\s+IPv4\s+80\s+10\.244\.\S+,\S+,\S+\s+\S+\s+app=web,endpointslice\.kubernetes\.io\/managed-by=endpointslice-controller\.k8s\.io,kubernetes\.io\/service-name=web\n/,
    );
  });
});

describe('get deploy,rs,po', () => {
  it('prints one table per kind with group-qualified names, as in a comma list', () => {
    const s = deployed();
    const out = s.run('get deploy,rs,po').stdout;
    const blocks = out.split('\n\n');
    assert.equal(blocks.length, 3);
    assert.match(blocks[0]!, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ndeployment\.apps\/web\s+0\/3\s+3\s+0\s+0s\n?$/);
    assert.match(blocks[1]!, /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nreplicaset\.apps\/web-[456789bcdf]+\s+3\s+3\s+0\s+0s\n?$/);
    assert.equal(blocks[2]!.trim().split('\n').length, 4);
    assert.match(blocks[2]!, /pod\/web-[456789bcdf]+-\w{5}\s+0\/1\s+ContainerCreating/);
  });
  it('-o wide adds CONTAINERS, IMAGES and SELECTOR', () => {
    const s = deployed();
    assert.match(s.run('get rs -o wide').stdout, /CONTAINERS\s+IMAGES\s+SELECTOR\n.*\s+nginx\s+nginx\s+app=web,pod-template-hash=[456789bcdf]+\n/);
  });
  it('NotFound names the group: deployments.apps "x" not found', () => {
    assert.equal(new Session(1).run('get deploy x').stderr, 'Error from server (NotFound): deployments.apps "x" not found\n');
  });
});

describe('scale, set image, rollout', () => {
  it('scale changes the pod count', () => {
    const s = deployed();
    assert.equal(s.run('scale deployment/web --replicas=5').stdout, 'deployment.apps/web scaled\n');
    assert.equal(learnerPods(s.cluster).length, 5);
    assert.equal(s.run('scale deploy web --replicas=1').stdout, 'deployment.apps/web scaled\n');
    // The four extra pods are deleted gracefully: Terminating until their containers have stopped.
    assert.equal(learnerPods(s.cluster).filter((p) => !p.terminating).length, 1);
    assert.equal(learnerPods(s.cluster).filter((p) => p.terminating).length, 4);
    s.wait(2);
    assert.equal(learnerPods(s.cluster).length, 1);
    assert.equal(s.run('scale deploy web').stderr, 'error: required flag(s) "replicas" not set\n');
  });
  it('set image starts a new ReplicaSet; rollout status follows it to the end in virtual time', () => {
    const s = deployed();
    s.run('rollout status deployment/web');
    assert.equal(s.run('set image deployment/web nginx=nginx:1.27').stdout, 'deployment.apps/web image updated\n');
    const status = s.run('rollout status deployment/web').stdout.trim().split('\n');
    assert.equal(status[0], 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    assert.ok(status.includes('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...'));
    assert.equal(status[status.length - 1], 'deployment "web" successfully rolled out');
    // The last old pod is still Terminating when the rollout is done.
    assert.ok(learnerPods(s.cluster).every((p) => p.terminating !== undefined || p.spec.containers[0]?.image === 'nginx:1.27'));
    s.wait(2);
    assert.ok(learnerPods(s.cluster).every((p) => p.spec.containers[0]?.image === 'nginx:1.27'));
    assert.equal(s.run('set image deployment/web nope=x').stderr, 'error: unable to find container named "nope"\n');
  });
  it('a first rollout waits for each replica to become available', () => {
    const s = deployed();
    assert.deepEqual(s.run('rollout status deploy/web').stdout.trim().split('\n'), [
      'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...',
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...',
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
      'deployment "web" successfully rolled out',
    ]);
  });
  it('a deleted pod of a ReplicaSet is replaced', () => {
    const s = deployed();
    const name = learnerPods(s.cluster)[0]!.metadata.name;
    s.run(`delete pod ${name}`);
    assert.equal(learnerPods(s.cluster).length, 3);
    assert.ok(!learnerPods(s.cluster).some((p) => p.metadata.name === name));
  });
});

describe('events, namespaces, wait, api-resources', () => {
  it('get events --field-selector involvedObject.name=... and --sort-by', () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    s.run('run api --image=nginx');
    s.wait(20);
    const out = s.run('get events --field-selector involvedObject.name=web --sort-by=.metadata.creationTimestamp').stdout;
    const lines = out.trim().split('\n');
    assert.match(lines[0]!, /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    assert.ok(lines.slice(1).every((l) => /\spod\/web\s/.test(l)));
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(/\s+/)[2]),
      ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
    );
  });
  it("get ns lists the four built-in namespaces and flannel's kube-flannel (its Documentation/kube-flannel.yml)", () => {
    const out = new Session(1).run('get ns').stdout;
    assert.deepEqual(
      out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
      ['default Active', 'kube-flannel Active', 'kube-node-lease Active', 'kube-public Active', 'kube-system Active'],
    );
  });
  it("wait --for=condition=Ready lets time pass; --timeout runs out with kubectl's words", () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    const before = s.cluster.now;
    assert.equal(s.run('wait --for=condition=Ready pod/web').stdout, 'pod/web condition met\n');
    assert.ok(s.cluster.now > before);
    s.run('run slow --image=nginx');
    assert.equal(s.run('wait --for=condition=Ready pod/slow --timeout=100ms').stderr, 'error: timed out waiting for the condition on pods/slow\n');
  });
  it('api-resources lists deployments in apps/v1', () => {
    assert.match(new Session(1).run('api-resources').stdout, /\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n/);
  });
  it('-o custom-columns prints <none> where a path reaches nothing', () => {
    const s = new Session(1);
    s.run('run web --image=nginx --port=80');
    s.run('run bare --image=nginx');
    assert.equal(
      s.run('get pods -o custom-columns=NAME:.metadata.name,PORT:.spec.containers[0].ports[0].containerPort').stdout,
      'NAME   PORT\nbare   <none>\nweb    80\n',
    );
    assert.equal(s.run('get pods -o jsonpath-as-json={.items[*].metadata.name}').stdout, '[\n    "bare",\n    "web"\n]\n');
  });
});

describe('what the simulator does not model says so', () => {
  it('edit names patch and apply', () => {
    const r = new Session(1).run('edit svc kubernetes');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /no text editor.*kubectl patch.*kubectl apply -f FILE\n$/);
  });
  it('a kubectl command without a model points to those that work, in one line', () => {
    const r = new Session(1).run('top pods');
    assert.equal(r.stderr.split('\n').length, 2);
    assert.match(r.stderr, /^error: "kubectl top" is not part of this simulated cluster; try get, .*scale.*rollout/);
  });
  it('create deployment is no longer refused with "unknown flag: --image"', () => {
    assert.doesNotMatch(new Session(1).run('create deployment web --image=nginx').stderr, /unknown flag/);
  });
  it('delete all --all deletes pods, services, deployments and replicasets in that order', () => {
    const s = deployed(1);
    s.run('expose deployment web --port=80');
    const lines = s.run('delete all --all').stdout.trim().split('\n');
    assert.match(lines[0]!, /^pod "web-\S+" deleted$/);
    assert.deepEqual(lines.slice(1, 4), ['service "kubernetes" deleted', 'service "web" deleted', 'deployment.apps "web" deleted']);
    assert.match(lines[4]!, /^replicaset\.apps "web-\S+" deleted$/);
    assert.equal(learnerPods(s.cluster).length, 0);
  });
});

describe('patch (strategic merge, --type=merge, --type=json)', () => {
  function exposed(): Session {
    const s = new Session(1);
    s.run('run web --image=nginx --port=80');
    s.run('expose pod web --port=80');
    return s;
  }
  it('a strategic merge patch turns a ClusterIP service into a NodePort one; the same again is no change', () => {
    const s = exposed();
    assert.equal(s.run(`patch svc web -p '{"spec":{"type":"NodePort"}}'`).stdout, 'service/web patched\n');
    assert.equal(s.cluster.services.find((x) => x.metadata.name === 'web')?.spec.type, 'NodePort');
    assert.equal(s.run(`patch svc web -p '{"spec":{"type":"NodePort"}}'`).stdout, 'service/web patched (no change)\n');
  });
  it('strategic merge keeps the other ports (merged by port); a merge patch replaces the list', () => {
    const s = exposed();
    // Two ports must both be named: the API says so for the first.
    assert.equal(
      s.run(`patch svc web -p '{"spec":{"ports":[{"name":"b","port":81,"targetPort":80}]}}'`).stderr,
      'The Service "web" is invalid: spec.ports[0].name: Required value\n',
    );
    s.run(`patch svc web -p '{"spec":{"ports":[{"name":"a","port":80},{"name":"b","port":81,"targetPort":80}]}}'`);
    assert.deepEqual(
      s.cluster.services.find((x) => x.metadata.name === 'web')?.spec.ports.map((p) => p.port),
      [80, 81],
    );
    s.run(`patch svc web --type=merge -p '{"spec":{"ports":[{"port":82,"targetPort":80}]}}'`);
    assert.deepEqual(
      s.cluster.services.find((x) => x.metadata.name === 'web')?.spec.ports.map((p) => p.port),
      [82],
    );
  });
  it('a JSON patch sets one field; YAML is read as kubectl reads it', () => {
    const s = exposed();
    s.run(`patch svc web -p '{spec: {type: NodePort}}'`);
    assert.equal(s.run(`patch svc web --type=json -p '[{"op":"replace","path":"/spec/ports/0/nodePort","value":31001}]'`).stdout, 'service/web patched\n');
    assert.equal(s.cluster.services.find((x) => x.metadata.name === 'web')?.spec.ports[0]?.nodePort, 31001);
  });
  it('a pod may change its image and labels, not the rest of its spec', () => {
    const s = exposed();
    assert.equal(s.run(`patch pod web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}'`).stdout, 'pod/web patched\n');
    assert.equal(learnerPods(s.cluster)[0]?.spec.containers[0]?.image, 'nginx:1.27');
    const r = s.run(`patch pod web -p '{"spec":{"restartPolicy":"Never"}}'`);
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/);
    // ValidatePodUpdate appends go-cmp's diff of the internal core.PodSpec (pod-spec-diff.test.ts);
    // kubectl's MultilineError adds its own newline after the diff's (test/e2e/serve-patch.test.ts).
    assert.match(r.stderr, /negative\)\n {2}core\.PodSpec\{\n {2}\t\.\.\. \/\/ 2 identical fields\n/);
    assert.match(r.stderr, /\n- \tRestartPolicy: {17}"Always",\n\+ \tRestartPolicy: {17}"Never",\n/);
    assert.ok(r.stderr.endsWith('\t... // 27 identical fields\n  }\n\n'), r.stderr);
  });
  it('apply of a pod manifest with another containerPort is refused with the diff of the port', () => {
    const manifest = (port: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: ${port}\n`;
    const s = new Session(1, { 'a.yaml': manifest(80), 'b.yaml': manifest(8080) });
    assert.equal(s.run('apply -f a.yaml').stdout, 'pod/app created\n');
    const r = s.run('apply -f b.yaml');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /^The Pod "app" is invalid: spec: Forbidden: pod updates may not change fields other than /);
    assert.match(r.stderr, /\n- \t\t\t\t\tContainerPort: 80,\n\+ \t\t\t\t\tContainerPort: 8080,\n/);
    assert.ok(r.stderr.endsWith('\t... // 29 identical fields\n  }\n\n'), r.stderr);
  });
});

describe('get -w (watch.ts)', () => {
  it('prints the table, then each changed row as the clock brings it, in the columns the table set, then stops with nothing pending', () => {
    const s = deployed(2);
    const before = s.cluster.now;
    const lines = s.run('get pods -w').stdout.trim().split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[1]!, /ContainerCreating/);
    // kubectl's tabwriter remembers widths across flushes (cli-runtime GetNewTabWriter: RememberWidths):
    // STATUS stays as wide as "ContainerCreating" was.
    assert.match(lines[3]!, /^web-\S+ {3}1\/1 {5}Running {13}0 {10}\d+s$/);
    assert.equal(lines[3]!.indexOf('Running'), lines[0]!.indexOf('STATUS'));
    assert.equal(lines[4]!.indexOf('0 '), lines[0]!.indexOf('RESTARTS'));
    assert.ok(s.cluster.now > before);
    assert.equal(s.run('get pods -w').stdout.trim().split('\n').length, 3);
  });
});
