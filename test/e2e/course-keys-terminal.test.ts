// Tier: slow
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAR_TERMINAL, CLI, saneModes, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { spread } from '../helpers/soak.js';
import { tempDir } from '../helpers/temp.js';

// Every key the course knows but the two that quit (q, Ctrl-C), and some it does not.
const KEYS = [
  'Enter',
  'Enter',
  'Right',
  'Right',
  'Right',
  'Left',
  'Up',
  'Down',
  'Down',
  'Space',
  'Escape',
  'Tab',
  'PageDown',
  'PageUp',
  'Home',
  'End',
  'BSpace',
  '?',
  'l',
  'h',
  'i',
  'a',
  'g',
  'G',
  'j',
  'k',
  'n',
  'b',
  'y',
  'r',
  'x',
  'é',
  '中',
  'F5',
  'C-u',
  'C-w',
];
const TOP = /^(nodeport-lab {2}|Lesson \d+\/\d+ |Keys|Please enlarge the window)/;

function* randomKeys(seed: number, count: number): Generator<string> {
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield KEYS[state % KEYS.length]!;
  }
}

/** A learner who stopped at `step` of `lesson`: the course offers to continue there. */
function homeAt(lesson: string, step: string): string {
  const dir = tempDir('npl-keys-');
  writeFileSync(join(dir, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson, step } }));
  return dir;
}

// Walks start on each kind of screen, as a random walk tends to stay in the first lessons.
const STARTS = [
  { lesson: 'why-a-service', step: 'test-what-you-deploy' },
  { lesson: 'create-the-pod', step: 'run-the-pod' },
  { lesson: 'expose-declaratively', step: 'service-manifest' },
  { lesson: 'expose-declaratively', step: 'side-by-side' },
  { lesson: 'request-path', step: 'follow-your-request' },
  { lesson: 'break-it', step: 'trace-no-endpoints' },
  { lesson: 'three-ports', step: 'check-yourself' },
] as const;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Leaves any prompt or answer box (Escape), and once the footer offers it, quits. */
async function quit(term: Terminal): Promise<void> {
  const lastRow = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';
  if (!/q quit/.test(lastRow(term.screen()))) {
    term.keys('Escape');
    await term.waitFor((s) => /q quit/.test(lastRow(s)));
  }
  term.keys('q');
}

/** The frame fits the window: its header on the top row, no row wider than the window. */
function fits(screen: string, columns: number, rows: number): boolean {
  const lines = screen.replace(/\n$/, '').split('\n');
  return TOP.test(lines[0] ?? '') && lines.length <= rows && lines.every((l) => l.length <= columns);
}

// The quick run starts from three of the screens (reading, a side-by-side, a quiz); the soak from all.
const RUN = spread(STARTS);

describe('the shipped course under random keys and resizes, in a real terminal', { skip: tmuxMissing() }, () => {
  for (const [n, start] of RUN.entries()) {
    it(`from ${start.lesson}/${start.step}, 60 random keys: every frame fits the window (Ink never clears one taller than it), and q still quits`, async () => {
      const term = new Terminal(`node ${CLI} --seed 4`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: homeAt(start.lesson, start.step) });
      try {
        await term.waitFor((s) => s.includes('Continue lesson'));
        term.keys('Enter');
        await term.waitFor((s) => /^Lesson \d+\/\d+ /.test(s));
        term.record();
        for (const key of randomKeys(9 + n, 60)) {
          term.keys(key);
          // Not a timing assertion: a little room for keys to land on different screens.
          await pause(15);
        }
        const screen = await term.waitFor((s) => fits(s, 100, 30));
        assert.ok(!term.recorded().includes(CLEAR_TERMINAL), `a frame was taller than the window; the screen:\n${screen}`);
        await quit(term);
        const { code, stty } = await term.exited();
        assert.equal(code, 0);
        assert.ok(saneModes(stty), stty);
      } finally {
        term.close();
      }
    });
  }

  it('resized every few keys, from each kind of screen: each frame is redrawn to the new size', async () => {
    const sizes = [
      [80, 24],
      [200, 50],
      [60, 20],
      [120, 40],
      [61, 21],
      [160, 25],
      [100, 30],
    ] as const;
    let resizes = 0;
    for (const [n, start] of RUN.entries()) {
      const term = new Terminal(`node ${CLI} --seed 4`, { columns: 100, rows: 30 }, { NODEPORT_LAB_HOME: homeAt(start.lesson, start.step) });
      try {
        await term.waitFor((s) => s.includes('Continue lesson'));
        term.keys('Enter');
        await term.waitFor((s) => /^Lesson \d+\/\d+ /.test(s));
        let i = 0;
        for (const key of randomKeys(21 + n, 24)) {
          term.keys(key);
          await pause(15);
          if (++i % 6 === 0) {
            const [columns, rows] = sizes[resizes++ % sizes.length]!;
            term.resize(columns, rows);
            await term.waitFor((s) => fits(s, columns, rows), 10000);
          }
        }
        await quit(term);
        const { code, stty } = await term.exited();
        assert.equal(code, 0);
        assert.ok(saneModes(stty), stty);
      } finally {
        term.close();
      }
    }
  });
});
