// Tier: slow
// The course on a real cluster, end to end: the built CLI with `--cluster`, the real kubectl 1.32,
// and `nodeport-lab serve` standing in for the cluster (its API on 127.0.0.1, its clock running
// fast so that pods start in a moment). Consent, the namespace made and labelled, a lesson's do
// steps met through the real kubectl with goals read through the API, the guard refusing what is
// not ours, and clean-up leaving no namespace of ours.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const NS = 'nodeport-lab-sandbox';
const LABEL = 'app.kubernetes.io/managed-by';

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with lines on stdin; `answer` may send more lines once the output shows something. */
function cli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  lines: readonly string[],
  answer?: (stdout: string, send: (line: string) => void, end: () => void) => void,
  cwd?: string,
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ended = false;
    const send = (line: string) => child.stdin.write(`${line}\n`);
    const end = () => {
      if (!ended) child.stdin.end();
      ended = true;
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      answer?.(stdout, send, end);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    for (const line of lines) send(line);
    if (!answer) end();
  });
}

describe(
  'the course on a real cluster (serve standing in for it)',
  { skip: KUBECTL && existsSync(CLI) ? false : 'needs kubectl 1.32 and a build (npm run build)' },
  () => {
    let server: RunningServer;
    const home = tempDir('nodeport-lab-real-');
    const work = tempDir('nodeport-lab-real-work-');
    // The CLI's temporary files (its private kubeconfig copies) go to a folder of this test's own:
    // other tests running beside it make copies in the shared one.
    const temp = tempDir('nodeport-lab-real-tmp-');
    let env: NodeJS.ProcessEnv;
    const start = Date.now();

    before(async () => {
      // The cluster's clock runs ten times as fast as the wall clock: pods are Ready within a second.
      server = await startServer({ seed: 11, port: 0, home: join(home, 'serve'), clock: () => start + (Date.now() - start) * 10, log: () => undefined });
      env = { ...process.env, KUBECONFIG: server.kubeconfig, NODEPORT_LAB_HOME: join(home, 'lab'), NO_COLOR: '1', TMPDIR: temp };
      writeFileSync(
        join(work, 'elsewhere.yml'),
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sneaky\n  namespace: kube-system\nspec:\n  containers: [{name: c, image: nginx}]\n',
      );
      writeFileSync(
        join(work, 'web.yml'),
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-file\n  labels: {app: web}\nspec:\n  containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]\n',
      );
    });
    after(async () => {
      await server.stop();
    });

    // The namespaces that are not on their way out: a deleted namespace stays Terminating while the
    // namespace controller empties it, on the lab as on a real cluster.
    const namespaces = async (): Promise<{ name: string; labels: Record<string, string> }[]> => {
      const run = await realKubectl(['get', 'namespaces', '-o', 'json'], server.kubeconfig);
      assert.equal(run.code, 0, run.stderr);
      type Item = { metadata: { name: string; labels?: Record<string, string>; deletionTimestamp?: string } };
      return (JSON.parse(run.stdout) as { items: Item[] }).items
        .filter((i) => i.metadata.deletionTimestamp === undefined)
        .map((i) => ({ name: i.metadata.name, labels: i.metadata.labels ?? {} }));
    };

    it('without a terminal and without --yes: shows the consent screen, touches nothing', async () => {
      const ran = await cli(['sandbox', '--cluster'], env, ['kubectl run web --image nginx']);
      assert.equal(ran.code, 2);
      assert.match(
        ran.stderr,
        /nodeport-lab is about to use a real cluster:\n {2}context {5}nodeport-lab\n {2}server {6}http:\/\/127\.0\.0\.1:\d+\n {2}Kubernetes {2}v1\.32\.2\n {2}flavour {5}nodeport-lab's own API \(serve\)/,
      );
      assert.match(ran.stderr, /give --yes to agree/);
      assert.ok(!(await namespaces()).some((n) => n.name.startsWith('nodeport-lab-')));
    });

    it('a context that looks shared needs --yes-really', async () => {
      const kubeconfig = join(home, 'shared-config');
      writeFileSync(kubeconfig, readFileSync(server.kubeconfig, 'utf8').replaceAll('nodeport-lab', 'team-cluster'));
      const refused = await cli(['sandbox', '--cluster', '--yes'], { ...env, KUBECONFIG: kubeconfig }, ['kubectl get pods']);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /flavour {5}a remote cluster/);
      assert.match(refused.stderr, /context "team-cluster" looks shared or cloud; .* --yes-really/);
      assert.ok(!(await namespaces()).some((n) => n.name.startsWith('nodeport-lab-')));
    });

    it('in a terminal: asks once, and a no touches nothing; a yes gives a prompt on the real cluster', { skip: tmuxMissing() }, async () => {
      const vars = { KUBECONFIG: server.kubeconfig, NODEPORT_LAB_HOME: join(home, 'lab'), PATH: process.env.PATH ?? '' };
      const no = new Terminal(`node ${CLI} sandbox --cluster`, { columns: 120, rows: 30 }, vars);
      try {
        await no.waitFor((t) => t.includes('Go on? [y/N]'));
        assert.match(no.screen(), /context {5}nodeport-lab/);
        no.keys('n', 'Enter');
        assert.equal((await no.exited()).code, 1);
        assert.match(no.screen(), /nothing was touched/);
      } finally {
        no.close();
      }
      assert.ok(!(await namespaces()).some((n) => n.name.startsWith('nodeport-lab-')));
      const yes = new Terminal(`node ${CLI} sandbox --cluster`, { columns: 120, rows: 30 }, vars);
      try {
        await yes.waitFor((t) => t.includes('Go on? [y/N]'));
        yes.keys('y', 'Enter');
        await yes.waitFor((t) => t.includes('type help for what runs here'));
        yes.keys('kubectl get pods', 'Enter');
        await yes.waitFor((t) => t.includes('No resources found in nodeport-lab-sandbox namespace.'));
        yes.keys('C-d');
        assert.equal((await yes.exited()).code, 0);
      } finally {
        yes.close();
      }
    });

    it('refuses clearly when kubectl is missing or the cluster does not answer', async () => {
      const bin = join(home, 'empty-bin');
      mkdirSync(bin, { recursive: true });
      const missing = await cli(['sandbox', '--cluster', '--yes'], { ...env, PATH: bin }, []);
      assert.equal(missing.code, 1);
      assert.equal(missing.stderr, 'nodeport-lab: kubectl is not on your PATH: install it (https://kubernetes.io/docs/tasks/tools/) and run this again.\n');
      const down = join(home, 'down-config');
      writeFileSync(down, readFileSync(server.kubeconfig, 'utf8').replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9'));
      const unreachable = await cli(['sandbox', '--cluster', '--yes'], { ...env, KUBECONFIG: down }, []);
      assert.equal(unreachable.code, 1);
      assert.match(unreachable.stderr, /^nodeport-lab: the cluster of context "nodeport-lab" does not answer at http:\/\/127\.0\.0\.1:9: .*\nStart it first/);
      const unknown = await cli(['sandbox', '--cluster', 'nope', '--yes'], env, []);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /kubectl cannot read that context: .*nope.*\nSee your contexts with: kubectl config get-contexts/);
    });

    it('sandbox --cluster: the real kubectl in our labelled namespace; what is not ours is refused', async () => {
      const copies = () =>
        readdirSync(temp)
          .filter((n) => n.startsWith('nodeport-lab-cluster-'))
          .sort();
      const before = copies();
      // Pods not on their way out (an earlier test's namespace may still be Terminating, its pods going).
      const allPods = async () =>
        (
          await realKubectl(
            ['get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}={.metadata.deletionTimestamp} {end}'],
            server.kubeconfig,
          )
        ).stdout
          .trim()
          .split(' ')
          .filter((p) => p.includes('/') && p.endsWith('='))
          .map((p) => p.slice(0, -1))
          .sort();
      const othersBefore = (await allPods()).filter((p) => !p.startsWith(`${NS}/`));
      const ran = await cli(
        ['sandbox', '--cluster', '--yes'],
        env,
        [
          'kubectl run web --image nginx --labels app=web',
          'kubectl apply -f web.yml',
          'kubectl apply -f pod-definition.yml',
          'kubectl get pods -n kube-system',
          'kubectl delete namespace default',
          'kubectl apply -f elsewhere.yml',
          'kubectl get pods --context other',
          'kubectl get pods -A',
          'kubectl create service nodeport web --tcp=80:80',
          'sleep 1',
          'kubectl get pods -o name',
          'trace http://127.0.0.1:31231',
          'rm -rf /',
        ],
        undefined,
        work,
      );
      // pod-definition.yml is a course manifest: the folder has no such file, the course's copy is applied.
      assert.match(ran.stdout, /^pod\/web created\npod\/from-file created\npod\/myapp-pod created\n/);
      assert.match(ran.stdout, /service\/web created\n/);
      assert.match(ran.stdout, /pod\/from-file\npod\/myapp-pod\npod\/web\n/);
      assert.match(ran.stdout, /The path the rules would give, worked out from the real objects of context "nodeport-lab"/);
      for (const refusal of [
        'nodeport-lab: namespace "kube-system" is not the course\'s; here everything lives in "nodeport-lab-sandbox"',
        'nodeport-lab: kubectl delete on namespace changes the whole cluster, not the course\'s namespace "nodeport-lab-sandbox"',
        'nodeport-lab: the manifest puts its object in namespace "kube-system"; here everything lives in "nodeport-lab-sandbox"',
        "nodeport-lab: --context points kubectl at another cluster or user; here it always uses the course's own context",
        'nodeport-lab: the course reads only its own namespace "nodeport-lab-sandbox"; leave out --all-namespaces',
        'nodeport-lab: rm is not run on a real cluster',
      ])
        assert.ok(ran.stderr.includes(refusal), `missing: ${refusal}\n${ran.stderr}`);
      assert.equal(ran.code, 127);
      const ours = (await namespaces()).find((n) => n.name === NS);
      assert.equal(ours?.labels[LABEL], 'nodeport-lab');
      const pods = await allPods();
      assert.deepEqual(
        pods.filter((p) => p.startsWith(`${NS}/`)),
        [`${NS}/from-file`, `${NS}/myapp-pod`, `${NS}/web`],
      );
      // Every other namespace holds what it held before.
      assert.deepEqual(
        pods.filter((p) => !p.startsWith(`${NS}/`)),
        othersBefore,
      );
      // Your own kubeconfig is as it was: its context still defaults to default; the private copy is gone.
      assert.match(readFileSync(server.kubeconfig, 'utf8'), /namespace: default/);
      assert.deepEqual(copies(), before);
    });

    it("--cluster --lesson: the setup runs in the lesson's namespace, its do steps are met through the real kubectl, and leaving deletes it", async () => {
      let sentExpose = false;
      let sentGets = false;
      let sentCurl = false;
      const ran = await cli(['--cluster', '--lesson', 'expose-imperatively', '--yes'], env, [], (stdout, send, end) => {
        if (!sentExpose && stdout.includes('step 1/3')) {
          sentExpose = true;
          send('kubectl expose pod my-first-pod --type=NodePort --port 80 --name my-first-service');
        }
        if (!sentGets && stdout.includes('step 2/3')) {
          sentGets = true;
          send('kubectl get service');
          send('kubectl describe services my-first-service');
        }
        const url = /curl (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout.slice(stdout.indexOf('step 3/3')));
        if (!sentCurl && stdout.includes('step 3/3') && url) {
          sentCurl = true;
          send(`curl -s ${url[1]}`);
        }
        if (sentCurl && /Goal met\.\n$/.test(stdout)) end();
      });
      assert.equal(ran.code, 0, ran.stderr);
      assert.match(ran.stdout, /# Lesson 4: .* \(namespace nodeport-lab-expose-imperatively\)/);
      assert.match(ran.stdout, /service\/my-first-service exposed\n/);
      assert.match(ran.stdout, /NAME {15}TYPE {7}CLUSTER-IP/);
      assert.match(ran.stdout, /Name: {21}my-first-service\nNamespace: {16}nodeport-lab-expose-imperatively\n/);
      assert.equal((ran.stdout.match(/Goal met\./g) ?? []).length, 3);
      assert.match(ran.stdout, /\[x\] you have reached the app through my-first-service with curl/);
      assert.match(ran.stderr, /namespace\/nodeport-lab-expose-imperatively deleted/);
      assert.ok(!(await namespaces()).some((n) => n.name === 'nodeport-lab-expose-imperatively'));
    });

    it("reset makes the lesson's namespace again, empty but for its setup; Ctrl-C leaves the lesson and deletes it", async () => {
      const ran = await cli(['--cluster', '--lesson', '3', '--yes'], env, ['kubectl run stray --image nginx', 'reset', 'kubectl get pods']);
      assert.equal(ran.code, 1);
      assert.match(ran.stdout, /pod\/stray created\n/);
      assert.match(ran.stdout, /Namespace nodeport-lab-create-the-pod made again, with the lesson's setup\./);
      assert.match(ran.stderr, /No resources found in nodeport-lab-create-the-pod namespace\.\n/);
      assert.match(ran.stderr, /namespace\/nodeport-lab-create-the-pod deleted\n$/);
      if (tmuxMissing()) return;
      const term = new Terminal(
        `node ${CLI} --cluster --lesson 3 --yes`,
        { columns: 120, rows: 30 },
        { KUBECONFIG: server.kubeconfig, NODEPORT_LAB_HOME: join(home, 'lab'), PATH: process.env.PATH ?? '' },
      );
      try {
        // On a terminal the course's own screens open (real-cluster-terminal.test.ts); the prompt opens once the setup has run.
        await term.waitFor((t) => t.includes('Goal') && /^\$\s*$/m.test(t));
        assert.ok((await namespaces()).some((n) => n.name === 'nodeport-lab-create-the-pod'));
        term.keys('C-c');
        assert.equal((await term.exited()).code, 0);
        assert.match(term.screen(), /namespace\/nodeport-lab-create-the-pod deleted/);
      } finally {
        term.close();
      }
      assert.ok(!(await namespaces()).some((n) => n.name === 'nodeport-lab-create-the-pod'));
    });

    it('clean --cluster deletes only the namespaces with our label', async () => {
      await realKubectl(['create', 'namespace', 'team-a'], server.kubeconfig);
      await realKubectl(['create', 'namespace', 'nodeport-lab-lookalike'], server.kubeconfig);
      const asked = await cli(['clean', '--cluster'], env, []);
      assert.equal(asked.code, 2);
      assert.match(asked.stderr, /give --yes to delete them/);
      const ran = await cli(['clean', '--cluster', '--yes'], env, []);
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.stdout, `namespace/${NS} deleted\n`);
      const left = (await namespaces()).map((n) => n.name);
      assert.ok(!left.includes(NS));
      assert.ok(left.includes('team-a') && left.includes('nodeport-lab-lookalike'));
      assert.ok(!(await namespaces()).some((n) => n.labels[LABEL] === 'nodeport-lab'));
      // A namespace of our name that is not labelled ours is not used. The deleted one must be gone
      // first: while it is Terminating, the API server refuses to make it again.
      for (let waited = 0; (await realKubectl(['get', 'namespace', NS], server.kubeconfig)).code === 0 && waited < 60_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const made = await realKubectl(['create', 'namespace', NS], server.kubeconfig);
      assert.equal(made.code, 0, made.stderr);
      const refused = await cli(['sandbox', '--cluster', '--yes'], env, ['kubectl get pods']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /namespace nodeport-lab-sandbox exists and is not ours/);
    });
  },
);

describe('cluster create|delete without kind', { skip: existsSync(CLI) ? false : 'needs a build (npm run build)' }, () => {
  it('says plainly what is missing and makes nothing', async () => {
    const bin = tempDir('nodeport-lab-nokind-');
    const ran = await cli(['cluster', 'create'], { ...process.env, PATH: bin }, []);
    assert.equal(ran.code, 1);
    assert.equal(
      ran.stderr,
      'nodeport-lab: kind is not on your PATH: install it (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or use any cluster you have with --cluster CONTEXT.\n',
    );
    const wrong = await cli(['cluster', 'start'], process.env, []);
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stderr, 'nodeport-lab: cluster create|delete\n');
  });
});
