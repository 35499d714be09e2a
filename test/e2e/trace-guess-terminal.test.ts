// A trace that asks for a guess, right after a trace walked with space, at 80x24: the space that
// moves on from the last hop of the first trace, pressed once too often, does not guess in the
// second. No ending is chosen when the question opens; ↓ chooses one, and enter is the guess.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const LESSON = `format: 1
id: guess-first
title: Guess first
summary: A trace, then a trace that asks for a guess.
setup:
  - kubectl run web --image stacksimplify/kubenginx:1.0.0
  - kubectl expose pod web --type=NodePort --port=80 --name=web
  - sleep 10
steps:
  - id: walk
    kind: trace
    title: FIRST-TRACE
    text: Walk it with space.
    request:
      from: outside
      url: "http://{{pod.web.nodeIP}}:{{service.web.nodePort}}/"
  - id: guess
    kind: trace
    title: SECOND-TRACE
    text: Guess first.
    predict: true
    request:
      from: outside
      url: "http://{{node.worker-2.externalIP}}:{{service.web.nodePort}}/"
`;

/** The endings on screen, each as its row. */
const endings = (screen: string) => screen.split('\n').filter((l) => /^[› ] \([ •]\) /.test(l));

describe('a guess is chosen, never taken from a key pressed to move on', { skip: tmuxMissing() }, () => {
  const terms: Terminal[] = [];
  after(() => terms.forEach((t) => t.close()));

  it('80x24: the space past the last hop opens the question with nothing chosen; one more space guesses nothing', async () => {
    const dir = tempDir('npl-guess-');
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, '01-guess-first.yml'), LESSON);
    const term = new Terminal(`node ${CLI} --lessons ${dir} --seed 2`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: tempDir('npl-home-') });
    terms.push(term);
    await term.waitFor((s) => s.includes('Guess first'));
    term.keys('Enter');
    let screen = await term.waitFor((s) => s.includes('FIRST-TRACE'));
    for (let i = 0; i < 40 && !screen.includes('SECOND-TRACE'); i++) {
      term.keys('Space');
      screen = await term.waitFor((s) => s !== screen);
    }
    const asked = await term.waitFor((s) => s.includes('Before you look') && endings(s).length === 5);
    assert.equal(endings(asked).filter((l) => l.includes('(•)')).length, 0, `no ending is chosen for the learner:\n${asked}`);
    term.keys('Space');
    const slip = await term.waitFor((s) => s.includes('Nothing chosen yet'));
    assert.doesNotMatch(slip, /Hop 1 of|Right:|Not quite|You guessed/, `the space is no guess:\n${slip}`);
    term.keys('Down');
    const chosen = await term.waitFor((s) => endings(s).some((l) => l.startsWith('› (•)')));
    assert.match(endings(chosen)[1] ?? '', /^› \(•\) /, 'the first ↓ moves to the second ending and chooses it');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('Hop 1 of'));
  });
});
