// A "find the wrong line" question in a real terminal at 80x24: no line is chosen when it opens, so
// an enter pressed to move on from the question before answers nothing; ↓ then chooses line 1.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const LESSON = `format: 1
id: find-the-line
title: Find the line
summary: One manifest with one wrong line.
steps:
  - id: check
    kind: quiz
    title: Check yourself
    text: One question.
    questions:
      - id: selector
        kind: bug
        concepts: [selectors-endpoints]
        prompt: BUG-PROMPT The Service finds no pod. Which line breaks it?
        code: |
          kind: Service
          spec:
            selector:
              app: myap
        line: 4
        why: RIGHT-WHY The selector must match the pod's label app=myapp.
`;

function course(): string {
  const dir = tempDir('npl-bugq-');
  mkdirSync(join(dir, 'manifests'));
  writeFileSync(join(dir, '01-find-the-line.yml'), LESSON);
  return dir;
}

/** The rows of the manifest on screen, as `› ` or `  `, the line number and the code. */
const codeRows = (screen: string) => screen.split('\n').filter((l) => /^[› ] +\d+ │ /.test(l));

describe('a bug question opens with no line chosen', { skip: tmuxMissing() }, () => {
  const terms: Terminal[] = [];
  after(() => terms.forEach((t) => t.close()));

  it('80x24: enter before a line is chosen answers nothing; ↓ chooses line 1, then the arrows move', async () => {
    const term = new Terminal(`node ${CLI} --lessons ${course()} --seed 2`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: tempDir('npl-home-') });
    terms.push(term);
    await term.waitFor((s) => s.includes('Find the line'));
    term.keys('Enter');
    const opened = await term.waitFor((s) => s.includes('BUG-PROMPT') && codeRows(s).length === 4);
    assert.equal(codeRows(opened).filter((l) => l.startsWith('›')).length, 0, `no line is chosen for the learner:\n${opened}`);
    term.keys('Enter');
    const slip = await term.waitFor((s) => s.includes('No line chosen yet'));
    assert.doesNotMatch(slip, /✓ Right\.|✗ Not quite\./, 'enter with no line chosen is no answer');
    term.keys('Down');
    const first = await term.waitFor((s) => codeRows(s).some((l) => l.startsWith('›')));
    assert.match(codeRows(first)[0] ?? '', /^› +1 │ kind: Service/, `the first ↓ chooses line 1:\n${first}`);
    term.keys('Down', 'Down', 'Down');
    await term.waitFor((s) => /^› +4 │ +app: myap/m.test(s));
    term.keys('Enter');
    const right = await term.waitFor((s) => s.includes('✓ Right.'));
    assert.match(right, /RIGHT-WHY/);
  });
});
