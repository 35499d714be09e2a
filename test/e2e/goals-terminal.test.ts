// A do step met by equivalent forms of its command, in the built course at 80x24: the goal ticks
// whatever the spelling, a near miss says why on one line under the prompt, `clear` forgets
// nothing, and Enter on the empty prompt moves on.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing();

/** A config folder whose progress says the learner was last at this step (the course offers to continue there). */
function at(lesson: string, step: string): string {
  const dir = tempDir('npl-home-');
  writeFileSync(join(dir, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson, step } }));
  return dir;
}

async function open(lesson: string, step: string, title: string): Promise<Terminal> {
  const term = new Terminal(`node ${CLI} --seed 4`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: at(lesson, step) });
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

const GOAL_REACHED = 'Goal reached';

async function quit(term: Terminal): Promise<void> {
  term.keys('Escape');
  await term.waitFor((s) => s.includes('lesson keys: i to type again'));
  term.keys('q');
  await term.exited();
}

describe('a do step is met by what the command means, at 80x24', { skip }, () => {
  it('counts --node-port 29999 with svc for service, after a near miss says what was off', async () => {
    const term = await open('mistakes', 'too-low', 'too-low');
    try {
      const near = await type(term, 'kubectl create svc nodeport too-low --tcp=80:80 --node-port 30000', (s) =>
        /↳ that made a NodePort service: --node-port is 30000, not 29999/.test(s),
      );
      assert.match(near, /↳ that made a NodePort service: --node-port is 30000, not 29999/);
      assert.ok(!near.includes(GOAL_REACHED));
      await type(term, 'kubectl delete svc too-low', (s) => s.includes('deleted'));
      const met = await type(term, 'kubectl create svc nodeport too-low --tcp=80:80 --node-port 29999', (s) => s.includes(GOAL_REACHED));
      assert.match(met, /Service "too-low" is invalid/);
      assert.ok(!met.includes('↳'), 'no near-miss line once the goal holds');
      await type(term, 'clear', (s) => !s.includes('$ kubectl create svc'));
      assert.ok(term.screen().includes(GOAL_REACHED), 'clear forgets nothing the step has seen');
      term.keys('Enter');
      await term.waitFor((s) => s.includes('too-high') && s.includes('32768'));
      await quit(term);
    } finally {
      term.close();
    }
  });

  it('counts k, short names and flags in another order the same', async () => {
    const term = await open('mistakes', 'too-low', 'too-low');
    try {
      await type(term, 'k create service nodeport too-low --node-port=29999 --tcp 80:80', (s) => s.includes(GOAL_REACHED));
      await quit(term);
    } finally {
      term.close();
    }
  });

  it('counts describe po/NAME as looking at the pod in detail', async () => {
    const term = await open('create-the-pod', 'look-at-the-pod', 'Look inside the pod');
    try {
      await type(term, 'k run my-first-pod --image=stacksimplify/kubenginx:1.0.0', (s) => s.includes('pod/my-first-pod created'));
      await type(term, 'kubectl describe po/my-first-pod', (s) => s.includes(GOAL_REACHED));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('The same kind of pod, in YAML'));
      term.keys('q');
      await term.exited();
    } finally {
      term.close();
    }
  });
});
