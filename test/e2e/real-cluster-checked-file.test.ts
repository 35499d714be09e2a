// Tier: slow
// On a real cluster (`nodeport-lab serve` standing in for one), `kubectl apply -f FILE` runs the text
// the ownership guard checked, not what the file holds by the time the real kubectl 1.32 runs: the
// session's file reader (its seam) changes the file right after the guard has read it. kubectl's
// messages that name the file are the same as kubectl's own on the learner's file.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { preflight, type Connection } from '../../src/commands/real-cluster/preflight.js';
import { openSession, type Session } from '../../src/commands/real-cluster/session.js';
import { sandboxFiles } from '../../src/commands/sandbox-files.js';
import type { KubectlIO } from '../../src/core/kubectl/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

const NS = 'nodeport-lab-sandbox';
const pod = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  containers: [{name: c, image: nginx}]\n`;

/** Reads the folder's files for real; once a watched path has been read, `change` runs on it. */
function hooked(work: string, change: Record<string, () => void>): KubectlIO {
  const files = sandboxFiles(new Map(), work);
  const fired = new Set<string>();
  const after = (path: string) => {
    const name = path.startsWith(work) ? path.slice(work.length + 1) : path;
    const hook = change[name];
    if (hook && !fired.has(name)) {
      fired.add(name);
      hook();
    }
  };
  return {
    readFile: (path) => {
      const text = files.readFile(path);
      after(path);
      return text;
    },
    listDir: (path) => files.listDir?.(path),
  };
}

const output = (chunks: readonly { stream: string; text: string }[], stream: 'stdout' | 'stderr') =>
  chunks
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');

describe('the real kubectl gets the manifest text the guard checked', { skip: KUBECTL ? false : 'needs the real kubectl 1.32' }, () => {
  let server: RunningServer;
  let connection: Connection;
  const home = tempDir('nodeport-lab-checked-');
  const start = Date.now();

  before(async () => {
    server = await startServer({ seed: 7, port: 0, home: join(home, 'serve'), clock: () => start + (Date.now() - start) * 10, log: () => undefined });
    const found = await preflight(undefined, { ...process.env, KUBECONFIG: server.kubeconfig, NODEPORT_LAB_KUBECTL: KUBECTL ?? 'kubectl' });
    assert.ok(found.ok, found.ok ? '' : found.message);
    connection = found.connection;
  });
  after(async () => {
    connection?.dispose();
    await server.stop();
  });

  async function session(work: string, change: Record<string, () => void>): Promise<Session> {
    const opened = await openSession(connection, { namespace: NS, files: hooked(work, change), manifests: new Map(), cwd: work });
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    return opened.session;
  }

  const podsIn = async (namespace: string): Promise<string[]> => {
    const got = await realKubectl(['get', 'pods', '-n', namespace, '-o', 'name'], server.kubeconfig);
    assert.equal(got.code, 0, got.stderr);
    return got.stdout.split('\n').filter((l) => l !== '');
  };

  it('a file swapped for one aimed at kube-system after the check: the checked pod is made, in our namespace', async () => {
    const work = tempDir('nodeport-lab-checked-work-');
    writeFileSync(join(work, 'web.yml'), pod('checked-web'));
    const s = await session(work, { 'web.yml': () => writeFileSync(join(work, 'web.yml'), pod('swapped-in', 'kube-system')) });
    const ran = await s.run('kubectl apply -f web.yml');
    assert.equal(output(ran.output, 'stdout'), 'pod/checked-web created\n', output(ran.output, 'stderr'));
    assert.equal(ran.exitCode, 0);
    assert.match(readFileSync(join(work, 'web.yml'), 'utf8'), /swapped-in/, 'the file did change between the check and the run');
    assert.ok((await podsIn(NS)).includes('pod/checked-web'));
    assert.ok(!(await podsIn('kube-system')).includes('pod/swapped-in'), 'the unchecked text never reached the cluster');
  });

  it('a folder whose file is swapped after the check: the folder as checked is applied', async () => {
    const work = tempDir('nodeport-lab-checked-work-');
    mkdirSync(join(work, 'app'));
    writeFileSync(join(work, 'app', 'one.yml'), pod('checked-one'));
    const s = await session(work, { [join('app', 'one.yml')]: () => writeFileSync(join(work, 'app', 'one.yml'), pod('swapped-one', 'kube-system')) });
    const ran = await s.run('kubectl apply -f app/');
    assert.equal(output(ran.output, 'stdout'), 'pod/checked-one created\n', output(ran.output, 'stderr'));
    assert.ok(!(await podsIn('kube-system')).includes('pod/swapped-one'));
  });

  it('a file that appears after the check is not read: kubectl says the path does not exist, as it does itself', async () => {
    const work = tempDir('nodeport-lab-checked-work-');
    const s = await session(work, { 'late.yml': () => writeFileSync(join(work, 'late.yml'), pod('late', 'kube-system')) });
    const ran = await s.run('kubectl apply -f late.yml');
    assert.ok(existsSync(join(work, 'late.yml')), 'the file did appear between the check and the run');
    const own = await realKubectl(['apply', '-f', 'missing.yml'], server.kubeconfig, work);
    assert.equal(output(ran.output, 'stderr'), own.stderr.replace('missing.yml', 'late.yml'));
    assert.match(output(ran.output, 'stderr'), /^error: the path "late\.yml" does not exist\n$/);
    assert.ok(!(await podsIn('kube-system')).includes('pod/late'));
  });

  it('kubectl’s messages name the learner’s file, word for word as kubectl prints them for that file', async () => {
    const work = tempDir('nodeport-lab-checked-work-');
    mkdirSync(join(work, 'app'));
    // Not YAML kubectl can read, and a Service the API refuses: two messages that name the file.
    writeFileSync(join(work, 'broken.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    writeFileSync(
      join(work, 'app', 'low.yml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: too-low\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 29999}]\n',
    );
    const s = await session(work, {});
    for (const line of ['kubectl apply -f broken.yml', 'kubectl create -f ./app/', 'kubectl apply --filename=app/low.yml']) {
      const ran = await s.run(line);
      const own = await realKubectl([`--namespace=${NS}`, ...line.split(' ').slice(1)], server.kubeconfig, work);
      assert.equal(output(ran.output, 'stderr'), own.stderr, line);
      assert.equal(ran.exitCode, own.code, line);
      assert.ok(!output(ran.output, 'stderr').includes(connection.dir), `${line}: no private path shows`);
    }
    assert.ok(
      !existsSync(join(connection.dir, 'checked')) || readdirSync(join(connection.dir, 'checked')).length === 0,
      'the copies are removed after each run',
    );
  });

  it('-f with a comma list checks every file in it', async () => {
    const work = tempDir('nodeport-lab-checked-work-');
    writeFileSync(join(work, 'a.yml'), pod('comma-a'));
    writeFileSync(join(work, 'b.yml'), pod('comma-b', 'kube-system'));
    const s = await session(work, {});
    const ran = await s.run('kubectl apply -f a.yml,b.yml');
    assert.match(output(ran.output, 'stderr'), /namespace "kube-system"/);
    assert.ok(!(await podsIn('kube-system')).includes('pod/comma-b'));
    assert.ok(!(await podsIn(NS)).includes('pod/comma-a'), 'nothing of the line ran');
  });
});
