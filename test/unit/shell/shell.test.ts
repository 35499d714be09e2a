import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { files, session } from './helpers.js';

describe('the sandbox shell', () => {
  it('runs nothing for a blank line or a comment, and says so with a null status', () => {
    const { run, state } = session();
    for (const line of ['', '   ', '# kubectl delete everything']) {
      const r = run(line);
      assert.equal(r.exitCode, null);
      assert.deepEqual(r.output, []);
    }
    assert.deepEqual(state().history, []);
  });

  it('keeps a numbered history, and k is kubectl', () => {
    const { run } = session();
    run('kubectl get nodes');
    assert.match(run('k get svc').stdout, /^NAME {9}TYPE/);
    assert.equal(run('history').stdout, '    1  kubectl get nodes\n    2  k get svc\n    3  history\n');
  });

  it('keeps the last 500 lines of a long session, numbered on as bash numbers them', () => {
    const { run, state } = session();
    for (let i = 1; i <= 600; i++) run(`echo ${i}`);
    const lines = run('history').stdout.trimEnd().split('\n');
    assert.equal(lines.length, 500);
    assert.equal(lines[0], '  102  echo 102');
    assert.equal(lines.at(-1), '  601  history');
    assert.equal(state().history.length, 500);
  });

  it('moves the cluster clock by the time between lines and by sleep', () => {
    const { run, state } = session();
    const start = state().cluster.now;
    run('kubectl get nodes', 2500);
    run('sleep 30', 0);
    assert.equal(state().cluster.now - start, 32_500);
    assert.equal(run('sleep soon').exitCode, 1);
  });

  it('reset empties the cluster but keeps the history', () => {
    const { run } = session();
    run('kubectl run p --image nginx');
    assert.match(run('reset').stdout, /back as it was/);
    assert.equal(run('kubectl get pods').stderr, 'No resources found in default namespace.\n');
    assert.ok(run('history').stdout.includes('kubectl run p --image nginx'));
  });

  it('says command not found (127) for anything else, and refuses pipes and control characters', () => {
    const { run } = session();
    const docker = run('docker ps');
    assert.equal(docker.exitCode, 127);
    assert.match(docker.stderr, /^docker: command not found/);
    assert.match(run('kubectl get pods | grep web').stderr, /pipes, redirections and variables are not part of this sandbox/);
    assert.equal(run("kubectl get svc -o jsonpath='{.items[0].metadata.name}'").exitCode, 0, 'a $ or | inside quotes is fine');
    assert.equal(run('kubectl get\u0007 pods').exitCode, 2);
    assert.match(run('x'.repeat(5000)).stderr, /line too long/);
  });

  it('asks for leaving and clearing without doing either itself', () => {
    const { run } = session();
    assert.equal(run('exit').exit, true);
    assert.equal(run('clear').clear, true);
  });

  it('applies the lesson manifests by name', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-file\nspec:\n  containers:\n    - name: c\n      image: nginx\n';
    const { run } = session(3, files({ 'pod.yml': manifest }));
    assert.equal(run('kubectl apply -f pod.yml').stdout, 'pod/from-file created\n');
    assert.equal(run('kubectl apply -f pod.yml').stdout, 'pod/from-file unchanged\n');
  });

  it('never throws, whatever the line', () => {
    const { run } = session();
    for (const line of ['kubectl', 'kubectl ""', "curl '", 'kubectl get pods -o', '\u00e9\u4e2d\u{1F600}', 'kubectl apply -f', 'curl -m']) {
      const r = run(line);
      assert.ok(r.exitCode === null || typeof r.exitCode === 'number', line);
    }
  });
});

describe('kubectl apply in the sandbox', () => {
  it('finds an unchanged pod unchanged, whatever order its port fields are written in', () => {
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: named\nspec:\n  containers:\n    - name: web\n      image: nginx\n      ports:\n        - name: http\n          containerPort: 80\n';
    const { run } = session(3, files({ 'named.yml': manifest }));
    assert.equal(run('kubectl apply -f named.yml').stdout, 'pod/named created\n');
    const again = run('kubectl apply -f named.yml');
    assert.deepEqual([again.stdout, again.stderr, again.exitCode], ['pod/named unchanged\n', '', 0]);
  });
});

describe('hostile files for kubectl apply -f', () => {
  it("refuses an alias bomb and a binary file with kubectl's own parse errors", () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    const { run } = session(3, files({ 'bomb.yml': bomb, 'binary.yml': binary }));
    assert.equal(
      run('kubectl apply -f bomb.yml').stderr,
      'error: error parsing bomb.yml: error converting YAML to JSON: yaml: document contains excessive aliasing\n',
    );
    assert.equal(
      run('kubectl apply -f binary.yml').stderr,
      'error: error parsing binary.yml: error converting YAML to JSON: yaml: control characters are not allowed\n',
    );
  });
});
