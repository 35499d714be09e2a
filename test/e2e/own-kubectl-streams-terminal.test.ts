// A goal that wants `kubectl exec` and `kubectl port-forward`, met by the real kubectl 1.32 from a
// second terminal: the course runs at 80x24 in one tmux window with Ctrl-O serving the step, the
// other window runs the learner's kubectl. exec and port-forward reach the lab as upgraded
// connections (WebSocket, SPDY inside), and the goal still ticks for each.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../helpers/fixtures.js';
import { KUBECTL } from '../helpers/real-kubectl.js';
import { CLI, Terminal, tmuxMissing, WAIT_MS } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing() || (KUBECTL ? false : 'the real kubectl 1.32 is not installed (/usr/bin/kubectl)');
const LESSONS = repoPath('test/fixtures/own-streams');

/** Types a line into the tmux window `own` and waits for it to end; returns what it wrote. */
async function runThere(term: Terminal, n: number, line: string, ms = WAIT_MS): Promise<{ stdout: string; stderr: string }> {
  const out = join(term.dir, `streams-${n}`);
  term.tmux('send-keys', '-t', 'own', '-l', `${line} > ${out}.out 2> ${out}.err; echo $? > ${out}.code`);
  term.tmux('send-keys', '-t', 'own', 'Enter');
  const start = Date.now();
  while (!existsSync(`${out}.code`) || readFileSync(`${out}.code`, 'utf8') === '') {
    if (Date.now() - start > ms) throw new Error(`${line} did not end`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { stdout: readFileSync(`${out}.out`, 'utf8'), stderr: readFileSync(`${out}.err`, 'utf8') };
}

/** A port nothing on this machine listens on now: the system picks it, and it is let go at once. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('exec and port-forward from the learner’s own kubectl meet a practice goal', { skip }, () => {
  it('kubectl exec web -- ls / and kubectl port-forward pod/web tick; curl through the forward gets the page', async () => {
    const home = tempDir('npl-streams-');
    writeFileSync(join(home, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson: 'inside', step: 'reach-in' } }));
    const term = new Terminal(`node ${CLI} --lessons ${LESSONS} --seed 4`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: home });
    try {
      await term.waitFor((s) => s.includes('Continue lesson'));
      await term.readingKeys();
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Reach into the pod') && s.includes('ctrl-o kubectl'));
      term.keys('C-o');
      const screen = await term.waitFor((s) => s.includes('export KUBECONFIG='));
      const exportLine = screen
        .split('\n')
        .find((l) => l.startsWith('export KUBECONFIG='))
        ?.trim();
      assert.ok(exportLine, screen);
      term.tmux('new-window', '-d', '-n', 'own', 'env -i PATH=/usr/bin:/bin HOME=/tmp bash --norc --noprofile');
      let n = 0;
      await runThere(term, n++, exportLine);
      for (let i = 0; i < 40; i++) {
        const got = await runThere(term, n++, 'kubectl get pods');
        if (/web +1\/1 +Running/.test(got.stdout)) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const listed = await runThere(term, n++, 'kubectl exec web -- ls /');
      assert.match(listed.stdout, /^bin$/m, listed.stderr);
      const one = await term.waitFor((s) => s.includes('✓ you have run kubectl exec web -- ls /'));
      assert.match(one, /○ you have run kubectl port-forward pod\/web 8080:80/, 'the port-forward is still to do');
      // The forward is asked for only once kubectl says it listens, however slow a shared machine
      // makes its start; what kubectl printed goes with a failure.
      const port = await freePort();
      const log = join(term.dir, 'port-forward.log');
      const forwarded = await runThere(
        term,
        n++,
        `(kubectl port-forward pod/web ${port}:80 > ${log} 2>&1 & pf=$!; ` +
          `for i in $(seq 500); do grep -q '^Forwarding from' ${log} && break; kill -0 $pf || break; sleep 0.1; done; ` +
          `curl -s --max-time 30 http://127.0.0.1:${port}/; kill $pf)`,
        2 * WAIT_MS,
      );
      assert.match(forwarded.stdout, /Welcome to nginx/, `${forwarded.stderr}\nkubectl port-forward printed:\n${readFileSync(log, 'utf8')}`);
      const met = await term.waitFor((s) => s.includes('Goal reached'));
      assert.match(met, /✓ you have run kubectl port-forward pod\/web 8080:80/);
    } finally {
      term.close();
    }
  });
});
