// Tier: slow
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/fixtures.js';
import { CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { PROGRESS_VERSION } from '../../src/core/progress/model.js';
import { tempDir } from '../helpers/temp.js';

const home = () => tempDir('npl-faults-');

function at(lesson: string, step: string): object {
  return { version: 1, lessons: {}, last: { lesson, step } };
}

/** Keys that bring the fixture course to each screen, and how to recognise it. */
const SCREENS: { name: string; keys: string[]; shows: string; progress?: object; command?: string }[] = [
  { name: 'the lesson list', keys: [], shows: 'First lesson' },
  { name: 'the resume prompt', keys: [], shows: 'Continue lesson 2', progress: { version: 1, lessons: {}, last: { lesson: 'second', step: 'sides' } } },
  { name: 'a read step', keys: ['Enter'], shows: 'Hello step' },
  { name: 'the help overlay', keys: ['Enter', '?'], shows: 'Keys' },
  { name: 'a manifest step', keys: ['Enter', 'Right', 'Right'], shows: 'Manifest step' },
  { name: 'a practice prompt', keys: ['j', 'j', 'Enter'], shows: 'Practice step' },
  {
    name: 'a trace (before its objects exist)',
    keys: ['j', 'j', 'Enter', 'Escape', 'Right', 'Right'],
    shows: 'is not a URL yet (make the objects it names first)',
  },
  { name: 'a quiz', keys: [], shows: 'SINGLE-PROMPT', command: `quiz --lessons ${fixture('quiz-course')}` },
  // The shipped course, for the screens the fixture course does not have.
  { name: 'a compare step', keys: ['Enter'], shows: 'the manifest, side by side', command: '', progress: at('expose-declaratively', 'side-by-side') },
  { name: 'a trace prediction', keys: ['Enter'], shows: 'Before you look', command: '', progress: at('break-it', 'trace-no-endpoints') },
  { name: 'a trace mid-way', keys: ['Enter', 'Right', 'Right'], shows: 'Hop 3 of', command: '', progress: at('request-path', 'follow-your-request') },
];

describe('every way out, on every screen, in a real terminal', { skip: tmuxMissing() }, () => {
  for (const screen of SCREENS) {
    it(`Ctrl-C on ${screen.name} quits, keeps progress and restores the terminal`, async () => {
      const dir = home();
      if (screen.progress) writeFileSync(join(dir, 'progress.json'), JSON.stringify(screen.progress));
      const command = screen.command ?? `--lessons ${fixture('course')}`;
      const term = new Terminal(`node ${CLI} ${command} --seed 2`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
      try {
        await term.waitFor((s) => s.includes('First lesson') || s.includes('Continue lesson') || s.includes(screen.shows));
        await term.readingKeys();
        for (const key of screen.keys) {
          const before = term.screen();
          term.keys(key);
          await term.waitFor((s) => s !== before);
        }
        await term.waitFor((s) => s.includes(screen.shows));
        term.keys('C-c');
        const { code, stty } = await term.exited();
        assert.equal(code, 0);
        assert.ok(saneModes(stty), stty);
        assert.ok(term.cursorVisible());
        if (screen.keys.includes('Enter') || screen.command) {
          assert.equal(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).version, PROGRESS_VERSION, 'progress was written');
        }
      } finally {
        term.close();
      }
    });
  }

  // SIGTERM (kill, a service manager), SIGHUP (the terminal closed), SIGINT (kill -INT from outside).
  for (const [signal, status] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} keeps progress, restores the terminal and exits ${status}`, async () => {
      const dir = home();
      const term = new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: dir });
      try {
        await term.waitFor((s) => s.includes('First lesson'));
        term.keys('Enter');
        await term.waitFor((s) => s.includes('Hello step'));
        // Ink's handlers (and raw mode) are in place once keys are read raw.
        await term.readingKeys();
        term.signal(signal);
        const { code, stty } = await term.exited();
        assert.equal(code, status);
        assert.ok(saneModes(stty));
        assert.ok(term.cursorVisible());
        assert.equal(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).last.step, 'hello');
      } finally {
        term.close();
      }
    });
  }

  it('TERM=dumb gets the plain course: no colour, no box drawing', async () => {
    const term = new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: home(), TERM: 'dumb' });
    try {
      await term.waitFor((s) => s.includes('First lesson'));
      await term.readingKeys();
      term.keys('Enter', 'Right');
      const screen = await term.waitFor((s) => s.includes('Picture step'));
      assert.match(screen, /Diagram: Words that stand for the three-ports drawing/);
      assert.doesNotMatch(screen, /[┌│─●]/);
      assert.doesNotMatch(term.styledScreen(), /\u001B\[[0-9;]*3[0-8]m/);
      term.keys('q');
      assert.equal((await term.exited()).code, 0);
    } finally {
      term.close();
    }
  });

  for (const key of ['q', 'C-c']) {
    it(`a 40x12 window asks for more room, and ${key === 'q' ? 'q' : 'Ctrl-C'} still quits cleanly`, async () => {
      const term = new Terminal(`node ${CLI} --lessons ${fixture('course')}`, { columns: 40, rows: 12 }, { NODEPORT_LAB_HOME: home() });
      try {
        const screen = await term.waitFor((s) => s.includes('Please enlarge'));
        assert.match(screen, /now 40x12/);
        assert.ok(screen.split('\n').every((l) => l.length <= 40));
        await term.readingKeys();
        term.keys(key);
        const { code, stty } = await term.exited();
        assert.equal(code, 0);
        assert.ok(saneModes(stty));
        assert.ok(term.cursorVisible());
      } finally {
        term.close();
      }
    });
  }
});
