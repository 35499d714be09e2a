// The course's practice step met from another terminal: one tmux window runs the built course at
// 80x24, a second runs a shell where the real kubectl 1.32 is pointed at the step's cluster with
// the line the course shows. The goal ticks for what that kubectl does; its answers equal the
// sandbox's for the same command on the same cluster; leaving the step, or Ctrl-C, stops the
// server and removes its kubeconfig.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { startPractice } from '../../src/core/course/practice.js';
import { runLine } from '../../src/core/shell/shell.js';
import { repoPath } from '../helpers/fixtures.js';
import { KUBECTL } from '../helpers/real-kubectl.js';
import { CLI, Terminal, tmuxMissing, WAIT_MS } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing() || (KUBECTL ? false : 'the real kubectl 1.32 is not installed (/usr/bin/kubectl)');
const SEED = 4;
/**
 * The learner's home, in both terminals: the folder that holds the lab's, as a config folder sits in
 * a home, so the line to paste names the kubeconfig from "$HOME" and the other shell expands it.
 */
const USER_HOME = tmpdir();

function at(lesson: string, step: string): string {
  const dir = tempDir('npl-own-');
  writeFileSync(join(dir, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson, step } }));
  return dir;
}

/** What the sandbox answers to `line` on a fresh cluster of this lesson, as the course builds it. */
function sandboxAnswer(lessonId: string, line: string): { stdout: string; stderr: string } {
  const loaded = loadLessonDir(repoPath('lessons'));
  if (!loaded.ok) throw new Error('the course does not load');
  const index = loaded.course.lessons.findIndex((l) => l.id === lessonId);
  const practice = startPractice(loaded.course.lessons[index]!, SEED + index, { readFile: () => ({ error: 'not-found' }) });
  const result = runLine(practice.shell, line, { readFile: () => ({ error: 'not-found' }) }, 1000);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** A second window of the same tmux server: a plain shell for the learner's own kubectl. */
class OtherTerminal {
  private count = 0;
  constructor(private readonly term: Terminal) {
    term.tmux('new-window', '-d', '-n', 'own', `env -i PATH=/usr/bin:/bin HOME=${USER_HOME} bash --norc --noprofile`);
  }
  /** Types a line into the other window and waits for it to end; returns what it wrote. */
  async run(line: string): Promise<{ stdout: string; stderr: string }> {
    const n = this.count++;
    const out = join(this.term.dir, `own-${n}`);
    this.term.tmux('send-keys', '-t', 'own', '-l', `${line} > ${out}.out 2> ${out}.err; echo $? > ${out}.code`);
    this.term.tmux('send-keys', '-t', 'own', 'Enter');
    const start = Date.now();
    while (!existsSync(`${out}.code`) || readFileSync(`${out}.code`, 'utf8') === '') {
      if (Date.now() - start > WAIT_MS) throw new Error(`${line} did not end`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { stdout: readFileSync(`${out}.out`, 'utf8'), stderr: readFileSync(`${out}.err`, 'utf8') };
  }
}

async function openServed(lesson: string, step: string, title: string): Promise<{ term: Terminal; home: string; exportLine: string }> {
  const home = at(lesson, step);
  const term = new Terminal(`node ${CLI} --seed ${SEED}`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: home, HOME: USER_HOME });
  await term.waitFor((s) => s.includes('Continue lesson'));
  await term.readingKeys();
  term.keys('Enter');
  await term.waitFor((s) => s.includes(title) && s.includes('ctrl-o kubectl'));
  term.keys('C-o');
  const screen = await term.waitFor((s) => s.includes('export KUBECONFIG='));
  const exportLine =
    screen
      .split('\n')
      .find((l) => l.startsWith('export KUBECONFIG='))
      ?.trim() ?? '';
  assert.equal(exportLine, `export KUBECONFIG="$HOME/${basename(home)}/kubeconfig"`, 'the line to paste is whole on the screen');
  assert.ok(screen.includes('kubectl get nodes -o wide'));
  assert.ok(existsSync(join(home, 'kubeconfig')));
  return { term, home, exportLine };
}

describe('a practice step met by the real kubectl from another terminal', { skip }, () => {
  it('run and get pods -o wide tick the goal; leaving the step stops the server and removes the kubeconfig', async () => {
    const { term, home, exportLine } = await openServed('create-the-pod', 'run-the-pod', 'Create a pod with kubectl run');
    try {
      const own = new OtherTerminal(term);
      await own.run(exportLine);
      const ran = await own.run('kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0');
      assert.deepEqual(ran, sandboxAnswer('create-the-pod', 'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0'));
      await term.waitFor((s) => s.includes('✓ a pod named my-first-pod') || s.includes('api: POST /api/v1/namespaces/default/pods'));
      // The served cluster's clock follows the wall clock: the pod is Running within seconds.
      for (let i = 0; i < 40; i++) {
        const got = await own.run('kubectl get pods -o wide');
        if (/my-first-pod +1\/1 +Running/.test(got.stdout)) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const met = await term.waitFor((s) => s.includes('Goal reached'));
      assert.match(met, /✓ you have run kubectl get pods -o wide/);
      assert.match(met, /api: GET \/api\/v1\/namespaces\/default\/pods\?limit=500 200 \(kubectl get\)/);
      assert.ok(!met.includes('pod/my-first-pod created'), 'the learner’s own kubectl prints in its own terminal, not in the course');
      term.keys('Enter');
      await term.waitFor((s) => !s.includes('Create a pod with kubectl run'));
      const leaving = Date.now();
      while (existsSync(join(home, 'kubeconfig')) && Date.now() - leaving < WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(!existsSync(join(home, 'kubeconfig')), 'leaving the step removes the context');
      const after = await own.run('kubectl get pods');
      assert.notEqual(after.stderr, '', 'nothing answers any more');
    } finally {
      term.close();
    }
  });

  it('at 80x24 the panel is whole; at 60x20 it folds to the line to paste, and the goal and ctrl-o stop stay', async () => {
    const { term, exportLine } = await openServed('create-the-pod', 'run-the-pod', 'Create a pod with kubectl run');
    const goal = ['○ a pod named my-first-pod from', '○ you have run kubectl get pods -o wide'];
    try {
      const wide = term.screen();
      assert.ok(wide.includes('Your own kubectl (ctrl-o stops): paste in another terminal'), wide);
      for (const condition of goal) assert.ok(wide.includes(condition), wide);
      assert.match(wide.trimEnd().split('\n').at(-1) ?? '', /ctrl-o stop/);
      term.resize(60, 20);
      const short = await term.waitFor((s) => !s.includes('Your own kubectl') && s.includes(exportLine));
      for (const condition of goal) assert.ok(short.includes(condition), short);
      const rows = short.replace(/\n+$/, '').split('\n');
      assert.ok(rows.length <= 20);
      assert.match(rows.at(-1) ?? '', /ctrl-o stop/, short);
      assert.ok(
        rows.some((l) => l.trimEnd() === '$'),
        'the prompt is in view',
      );
      // Ctrl-O again stops serving: the line to paste goes and the footer offers it again.
      term.keys('C-o');
      const stopped = await term.waitFor((s) => !s.includes('export KUBECONFIG='));
      for (const condition of goal) assert.ok(stopped.includes(condition), stopped);
      term.resize(80, 24);
      await term.waitFor((s) => s.includes('ctrl-o kubectl'));
    } finally {
      term.close();
    }
  });

  it('the API’s refusal of nodePort 29999 meets the refusal goal; Ctrl-C stops the server on the way out', async () => {
    const { term, home, exportLine } = await openServed('mistakes', 'too-low', 'too-low');
    try {
      const own = new OtherTerminal(term);
      await own.run(exportLine);
      const line = 'kubectl create service nodeport too-low --tcp=80:80 --node-port=29999';
      const refused = await own.run(line);
      assert.deepEqual(refused, sandboxAnswer('mistakes', line));
      assert.match(refused.stderr, /spec\.ports\[0\]\.nodePort: Invalid value: 29999/);
      await term.waitFor((s) => s.includes('Goal reached'));
      term.keys('C-c');
      const { code } = await term.exited();
      assert.equal(code, 0);
      assert.ok(!existsSync(join(home, 'kubeconfig')), 'Ctrl-C removes the context');
    } finally {
      term.close();
    }
  });
});
