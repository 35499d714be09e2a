// What a newcomer met walking lessons 3 to 5 in the built course, in a real terminal: a ClusterIP
// Service made by mistake, then the right command refused because the name is taken, is told how to
// go on, in view under the prompt at 80x24 and at 60x20; a request to the right node port at an
// address this machine does not reach says so.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';

const skip = tmuxMissing();

async function open(lesson: string, step: string, title: string, size: { columns: number; rows: number }): Promise<Terminal> {
  const home = mkdtempSync(join(tmpdir(), 'npl-walk-'));
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

describe('a newcomer’s mistakes in lessons 3 to 5 get a way on, in view', { skip }, () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 60, rows: 20 },
  ]) {
    it(`expose without --type, then with it: AlreadyExists says to delete it first (${size.columns}x${size.rows})`, async () => {
      const term = await open('expose-imperatively', 'expose-the-pod', 'Expose the pod with one command', size);
      try {
        const first = await type(term, 'kubectl expose pod my-first-pod --port=80 --name=my-first-service', (s) => s.includes('↳'));
        assert.equal(nearMissOf(first), 'that made a ClusterIP service: --type=NodePort is missing');
        const again = await type(term, 'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service', (s) => s.includes('already there'));
        assert.equal(nearMissOf(again), 'service my-first-service is already there: kubectl delete service my-first-service, then run this again');
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
      const screen = await term.waitFor((s) => s.includes('↳'));
      assert.equal(nearMissOf(screen), 'that request reached no Service: port 31231 is right, but this machine does not reach 192.168.49.3');
    } finally {
      term.close();
    }
  });
});
