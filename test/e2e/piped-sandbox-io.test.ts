// A scripted sandbox reads and writes its standard descriptors itself (src/commands/script-stdio.ts)
// and reads the shipped course only when a command names a file. What that must not change: the
// bytes on stdout and stderr, a full pipe left non-blocking, a reader that goes away, an `exit`
// while standard input stays open; and which of Node's modules and files it touches.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const home = () => tempDir('npl-home-');

// A CommonJS preload: an ES module one would load Node's streams itself (importing node:fs does).
// It logs the modules Node loaded and every file read with readFileSync, as the process exits.
const preload = join(tempDir('npl-preload-'), 'log.cjs');
writeFileSync(
  preload,
  `const fs = require('node:fs');
const read = fs.readFileSync;
const files = [];
fs.readFileSync = function (path, ...rest) { files.push(String(path)); return read.call(this, path, ...rest); };
require('node:module').syncBuiltinESMExports();
process.on('exit', () => fs.writeFileSync(process.env.NPL_LOG, JSON.stringify({ files, modules: process.moduleLoadList })));
`,
);

function logged(input: string): { stdout: string; stderr: string; files: string[]; modules: string[] } {
  const log = join(tempDir('npl-log-'), 'log.json');
  const run = spawnSync(process.execPath, ['--require', preload, CLI, 'sandbox', '--seed', '1'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NPL_LOG: log, NODEPORT_LAB_HOME: home() },
  });
  assert.equal(run.status, 0, run.stderr);
  const { files, modules } = JSON.parse(readFileSync(log, 'utf8')) as { files: string[]; modules: string[] };
  assert.ok(modules.includes('NativeModule fs'), 'the log names what was loaded');
  return { stdout: run.stdout, stderr: run.stderr, files, modules };
}

const courseRead = (files: string[]) => files.filter((file) => /course\.json$/.test(file));

describe('a scripted sandbox on its own descriptors', { skip }, () => {
  it("loads neither Node's streams nor net nor tty for a piped script", () => {
    const { stdout, modules } = logged('kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n');
    assert.match(stdout, /^kind: Service$/m);
    for (const name of ['stream', 'net', 'tty', 'internal/streams/readable', 'internal/fs/streams']) {
      assert.ok(!modules.includes(`NativeModule ${name}`), `${name} loaded`);
    }
  });

  it("reads the shipped course only when a command names a file, and then applies the course's manifest", () => {
    assert.deepEqual(courseRead(logged('kubectl get pods\n').files), []);
    const named = logged('kubectl apply -f pod-nodeport-service.yml\nkubectl apply -f ./pod-definition.yml\nkubectl get svc,pods -o name\n');
    assert.equal(courseRead(named.files).length, 1, 'read once for both files');
    assert.equal(named.stderr, '');
    assert.match(named.stdout, /^service\/\S+ created$/m);
    assert.match(named.stdout, /^pod\/\S+ created$/m);
  });

  it('writes the same bytes to a pipe, a file and a non-blocking pipe that fills, stdout and stderr apart', async () => {
    // More than a pipe holds (64 KiB), then an error on stderr: the test reads stdout only once
    // stderr has spoken, so the child found its stdout full and had to wait for the reader.
    const lines = `${'kubectl get pods -A -o yaml\n'.repeat(12)}kubectl get pods nope\nkubectl get nodes\n`;
    const piped = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '1'], { input: lines, encoding: 'utf8' });
    assert.equal(piped.status, 0);
    assert.ok(piped.stdout.length > 200_000, `${piped.stdout.length} bytes: more than a pipe holds`);
    assert.equal(piped.stderr, 'Error from server (NotFound): pods "nope" not found\n');

    const dir = tempDir('npl-out-');
    const fd = openSync(join(dir, 'out'), 'w');
    spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '1'], { input: lines, stdio: ['pipe', fd, 'ignore'] });
    closeSync(fd);
    assert.equal(readFileSync(join(dir, 'out'), 'utf8'), piped.stdout);

    // Node makes a pipe non-blocking when it opens it as a stream (libuv), as another Node process
    // sharing the pipe would: this preload does so before the CLI starts.
    const nonBlocking = join(dir, 'non-blocking.cjs');
    writeFileSync(nonBlocking, 'process.stdout;\n');
    const child = spawn(process.execPath, ['--require', nonBlocking, CLI, 'sandbox', '--seed', '1'], { stdio: 'pipe' });
    child.stdin.end(lines);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.pause();
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(status, 0);
    assert.equal(Buffer.concat(chunks).toString('utf8'), piped.stdout);
    assert.equal(stderr, piped.stderr);
  });

  it('stops quietly with status 0 when the reader goes away', async () => {
    const child = spawn(process.execPath, [CLI, 'sandbox', '--seed', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end('kubectl get pods -A -o yaml\n'.repeat(40));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(status, 0);
    assert.equal(stderr, '');
  });

  it('ends at `exit` while standard input stays open, running nothing after it', async () => {
    const child = spawn(process.execPath, [CLI, 'sandbox', '--seed', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('kubectl get nodes -o name\nexit\nkubectl get pods nope\n');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.destroy();
    assert.equal(status, 0);
    assert.equal(stdout, 'node/control-plane\nnode/worker-1\nnode/worker-2\n');
    assert.equal(stderr, '');
  });

  // Node 22.1 and later: the compile cache (src/start-up-builtins.ts). Other Nodes to try are
  // named in NPL_NODES (paths, separated by the platform's delimiter); this Node is always tried.
  it('keeps a compile cache where Node has one, and runs the same without a writable one', () => {
    const nodes = [process.execPath, ...(process.env.NPL_NODES ?? '').split(delimiter).filter(Boolean)];
    const line = 'kubectl create service nodeport web --tcp=80:80 --dry-run=client -o yaml\n';
    const expected = spawnSync(process.execPath, [CLI, 'sandbox', '--seed', '1'], { input: line, encoding: 'utf8' }).stdout;
    for (const node of nodes) {
      const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
      const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
      const hasCache = major > 22 || (major === 22 && minor >= 1);
      const cache = tempDir('npl-cache-');
      const run = (env: NodeJS.ProcessEnv) =>
        spawnSync(node, [CLI, 'sandbox', '--seed', '1'], { input: line, encoding: 'utf8', env: { ...process.env, NODEPORT_LAB_HOME: home(), ...env } });
      const first = run({ NODE_COMPILE_CACHE: cache });
      assert.equal(first.status, 0, `${version}: ${first.stderr}`);
      assert.equal(first.stdout, expected, version);
      const kept = readdirSync(cache, { recursive: true }).length;
      assert.equal(kept > 0, hasCache, `${version}: ${kept} files in the cache`);
      assert.equal(run({ NODE_COMPILE_CACHE: cache }).stdout, expected, `${version}: from the cache`);
      const notAFolder = join(cache, 'a-file');
      writeFileSync(notAFolder, '');
      const refused = run({ NODE_COMPILE_CACHE: notAFolder });
      assert.equal(refused.status, 0, `${version}: ${refused.stderr}`);
      assert.equal(refused.stdout, expected, `${version}: without a cache`);
      assert.equal(refused.stderr, '', version);
    }
  });
});
