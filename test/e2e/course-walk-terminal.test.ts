// What a newcomer met walking the whole course in the built CLI at 80x24 and 60x20, each found on
// the screen: a quiz's summary per concept and the keys' help cut at the window's edge, a question
// that still offered its own keys after esc had handed them to the lesson, and a command typed on a
// step with no prompt, whose b went back a step.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing();

/**
 * The CLI with these arguments in a fresh config folder (with progress that was last at `at`, when
 * given); `run` gets the terminal, and both are removed after.
 */
async function withCourse(
  args: string,
  size: { columns: number; rows: number },
  run: (term: Terminal) => Promise<void>,
  at?: { lesson: string; step: string },
): Promise<void> {
  const home = tempDir('npl-course-walk-');
  if (at) writeFileSync(join(home, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: at }));
  const term = new Terminal(`node ${CLI} ${args} --seed 4`, size, { NODEPORT_LAB_HOME: home });
  try {
    await run(term);
    // Quit, and let the course save its progress, before its folder is removed (at the end of
    // this process: tempDir).
    term.keys('C-c');
    await term.exited();
  } finally {
    term.close();
  }
}

/** The number of the option whose text starts with `text`, as the question lists its options now. */
function optionNumber(screen: string, text: string): number {
  const options = screen.split('\n').filter((row) => /^[› ] \(.\) /.test(row));
  const at = options.findIndex((row) => row.slice(6).startsWith(text));
  assert.ok(at >= 0, `no option "${text}" on:\n${screen}`);
  return at + 1;
}

const RIGHT = 'Yes, nothing changes for the Service';

describe('a newcomer’s walk through the course, on screen', { skip }, () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 60, rows: 20 },
  ]) {
    it(`a quiz's summary shows each concept's line whole (${size.columns}x${size.rows})`, async () => {
      await withCourse('quiz 3', size, async (term) => {
        await term.waitFor((s) => s.includes(RIGHT) && s.includes('Question 1'));
        term.keys('g');
        await term.waitFor((s) => s.includes('✓ right answer'));
        term.keys('Enter');
        const again = await term.waitFor((s) => s.includes('Question 2') && s.includes(RIGHT));
        term.keys(String(optionNumber(again, RIGHT)), 'Enter');
        await term.waitFor((s) => s.includes('✓ Right.'));
        term.keys('Enter');
        const done = await term.waitFor((s) => s.includes('By concept') && s.includes('Worth another look'));
        const rows = done.split('\n');
        const from = rows.indexOf('By concept') + 1;
        const to = rows.indexOf('', from);
        const concepts = rows
          .slice(from, to)
          .join(' ')
          .split(/(?=[✓✗] )/);
        // Missed once, both of the question's concepts are named: targetPort and containerPort.
        assert.equal(concepts.length, 2, done);
        for (const concept of concepts) assert.match(concept.replace(/\s+/g, ' '), /^[✓✗] \S.*: \d+% \(0 of 1 first try\) ?$/);
      });
    });
  }

  it('the keys of a lesson, at 60x20, wrap beside their labels and scroll to the last', async () => {
    await withCourse('--lesson 4', { columns: 60, rows: 20 }, async (term) => {
      await term.waitFor((s) => s.includes('Expose the pod with one command'));
      term.keys('Escape');
      await term.waitFor((s) => s.includes('lesson keys: i to type again'));
      term.keys('?');
      const top = await term.waitFor((s) => s.startsWith('Keys') && s.includes('↑↓ scroll'));
      // Each description whole, on the label's row and the rows under it.
      const words = top.replace(/\s+/g, ' ');
      assert.match(words, /d deep dives: take them, or pass over them \(the core path\)/);
      assert.match(words, /page down scroll a page down \(a practice step's output, as at its prompt\)/);
      for (const row of top.split('\n')) assert.ok(row.length <= 60, row);
      term.keys('PageDown');
      const end = await term.waitFor((s) => s.includes('close this help'));
      assert.match(end.replace(/\s+/g, ' '), /o your own kubectl on this practice step's cluster \(again: stop\)/);
      term.keys('Escape');
      await term.waitFor((s) => s.includes('Expose the pod with one command'));
    });
  });

  it('a command typed on a step with no prompt runs nowhere, and the step stays (80x24)', async () => {
    await withCourse(
      '',
      { columns: 80, rows: 24 },
      async (term) => {
        await term.waitFor((s) => s.includes('Continue lesson'));
        term.keys('Enter');
        await term.waitFor((s) => s.includes('Who picks the node port?'));
        // The b of kubectl went back a step, and the rest ran at that step's prompt as "ectl get svc".
        term.keys('-l', 'kubectl get svc');
        term.keys('Enter');
        const after = await term.waitFor((s) => s.includes('what you type here is not run'));
        assert.match(after, /Who picks the node port\?/);
        assert.match(after, /step 2\/9/);
        assert.doesNotMatch(after, /command not found|\$ ectl/);
      },
      { lesson: 'expose-imperatively', step: 'who-picks-the-node-port' },
    );
  });

  it('after esc, a question says how to get back to it, and i answers it again (80x24)', async () => {
    await withCourse('quiz 3', { columns: 80, rows: 24 }, async (term) => {
      await term.waitFor((s) => s.includes(RIGHT) && s.includes('1-9 choose'));
      term.keys('Escape');
      const away = await term.waitFor((s) => s.includes('→ next · ← back'));
      assert.match(away, /i back to the question/);
      assert.doesNotMatch(away, /1-9 choose/, 'the digits do nothing while the lesson keys are on');
      term.keys('i');
      const back = await term.waitFor((s) => s.includes('1-9 choose'));
      term.keys(String(optionNumber(back, RIGHT)), 'Enter');
      await term.waitFor((s) => s.includes('✓ Right.'));
    });
  });
});
