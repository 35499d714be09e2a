// What a newcomer met walking lessons 3 to 5 in the built course, in a real terminal: a ClusterIP
// Service made by mistake, then the right command refused because the name is taken, is told how to
// go on, in view under the prompt at 80x24 and at 60x20; a request to the right node port at an
// address this machine does not reach says so.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing();

async function open(lesson: string, step: string, title: string, size: { columns: number; rows: number }): Promise<Terminal> {
  const home = tempDir('npl-walk-');
  writeFileSync(join(home, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson, step } }));
  const term = new Terminal(`node ${CLI} --seed 4`, size, { NODEPORT_LAB_HOME: home });
  await term.waitFor((s) => s.includes('Continue lesson'));
  term.keys('Enter');
  await term.waitFor((s) => s.includes(title));
  return term;
}

async function type(term: Terminal, line: string, until: (screen: string) => boolean): Promise<string> {
  term.keys('-l', line);
  term.keys('Enter');
  return term.waitFor(until);
}

/** The near-miss line and what wraps under it, as one line of words. */
const nearMissOf = (screen: string): string => {
  const rows = screen.split('\n');
  const at = rows.findIndex((r) => r.startsWith('↳ '));
  if (at < 0) return '';
  const out = [rows[at]!.slice(2).trim()];
  for (const row of rows.slice(at + 1)) {
    if (!row.startsWith('  ') || row.trim() === '') break;
    out.push(row.trim());
  }
  return out.join(' ');
};

/**
 * A wait that ends once the whole near-miss line reads `expected`. Waiting for its arrow alone could
 * read a frame tmux has drawn only in part, with the line's wrapped end still to come.
 */
const nearMiss =
  (expected: string) =>
  (screen: string): boolean =>
    nearMissOf(screen) === expected;

describe('a newcomer’s mistakes in lessons 3 to 5 get a way on, in view', { skip }, () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 60, rows: 20 },
  ]) {
    it(`expose without --type, then with it: AlreadyExists says to delete it first (${size.columns}x${size.rows})`, async () => {
      const term = await open('expose-imperatively', 'expose-the-pod', 'Expose the pod with one command', size);
      try {
        const clusterIp = 'that made a ClusterIP service: --type=NodePort is missing';
        const first = await type(term, 'kubectl expose pod my-first-pod --port=80 --name=my-first-service', nearMiss(clusterIp));
        assert.equal(nearMissOf(first), clusterIp);
        const taken = 'service my-first-service is already there: kubectl delete service my-first-service, then run this again';
        const again = await type(term, 'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service', nearMiss(taken));
        assert.equal(nearMissOf(again), taken);
        const rows = again.replace(/\n+$/, '').split('\n');
        assert.ok(rows.length <= size.rows);
        await type(term, 'kubectl delete service my-first-service', (s) => s.includes('deleted'));
        await type(term, 'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service', (s) => s.includes('Goal reached'));
      } finally {
        term.close();
      }
    });
  }

  it('curl to the right node port at a node’s internal IP says the address is the trouble (80x24)', async () => {
    const term = await open('expose-declaratively', 'apply-the-service', 'Apply both manifests', { columns: 80, rows: 24 });
    try {
      await type(term, 'kubectl apply -f pod-definition.yml -f ./pod-nodeport-service.yml', (s) => s.includes('service/myapp-pod-nodeport-service created'));
      for (let i = 0; i < 40 && !term.screen().includes('Goal reached'); i++) {
        await type(term, 'kubectl get pods', (s) => s.includes('RESTARTS'));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Open the page on port 31231'));
      term.keys('-l', 'curl -m 2 http://192.168.49.3:31231');
      term.keys('Enter');
      term.keys('Space');
      const unreached = 'that request reached no Service: port 31231 is right, but this machine does not reach 192.168.49.3';
      const screen = await term.waitFor(nearMiss(unreached));
      assert.equal(nearMissOf(screen), unreached);
    } finally {
      term.close();
    }
  });

  it('a wrong image stays named under the prompt after the next command (60x20)', async () => {
    const term = await open('create-the-pod', 'run-the-pod', 'Create a pod with kubectl run', { columns: 60, rows: 20 });
    try {
      const made = await type(term, 'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0', (s) =>
        /--image is stacksimplify\/kubenginx:1\.0, not \S+$/.test(nearMissOf(s)),
      );
      assert.match(nearMissOf(made), /--image is stacksimplify\/kubenginx:1\.0, not/);
      const wrongImage =
        'pod my-first-pod runs stacksimplify/kubenginx:1.0, not stacksimplify/kubenginx:1.0.0: kubectl delete pod my-first-pod, then make it again';
      const read = await type(term, 'kubectl get pods', (s) => s.includes('STATUS') && nearMiss(wrongImage)(s));
      assert.equal(nearMissOf(read), wrongImage);
      assert.ok(read.replace(/\n+$/, '').split('\n').length <= 20);
    } finally {
      term.close();
    }
  });

  it('the next command, typed while a curl still waits, is kept and runs (80x24)', async () => {
    const term = await open('expose-imperatively', 'open-the-page', 'Open the page from outside', { columns: 80, rows: 24 });
    try {
      await type(term, 'curl http://10.96.0.1', (s) => s.includes('waiting for an answer'));
      term.keys('-l', 'kubectl get pods');
      const typed = await term.waitFor((s) => s.includes('$ kubectl get pods') && !s.includes('waiting for an answer'));
      assert.match(typed, /curl: \(28\) Failed to connect to 10\.96\.0\.1 port 80/);
      term.keys('Enter');
      const ran = await term.waitFor((s) => /my-first-pod +1\/1 +Running/.test(s));
      assert.match(ran, /Open the page from outside/, 'still on the step');
    } finally {
      term.close();
    }
  });

  it('a trace in a narrow window scrolls down to its last hop (60x20)', async () => {
    const term = await open('request-path', 'follow-your-request', 'Follow your own request', { columns: 60, rows: 20 });
    try {
      let screen = term.screen();
      for (let i = 0; i < 30 && !/Hop 12 of 12/.test(screen); i++) {
        term.keys('PageDown');
        // A whole frame, its key line last: read within a moment of the key, the screen can be
        // one tmux has drawn only in part, the hop headers of its lower half not yet there.
        screen = await term.waitFor((s) => (s !== screen || /end\s*$/.test(s)) && /q quit.*\s*$/.test(s));
      }
      assert.match(screen, /Hop 12 of 12/);
      assert.match(screen, /Follow your own request/, 'still on the trace');
      term.keys('Up');
      const up = await term.waitFor((s) => s !== screen);
      assert.notEqual(up, screen, 'up scrolls back');
    } finally {
      term.close();
    }
  });
});
