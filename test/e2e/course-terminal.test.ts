import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/fixtures.js';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const skip = tmuxMissing();
const home = () => tempDir('npl-home-');

describe('the built course in a real terminal', { skip }, () => {
  it('shows the lesson list, opens a lesson, quits with q and leaves the terminal sane', async () => {
    const dir = home();
    const term = new Terminal(`node ${CLI}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
    try {
      const first = await term.waitFor((s) => s.includes('nodeport-lab') && s.includes('Why a pod needs a Service'));
      assert.match(first, /›\s+1\s+Why a pod needs a Service/);
      term.keys('Enter');
      await term.waitFor((s) => s.includes('step 1/'));
      term.keys('Right');
      await term.waitFor((s) => s.includes('step 2/'));
      term.keys('q');
      const { code, stty } = await term.exited();
      assert.equal(code, 0);
      assert.ok(saneModes(stty), `echo and icanon restored:\n${stty}`);
      assert.ok(term.cursorVisible(), 'the cursor is shown again');
      const saved = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
      assert.equal(saved.last.lesson, 'why-a-service');
      assert.equal(saved.lessons['why-a-service'].done.length, 1);
    } finally {
      term.close();
    }
  });

  it('resumes where the learner left off after a restart', async () => {
    const dir = home();
    const run = () => new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
    const term = run();
    try {
      await term.waitFor((s) => s.includes('First lesson'));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Hello step'));
      term.keys('Right');
      await term.waitFor((s) => s.includes('Picture step'));
      term.keys('C-c');
      const { code, stty } = await term.exited();
      assert.equal(code, 0, 'ctrl-c is the quit key inside the app');
      assert.ok(saneModes(stty));
    } finally {
      term.close();
    }
    const again = run();
    try {
      await again.waitFor((s) => s.includes('Continue lesson 1, step 2 ("Picture step")?'));
      again.keys('Enter');
      await again.waitFor((s) => s.includes('Picture step') && s.includes('step 2/3'));
      again.keys('q');
      await again.exited();
    } finally {
      again.close();
    }
  });

  it('says on screen that a corrupt progress file was set aside, and keeps its bytes', async () => {
    const dir = home();
    writeFileSync(join(dir, 'progress.json'), 'not json at all');
    const term = new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
    try {
      await term.waitFor((s) => s.includes('could not be used (it is not valid JSON)'));
      term.keys('q');
      await term.exited();
      const aside = readdirSync(dir).find((f) => f.endsWith('.bak'));
      assert.ok(aside);
      assert.equal(readFileSync(join(dir, aside), 'utf8'), 'not json at all');
    } finally {
      term.close();
    }
  });

  it('asks for a larger window and recovers when the window grows', async () => {
    const term = new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 50, rows: 15 }, { NODEPORT_LAB_HOME: home() });
    try {
      await term.waitFor((s) => s.includes('Please enlarge the window'));
      term.resize(100, 30);
      await term.waitFor((s) => s.includes('First lesson') && !s.includes('enlarge'));
      term.keys('q');
      assert.equal((await term.exited()).code, 0);
    } finally {
      term.close();
    }
  });

  for (const [how, command, env] of [
    ['NO_COLOR', `node ${CLI}`, { NO_COLOR: '1' }],
    ['--no-color', `node ${CLI} --no-color`, {}],
  ] as const) {
    it(`draws no colour with ${how}, and colour without it`, async () => {
      const plain = new Terminal(`${command} --lessons ${fixture('course')}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home(), ...env });
      const coloured = new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home() });
      try {
        await plain.waitFor((s) => s.includes('First lesson'));
        await coloured.waitFor((s) => s.includes('First lesson'));
        // SGR colour parameters: 30-37, 90-97 (foreground) or 38;5 / 38;2 (extended).
        const colour = /\u001B\[[0-9;]*(?:3[0-8]|9[0-7])[0-9;]*m/;
        assert.doesNotMatch(plain.styledScreen(), colour);
        assert.match(coloured.styledScreen(), colour);
      } finally {
        plain.close();
        coloured.close();
      }
    });
  }

  it('refuses to start on a broken lesson folder with every problem listed', async () => {
    const term = new Terminal(`node ${CLI} --lessons ${fixture('broken')}`, { columns: 200, rows: 30 }, { NODEPORT_LAB_HOME: home() });
    try {
      const { code } = await term.exited();
      const screen = term.screen();
      assert.equal(code, 1);
      assert.match(screen, /02-fields\.yml:9:5: unknown field "titel"/);
      assert.match(screen, /the course cannot start/);
      // The same list lint gives, problem for problem.
      const lint = spawnSync(process.execPath, [CLI, 'lint', fixture('broken')], { encoding: 'utf8' });
      const problems = lint.stderr
        .trim()
        .split('\n')
        .filter((l) => /:\d+:\d+: /.test(l));
      assert.ok(problems.length >= 3, lint.stderr);
      const shown = screen
        .split('\n')
        .filter((l) => /:\d+:\d+: /.test(l))
        .map((l) => l.trimEnd());
      assert.deepEqual(shown, problems);
      assert.ok(!existsSync(join(term.dir, 'never')));
    } finally {
      term.close();
    }
  });
});
