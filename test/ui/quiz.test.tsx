import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { DisplayContext } from '../../src/ui/display.js';
import { emptyProgress, type Progress } from '../../src/core/progress/model.js';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { fixture } from '../helpers/fixtures.js';
import { KEYS, press, waitFor, waitForFrame } from '../helpers/ink.js';

const loaded = loadLessonDir(fixture('quiz-course'));
if (!loaded.ok) throw new Error('quiz fixture is broken');
const course = loaded.course;

type App = ReturnType<typeof render>;

function start() {
  const saves: Progress[] = [];
  const app = render(
    <DisplayContext.Provider value={{ color: false, plain: false }}>
      <App
        course={course}
        progress={emptyProgress}
        saveProgress={(p) => {
          saves.push(p);
          return null;
        }}
        size={{ columns: 100, rows: 40 }}
        practice={{ seed: 4, files: new Map() }}
        start={{ lesson: 'quiz-lesson', step: 'quiz' }}
      />
    </DisplayContext.Provider>,
  );
  return { app, saves };
}

/** The rows of answer choices on screen, in order, as text. */
const rows = (frame: string, marker: RegExp) => frame.split('\n').filter((l) => marker.test(l));

async function moveTo(app: App, frame: string, marker: RegExp, text: string): Promise<string> {
  const index = rows(frame, marker).findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `"${text}" is on screen`);
  let now = frame;
  for (let i = 0; i < index; i++) now = await press(app, KEYS.down);
  return now;
}

async function solveSingle(app: App, frame: string, text: string) {
  await moveTo(app, frame, /^[› ] \([ •]\) /, text);
  return press(app, KEYS.enter, (f) => /✓ Right\.|✗ Not quite\./.test(f));
}

async function solveOrder(app: App, frame: string, wanted: readonly string[]) {
  let now = frame;
  let cursor = 0;
  for (let target = 0; target < wanted.length; target++) {
    const current = rows(now, /^[› ] \d\. /).map((l) =>
      l
        .replace(/^[› ] \d\. /, '')
        .replace(/ +\(moving.*$/, '')
        .trim(),
    );
    const from = current.indexOf(wanted[target]!);
    for (; cursor < from; cursor++) await press(app, KEYS.down);
    for (; cursor > from; cursor--) await press(app, KEYS.up);
    await press(app, ' ');
    for (; cursor > target; cursor--) await press(app, KEYS.up);
    now = await press(app, ' ');
  }
  return press(app, KEYS.enter, (f) => /✓ Right\.|✗ Not quite\./.test(f));
}

async function solveMatch(app: App, pairs: readonly [string, string][]) {
  for (const [i, [left, right]] of pairs.entries()) {
    if (i > 0) await press(app, KEYS.down);
    for (let n = 0; n < pairs.length + 1; n++) {
      const frame = app.lastFrame() ?? '';
      const line = frame.split('\n').find((l) => new RegExp(`^[› ] ${left} +→`).test(l)) ?? '';
      if (line.endsWith(right)) break;
      await press(app, KEYS.right);
    }
  }
  return press(app, KEYS.enter, (f) => /✓ Right\.|✗ Not quite\./.test(f));
}

describe('a quiz in the course', () => {
  it('answers every kind by keys, brings a missed question back, and keeps the result', async () => {
    const { app, saves } = start();
    let frame = await waitForFrame(app, (f) => f.includes('SINGLE-PROMPT'));
    assert.match(frame, /Question 1 · 0 of 5 answered right so far/);

    frame = await solveSingle(app, frame, 'targetPort');
    assert.match(frame, /✗ Not quite\./);
    assert.match(frame, /You picked "targetPort"\. That is the pod's port\./);
    assert.match(frame, /✓ right answer/);
    assert.match(frame, /✗ your pick/);

    await press(app, KEYS.enter, (f) => f.includes('TYPED-PROMPT'));
    await press(app, ' 032767 ', (f) => f.includes('Answer:  032767'));
    assert.match(await press(app, KEYS.enter, (f) => f.includes('✓ Right.') || f.includes('✗')), /✓ Right\./);

    frame = await press(app, KEYS.enter, (f) => f.includes('ORDER-PROMPT'));
    frame = await solveOrder(app, frame, ['node', 'service', 'pod']);
    assert.match(frame, /✓ Right\./);

    frame = await press(app, KEYS.enter, (f) => f.includes('SINGLE-PROMPT') || f.includes('MATCH-PROMPT'));
    if (frame.includes('SINGLE-PROMPT')) {
      assert.match(frame, /again: you missed it earlier/);
      frame = await solveSingle(app, frame, 'nodePort');
      assert.match(frame, /✓ Right\./);
      await press(app, KEYS.enter, (f) => f.includes('MATCH-PROMPT'));
    }
    frame = await solveMatch(app, [
      ['nodePort', 'on every node'],
      ['port', 'on the cluster IP'],
      ['targetPort', 'on the pod'],
    ]);
    assert.match(frame, /✓ Right\./);

    frame = await press(app, KEYS.enter, (f) => f.includes('BUG-PROMPT') || f.includes('SINGLE-PROMPT'));
    while (!frame.includes('Quiz complete')) {
      if (frame.includes('BUG-PROMPT')) {
        for (let i = 0; i < 3; i++) await press(app, KEYS.down);
        assert.match(await press(app, KEYS.enter, (f) => /✓ Right\.|✗/.test(f)), /✓ Right\./);
      } else if (frame.includes('SINGLE-PROMPT')) {
        assert.match(frame, /again: you missed it earlier/);
        assert.match(await solveSingle(app, frame, 'nodePort'), /✓ Right\./);
      }
      frame = await press(app, KEYS.enter, (f) => f.includes('BUG-PROMPT') || f.includes('SINGLE-PROMPT') || f.includes('Quiz complete'));
    }
    assert.match(frame, /Quiz complete: 5 questions, 4 at the first try and 1 after a retry\. Score/);
    assert.match(frame, /✗ nodePort: the port on every worker node: 50% \(0 of 1 first try\)/);
    assert.match(frame, /Worth another look\n- nodePort: the port on every worker node/);
    await waitFor(() => saves.some((s) => s.quizzes?.['quiz-lesson/quiz'] !== undefined));
    const kept = saves.at(-1)!.quizzes!['quiz-lesson/quiz']!;
    assert.equal(kept.firstTry, 4);
    assert.equal(kept.total, 5);
    app.unmount();
  });

  it('keeps Esc for the lesson keys, and shows the answer with g', async () => {
    const { app } = start();
    await waitForFrame(app, (f) => f.includes('SINGLE-PROMPT'));
    const shown = await press(app, 'g', (f) => f.includes('✗ Not quite.') || f.includes('right answer'));
    assert.match(shown, /nodePort +✓ right answer/);
    await press(app, KEYS.escape, (f) => f.includes('→ next'));
    await press(app, KEYS.left, (f) => f.includes('Before the quiz'));
    app.unmount();
  });
});

describe('the lesson list after a quiz', () => {
  it('shows the best quiz result kept in progress', async () => {
    const progress: Progress = { ...emptyProgress, quizzes: { 'quiz-lesson/quiz': { score: 0.9, firstTry: 4, total: 5, concepts: {} } } };
    const app = render(
      <DisplayContext.Provider value={{ color: false, plain: false }}>
        <App course={course} progress={progress} saveProgress={() => null} size={{ columns: 100, rows: 30 }} />
      </DisplayContext.Provider>,
    );
    await waitForFrame(app, (f) => /Quiz lesson +\d+ min · 0\/2 steps · quiz best 90%/.test(f));
    app.unmount();
  });
});
