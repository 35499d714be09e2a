import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { spread } from '../helpers/soak.js';
import { tempDir } from '../helpers/temp.js';

/** Sends one key and waits until the screen shows its effect. */
async function press(term: Terminal, key: string, until: (screen: string) => boolean): Promise<string> {
  term.keys(key);
  return term.waitFor(until);
}

describe("a learner's journey through the shipped course, in a real terminal", { skip: tmuxMissing() }, () => {
  // The quick run walks it at 80x24; the soak at 200x50 too.
  for (const size of spread(
    [
      { columns: 80, rows: 24 },
      { columns: 200, rows: 50 },
    ],
    2,
  )) {
    it(`at ${size.columns}x${size.rows}: practice, a trace, a quiz answer, quit, resume exactly there, reset`, async () => {
      const home = tempDir('npl-journey-');
      const start = () => new Terminal(`node ${CLI} --seed 5`, size, { NODEPORT_LAB_HOME: home });
      let term = start();
      try {
        await term.waitFor((s) => s.includes('Why a pod needs a Service'));
        // Lesson 4: expose the pod the lesson made, then reach it with curl.
        for (let i = 0; i < 3; i++) await press(term, 'j', (s) => new RegExp(`›\\s+\\S*\\s*${i + 2} `).test(s));
        await press(term, 'Enter', (s) => s.includes('Lesson 4/'));
        term.keys('kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service', 'Enter');
        await term.waitFor((s) => s.includes('service/my-first-service exposed'));
        await press(term, 'Enter', (s) => s.includes('step 2/'));
        // → passes over the deep dive on how the port is drawn (step 3).
        await press(term, 'Right', (s) => s.includes('step 4/'));
        term.keys('kubectl get svc', 'Enter');
        const svc = await term.waitFor((s) => /80:(\d+)\/TCP/.test(s));
        const nodePort = /80:(\d+)\/TCP/.exec(svc)![1];
        term.keys('kubectl describe svc my-first-service', 'Enter');
        await term.waitFor((s) => s.includes('Goal reached'));
        await press(term, 'Enter', (s) => s.includes('step 5/'));
        term.keys(`curl -s http://203.0.113.11:${nodePort}`, 'Enter');
        await term.waitFor((s) => s.includes('Goal reached'));

        // Lesson 8: the learner's own request, traced hop by hop.
        await press(term, 'Escape', (s) => s.includes('i to type again'));
        await press(term, 'l', (s) => s.includes('hands on'));
        for (let i = 0; i < 4; i++) await press(term, 'j', (s) => new RegExp(`›\\s+\\S*\\s*${i + 5} `).test(s));
        await press(term, 'Enter', (s) => s.includes('Lesson 8/'));
        // The core path: step 3, what moves the packets, is a deep dive and is passed over.
        for (const step of [2, 4]) await press(term, 'Right', (s) => s.includes(`step ${step}/`));
        await press(term, 'Right', (s) => s.includes('Hop 2 of'));
        await press(term, 'Left', (s) => s.includes('Hop 1 of'));

        // Lesson 2's quiz: answer the first question (right or wrong, the feedback is in words).
        await press(term, 'l', (s) => s.includes('hands on'));
        for (let i = 8; i > 2; i--) await press(term, 'k', (s) => new RegExp(`›\\s+\\S*\\s*${i - 1} `).test(s));
        await press(term, 'Enter', (s) => s.includes('Lesson 2/'));
        while (!term.screen().includes('Question 1')) {
          const before = /step (\d+)\//.exec(term.screen())?.[1];
          await press(term, 'Right', (s) => /step (\d+)\//.exec(s)?.[1] !== before);
        }
        await term.waitFor((s) => s.includes('Question 1'));
        // A single-choice question answers once an option is chosen: its number chooses it.
        await press(term, '1', (s) => /› \(•\) /.test(s));
        await press(term, 'Enter', (s) => s.includes('✓ Right.') || s.includes('✗ Not quite.'));
        term.keys('q'); // the exit below is the check
        const first = await term.exited();
        assert.equal(first.code, 0);
        assert.ok(saneModes(first.stty));
      } finally {
        term.close();
      }

      // Again: the course offers exactly the quiz step, and goes there.
      term = start();
      try {
        const offer = await term.waitFor((s) => s.includes('Continue lesson 2, step'));
        assert.match(offer, /Check yourself/);
        await press(term, 'Enter', (s) => s.includes('Lesson 2/') && s.includes('Check yourself'));
        term.keys('q');
        await term.exited();
      } finally {
        term.close();
      }
      const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
      assert.deepEqual(saved.last, { lesson: 'service-types', step: 'check-yourself' });
      assert.ok(saved.lessons['expose-imperatively'].done.length >= 3);

      // Reset forgets it all.
      const reset = spawnSync(process.execPath, [CLI, 'reset', '--yes'], { env: { ...process.env, NODEPORT_LAB_HOME: home }, encoding: 'utf8' });
      assert.equal(reset.status, 0);
      assert.equal(existsSync(join(home, 'progress.json')), false);
      term = start();
      try {
        const fresh = await term.waitFor((s) => s.includes('Why a pod needs a Service'));
        assert.doesNotMatch(fresh, /Continue lesson/);
        term.keys('q');
        await term.exited();
      } finally {
        term.close();
      }
    });
  }
});
