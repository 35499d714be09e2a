// `nodeport-lab serve` as a learner starts it: the built CLI prints the line to paste into another
// terminal; pasted into a real shell of the same home, it points the real kubectl 1.32 at the lab,
// which lists the lab's nodes. Under the learner's home the line names the kubeconfig from "$HOME".
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KUBECTL } from '../helpers/real-kubectl.js';
import { CLI } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('the line serve asks the learner to paste', { skip: KUBECTL ? false : 'the real kubectl 1.32 is not installed (/usr/bin/kubectl)' }, () => {
  it('names the kubeconfig from "$HOME", and a shell that runs it reaches the lab with kubectl', async () => {
    const home = tempDir('npl-serve-home-');
    const lab = join(home, '.config', 'nodeport-lab');
    const serve = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: { ...process.env, HOME: home, NODEPORT_LAB_HOME: lab, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let said = '';
      const exportLine = await new Promise<string>((resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          const found = /^ {2}(export KUBECONFIG=.*)$/m.exec(said);
          if (found && said.includes('kubectl get nodes')) resolve(found[1]!);
        });
        serve.on('exit', (code) => reject(new Error(`serve ended (${code}) before it said what to paste:\n${said}`)));
      });
      assert.equal(exportLine, 'export KUBECONFIG="$HOME/.config/nodeport-lab/kubeconfig"');
      const pasted = spawnSync('/bin/sh', ['-c', `${exportLine}\n${KUBECTL} get nodes`], {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin', HOME: home },
      });
      assert.equal(pasted.status, 0, pasted.stderr);
      assert.match(pasted.stdout, /^NAME +STATUS +ROLES +AGE +VERSION$/m);
      assert.match(pasted.stdout, / Ready +control-plane /);
    } finally {
      serve.kill('SIGINT');
    }
  });
});
