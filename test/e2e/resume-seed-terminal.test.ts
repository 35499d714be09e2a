// A learner launches the course without --seed, exposes a pod and notes its node port, quits,
// launches again and resumes: the cluster made again is the one they saw, the same node port and
// ClusterIP, because the first launch kept its seed in the progress file.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing();

const LESSON = `format: 1
id: expose-web
title: Expose a pod
summary: Expose a pod and look at its node port.
setup:
  - kubectl run web --image nginx
  - sleep 10
steps:
  - id: expose
    kind: do
    title: Expose it
    text: |
      $ kubectl expose pod web --type=NodePort --port=80
    goal:
      - service: { name: web, type: NodePort, port: 80, selects: web }
    solutions:
      - - kubectl expose pod web --type=NodePort --port=80
  - id: look
    kind: do
    title: Look at it
    text: |
      $ kubectl get svc web
    goal:
      - ran: kubectl get svc web
        accepted: true
    solutions:
      - - kubectl get svc web
`;

function course(): string {
  const dir = join(tempDir('npl-lessons-'), 'lessons');
  mkdirSync(dir);
  writeFileSync(join(dir, '01-expose.yml'), LESSON);
  return dir;
}

/** The service's row of `kubectl get svc web`: its ClusterIP and `80:PORT/TCP`, as the screen shows them. */
const ROW = /web\s+NodePort\s+(\d+\.\d+\.\d+\.\d+)\s+<none>\s+80:(\d+)\/TCP/;

async function type(term: Terminal, line: string, until: (screen: string) => boolean): Promise<string> {
  term.keys('-l', line);
  term.keys('Enter');
  return term.waitFor(until);
}

async function quit(term: Terminal): Promise<void> {
  term.keys('Escape');
  await term.waitFor((s) => s.includes('lesson keys: i to type again'));
  term.keys('q');
  const { code, stty } = await term.exited();
  assert.equal(code, 0);
  assert.ok(saneModes(stty));
}

describe('a resumed course meets the same cluster', { skip }, () => {
  it('shows the node port of the first launch again after quitting and resuming, without --seed', async () => {
    const home = tempDir('npl-home-');
    const lessons = course();
    const run = () => new Terminal(`node ${CLI} --lessons ${lessons}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home });

    const first = run();
    let seen: RegExpMatchArray;
    try {
      await first.waitFor((s) => s.includes('Expose a pod'));
      first.keys('Enter');
      await first.waitFor((s) => s.includes('Expose it') && s.includes('$ '));
      await type(first, 'kubectl expose pod web --type=NodePort --port=80', (s) => s.includes('service/web exposed'));
      const screen = await type(first, 'kubectl get svc web', (s) => ROW.test(s));
      seen = screen.match(ROW) ?? assert.fail(screen);
      first.keys('Enter');
      await first.waitFor((s) => s.includes('Look at it'));
      await quit(first);
    } finally {
      first.close();
    }
    const kept = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { seed?: unknown; last: unknown };
    assert.deepEqual(kept.last, { lesson: 'expose-web', step: 'look' });

    const again = run();
    try {
      await again.waitFor((s) => s.includes('Continue lesson 1, step 2'));
      again.keys('Enter');
      await again.waitFor((s) => s.includes('Look at it') && s.includes('$ '));
      const screen = await type(again, 'kubectl get svc web', (s) => ROW.test(s));
      const now = screen.match(ROW) ?? assert.fail(screen);
      assert.equal(now[2], seen[2], `the node port the learner noted (${seen[2]}) still works`);
      assert.equal(now[1], seen[1], 'and the ClusterIP is the same');
      await quit(again);
    } finally {
      again.close();
    }
    assert.equal(typeof kept.seed, 'number', 'the first launch kept the seed it picked');
    const after = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { seed?: unknown };
    assert.equal(after.seed, kept.seed, 'the resumed launch keeps the same seed');
  });
});
