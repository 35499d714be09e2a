// Which of Node's own modules a command of the built CLI loads: no command of the course or the
// sandbox loads node:crypto (some twenty modules of ciphers and keys, and OpenSSL), not even to
// hash kube-proxy's chain names (src/core/digest.ts), and a command without a
// terminal sets no V8 flags, so node:v8 stays unloaded (bench/README.md: start-up by command).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
// Node's own list of the modules it has loaded, written as the process exits.
const register = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.NPL_BUILTINS_LOG, process.moduleLoadList.join('\\n')));",
)}`;

function run(args: string[], input: string): { stdout: string; builtins: string[] } {
  const log = join(tempDir('npl-builtins-'), 'loaded');
  const done = spawnSync(process.execPath, ['--import', register, CLI, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NPL_BUILTINS_LOG: log, NODEPORT_LAB_HOME: tempDir('npl-home-') },
  });
  assert.equal(done.status, 0, done.stderr);
  const builtins = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('NativeModule '))
    .map((line) => line.slice('NativeModule '.length));
  assert.ok(builtins.includes('fs'), 'the list names what was loaded');
  return { stdout: done.stdout, builtins };
}

describe("Node's modules each command of the built CLI loads", { skip }, () => {
  it('a scripted sandbox that hashes nothing loads neither node:crypto nor node:v8', () => {
    for (const line of ['kubectl get pods -A', 'kubectl create deployment web --image=nginx --dry-run=client -o yaml']) {
      const { builtins } = run(['sandbox', '--seed', '1'], `${line}\n`);
      assert.ok(!builtins.includes('crypto'), `${line}: node:crypto loaded`);
      assert.ok(!builtins.includes('v8'), `${line}: node:v8 loaded`);
    }
  });

  it("hashes kube-proxy's own chain names without node:crypto", () => {
    const { stdout, builtins } = run(['sandbox', '--seed', '1'], 'iptables-save\n');
    assert.ok(!builtins.includes('crypto'), 'node:crypto loaded');
    // The chain of default/kubernetes:https on every kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go, servicePortChainName).
    assert.match(stdout, /^:KUBE-SVC-NPX46M4PTMTKRN6Y - \[0:0\]$/m);
  });

  it('print and lint set no V8 flags: node:v8 stays unloaded without a terminal', () => {
    assert.ok(!run(['print', '1'], '').builtins.includes('v8'));
    assert.ok(!run(['lint'], '').builtins.includes('v8'));
  });
});
