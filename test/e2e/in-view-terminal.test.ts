// What the learner must read is on screen at 80x24 and at 60x20, in a real terminal: the hint
// beside the goal, a quiz's verdict and its why after a wrong and a right answer, a match
// question's choices in full, and a long output scrolled back to its top.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const LESSON = `format: 1
id: in-view
title: In view
summary: Everything to read is on screen.
steps:
  - id: look
    kind: do
    title: Look at the nodes
    text: |
      A paragraph to read before typing, long enough to take a few rows of the window at sixty columns and more.

      Another paragraph, so that the instructions pane has something to scroll, and the hint would be far below it.

      A third paragraph, because a learner's window fills up fast.
    goal:
      - ran: kubectl get nodes
    hints:
      - HINT-TEXT Type kubectl get nodes and press Enter.
  - id: check
    kind: quiz
    title: Check yourself
    text: Two questions.
    questions:
      - id: which-port
        kind: single
        concepts: [node-port]
        prompt: Which port is opened on every worker node of the cluster?
        options:
          - { text: nodePort, correct: true, why: "RIGHT-WHY The node port is opened on every node, from the range 30000-32767." }
          - { text: targetPort, why: "WRONG-WHY The targetPort is the pod's port, where the Service delivers the request." }
          - { text: port, why: The port is the Service's own port on its cluster IP. }
      - id: where
        kind: match
        concepts: [target-port]
        prompt: Match each field to where it is.
        pairs:
          - { left: nodePort, right: "FULL-ONE opened on every worker node of the cluster for outside requests END", why: It opens on the nodes. }
          - { left: port, right: "FULL-TWO the Service's own port on its cluster IP inside the cluster END", why: It is the Service's port. }
          - { left: targetPort, right: "FULL-THREE the port on the pod where the container listens END", why: It is where the pod listens. }
`;

/** The number of a single-choice option on screen, counted from 1. */
function optionNumber(screen: string, option: string): string {
  const options = screen.split('\n').filter((l) => /[› ] \([ •]\) /.test(l));
  const index = options.findIndex((l) => l.trimEnd().endsWith(` ${option}`));
  assert.ok(index >= 0, `${option} on screen:\n${screen}`);
  return String(index + 1);
}

function course(): string {
  const dir = tempDir('npl-inview-');
  mkdirSync(join(dir, 'manifests'));
  writeFileSync(join(dir, '01-in-view.yml'), LESSON);
  return dir;
}

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 20 },
];

describe('everything to read is in view', { skip: tmuxMissing() }, () => {
  const lessons = course();
  const terms: Terminal[] = [];
  after(() => terms.forEach((t) => t.close()));

  for (const size of SIZES) {
    const start = () => {
      const term = new Terminal(`node ${CLI} --lessons ${lessons} --seed 2`, size, { NODEPORT_LAB_HOME: tempDir('npl-home-') });
      terms.push(term);
      return term;
    };
    const fits = (screen: string) => screen.split('\n').every((l) => [...l].length <= size.columns);

    it(`${size.columns}x${size.rows}: the hint shows under the goal, beside the prompt`, async () => {
      const term = start();
      await term.waitFor((s) => s.includes('In view'));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Look at the nodes') && s.includes('Goal'));
      term.keys('hint', 'Enter');
      const shown = await term.waitFor((s) => s.includes('HINT-TEXT'));
      const rows = shown.split('\n');
      const goal = rows.findIndex((r) => r.startsWith('Goal'));
      const hint = rows.findIndex((r) => r.includes('HINT-TEXT'));
      const prompt = rows.findIndex((r) => r.startsWith('$'));
      assert.ok(goal >= 0 && goal < hint && hint < prompt, `the hint sits between the goal and the prompt:\n${shown}`);
    });

    it(`${size.columns}x${size.rows}: help, a long output, scrolls back to its top with page up`, async () => {
      const term = start();
      await term.waitFor((s) => s.includes('In view'));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Goal'));
      term.keys('help', 'Enter');
      const end = await term.waitFor((s) => s.includes('earlier line'));
      assert.doesNotMatch(end, /This prompt is a shell/, 'the top of help is out of view at first');
      let screen = end;
      for (let i = 0; i < 20 && !screen.includes('$ help'); i++) {
        term.keys('PPage');
        screen = await term.waitFor((s) => s !== screen || s.includes('$ help'));
      }
      assert.match(screen, /\$ help/);
      assert.match(screen, /This prompt is a shell on your laptop/);
      assert.match(screen, /newer lines? below/);
      assert.ok(fits(screen));
      // Page down brings the prompt back.
      for (let i = 0; i < 20 && /newer lines? below/.test(screen); i++) {
        term.keys('NPage');
        screen = await term.waitFor((s) => s !== screen || !/newer lines? below/.test(s));
      }
      assert.match(screen, /earlier lines? · pgup/);
    });

    it(`${size.columns}x${size.rows}: a wrong then a right answer each show the verdict and the why at once; a match shows its choices whole`, async () => {
      const term = start();
      await term.waitFor((s) => s.includes('In view'));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Goal'));
      term.keys('kubectl get nodes', 'Enter');
      await term.waitFor((s) => s.includes('Goal reached'));
      term.keys('Enter');
      const question = await term.waitFor((s) => s.includes('Which port is opened'));
      for (const option of ['nodePort', 'targetPort', 'port'])
        assert.match(question, new RegExp(`\\( \\) ${option}$|\\(•\\) ${option}$`, 'm'), `option ${option} in view`);
      // Choose targetPort (wrong) by its number: no option is chosen before the learner picks one.
      term.keys(optionNumber(question, 'targetPort'));
      await term.waitFor((s) => /› \(•\) targetPort/.test(s));
      term.keys('Enter');
      const wrong = await term.waitFor((s) => s.includes('Not quite'));
      assert.match(wrong, /WRONG-WHY/, `the why of the chosen option:\n${wrong}`);
      assert.match(wrong, /RIGHT-WHY/, 'the why of the right option');
      assert.match(wrong, /enter next question/);
      assert.ok(fits(wrong));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Match each field'));
      const match = await term.waitFor((s) => s.includes('FULL-ONE'));
      for (const end of ['FULL-ONE', 'FULL-TWO', 'FULL-THREE']) {
        const text = match.replace(/\s+/g, ' ');
        assert.match(text, new RegExp(`${end}[^E]*END`), `${end} whole:\n${match}`);
      }
      assert.ok(fits(match));
      // g shows the answer; the single question comes back later: answer it right then.
      term.keys('g');
      await term.waitFor((s) => s.includes('The right pairs'));
      term.keys('Enter');
      const again = await term.waitFor((s) => s.includes('Which port is opened'));
      term.keys(optionNumber(again, 'nodePort'));
      await term.waitFor((s) => /› \(•\) nodePort/.test(s));
      term.keys('Enter');
      const right = await term.waitFor((s) => s.includes('✓ Right.'));
      assert.match(right, /RIGHT-WHY/);
      assert.ok(fits(right));
    });
  }

  it('screen-reader mode: no box drawing, the plain presentation', async () => {
    const term = new Terminal(
      `node ${CLI} --lessons ${lessons} --seed 2`,
      { columns: 80, rows: 24 },
      { NODEPORT_LAB_HOME: tempDir('npl-home-'), INK_SCREEN_READER: 'true' },
    );
    terms.push(term);
    term.keys('Enter');
    const screen = await term.waitFor((s) => s.includes('Goal'));
    assert.doesNotMatch(screen, /[─│┌┐└┘●○]/);
    assert.match(screen, /\[todo\]/);
  });
});
