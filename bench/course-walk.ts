// npm run bench:course: peak RSS of the course over the whole course, walked in tmux (120x40) as a
// learner would: deep dives taken, every step of every lesson in order; at each practice step the
// lines of its first solution from the lesson file (templates filled from a copy of the lesson's
// cluster that runs the same lines from the same seed, moved by the same time between lines, so it
// holds the node ports, names and addresses the course shows), then on once the goal is met; every quiz question answered
// once (the option under the cursor, or a typed guess) and its feedback read; every trace walked
// hop by hop. Prints VmHWM of the course process at the end, and how many practice steps met
// their goal (a step whose goal is not met is left with esc →, as a learner may), then the step at
// which the high-water mark was set and the RSS per lesson (bench/memory-record.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../src/core/course/loader.js';
import { readLessonDir } from '../src/core/course/read-dir.js';
import { courseFiles } from '../src/core/course/replay.js';
import { fillTemplates } from '../src/core/course/template.js';
import { newShell, runLine } from '../src/core/shell/shell.js';
import { MemoryRecord } from './memory-record.js';

const cli = process.env.BENCH_CLI ?? join(import.meta.dirname, '../dist/cli.js');
const SEED = 1;
const read = readLessonDir(join(import.meta.dirname, '../lessons'));
if (!read.ok) throw new Error(read.message);
const loaded = loadCourse(read.sources);
if (!loaded.ok) throw new Error('the lessons do not load');
const course = loaded.course;
const files = courseFiles(course);

const home = mkdtempSync(join(tmpdir(), 'npl-walk-'));
// BENCH_CACHE_FROM=HOME: start with the code cache another home kept (HOME/cache), as a learner's
// later starts do; without it the walk is the course's first start of all, which keeps none.
if (process.env.BENCH_CACHE_FROM) cpSync(join(process.env.BENCH_CACHE_FROM, 'cache'), join(home, 'cache'), { recursive: true });
const socket = `npl-walk-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p');
const keys = (...k: string[]): void => void tmux('send-keys', ...k);
const type = (text: string): void => void tmux('send-keys', '-l', text);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
// BENCH_LOG=1: a line per step on stderr (where the walk is, the course's RSS there, a goal missed with its screen).
const log = process.env.BENCH_LOG ? (text: string): void => void process.stderr.write(`${Date.now()} ${text}\n`) : (): void => {};
const rss = (pid: string): string => /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';
const memory = new MemoryRecord();
let pid = ''; // the course process, once its first screen is up

async function waitFor(test: (s: string) => boolean, ms = 4000): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 25) {
    if (test(screen())) return true;
    if (pid !== '') memory.sample(pid);
    await sleep(25);
  }
  return false;
}

/** Where the course is: "Lesson L/11 ... step S/N". */
const at = (s: string): string | undefined => {
  const lesson = /Lesson (\d+)\//.exec(s)?.[1];
  const step = /step (\d+)\//.exec(s)?.[1];
  return lesson === undefined || step === undefined ? undefined : `${lesson}:${step}`;
};

/** Sends `press` until the course leaves `here`; esc first when a press does not move it. */
async function moveOn(here: string, press: () => void, tries = 60, wait = 400, escape = true): Promise<void> {
  for (let i = 0; i < tries; i++) {
    press();
    if (await waitFor((s) => at(s) !== undefined && at(s) !== here, wait)) return;
    if (escape && i % 10 === 9) keys('Escape');
  }
  throw new Error(`stuck at ${here}:\n${screen()}`);
}

// The course moves a lesson's clock by the wall time between two commands (ui/App.tsx), counted from
// its start; the copy is moved by the time between the walk's own Enters, which is the same time.
let lastEnter = Date.now();
tmux('new-session', '-d', '-x', '120', '-y', '40', `NODEPORT_LAB_HOME=${home} exec node ${process.env.BENCH_NODE_ARGS ?? ''} ${cli} --seed ${SEED}`);
let met = 0;
let practice = 0;
let answered = 0;
try {
  if (!(await waitFor((s) => s.includes('Review quiz'), 20_000))) throw new Error(`no lesson list:\n${screen()}`);
  pid = tmux('display', '-p', '#{pane_pid}').trim();
  keys('d'); // deep dives taken: every step of every lesson
  await waitFor((s) => !s.includes('Deep dives are passed over'));
  keys('Enter');
  // BENCH_LESSONS=N: only the first N lessons (a shorter walk, to compare a change quickly).
  const lessons = course.lessons.slice(0, Number(process.env.BENCH_LESSONS ?? course.lessons.length));
  for (const [li, lesson] of lessons.entries()) {
    // The course seeds each lesson's cluster with the course seed plus the lesson's index (core/navigation/lesson.ts).
    let shell = newShell(SEED + li);
    for (const line of lesson.setup) shell = runLine(shell, line, files, 1000).state;
    for (const [si, step] of lesson.steps.entries()) {
      const here = `${li + 1}:${si + 1}`;
      if (!(await waitFor((s) => at(s) === here, 8000))) throw new Error(`expected ${here}, at ${at(screen())}:\n${screen()}`);
      log(`${here} ${lesson.id}/${step.id} ${step.kind} rss ${rss(pid)} kB`);
      memory.at(here);
      if (step.kind === 'do') {
        practice++;
        for (const raw of step.solutions?.[0] ?? []) {
          const line = fillTemplates(raw, shell.cluster);
          const now = Date.now();
          shell = runLine(shell, line, files, now - lastEnter).state;
          lastEnter = now;
          type(line);
          keys('Enter');
          await waitFor((s) => !s.includes(line), 3000); // the prompt is cleared once the line ran
        }
        // A pod still starting: the course says to look again in a few seconds, and the walk does,
        // as a learner would (the cluster's clock moves with the commands typed).
        for (let again = 0; again < 3 && !(await waitFor((s) => s.includes('Goal reached'), 3000)); again++) {
          if (!/still ContainerCreating: run kubectl get pods again/.test(screen().replace(/\n\s*/g, ' '))) break;
          const now = Date.now();
          shell = runLine(shell, 'kubectl get pods', files, now - lastEnter).state;
          lastEnter = now;
          type('kubectl get pods');
          keys('Enter');
        }
        if (await waitFor((s) => s.includes('Goal reached'), 3000)) {
          met++;
          await moveOn(here, () => keys('Enter'));
        } else {
          log(`goal not met at ${here}:\n${screen()}`);
          keys('Escape');
          await moveOn(here, () => keys('Right'));
        }
      } else if (step.kind === 'quiz') {
        for (let q = 0; q < step.questions.length; q++) {
          const before = screen();
          // Questions start with nothing chosen: ↓ chooses (single, bug) or touches (order), 1 matches
          // the first term (match), space ticks (multiple); a typed question takes "1 " as its guess.
          for (const key of ['Down', '1', 'Space', 'Enter']) keys(key);
          if (!(await waitFor((s) => /✓|✗/.test(s) && s !== before, 800))) {
            type('x'); // a typed question: a guess
            keys('Enter');
            await waitFor((s) => /✓|✗/.test(s), 2000);
          }
          answered++;
          keys('Enter'); // the next question
          await sleep(50);
        }
        keys('Escape');
        // The course's last step has no step after it.
        if (li < course.lessons.length - 1 || si < lesson.steps.length - 1) await moveOn(here, () => keys('Right'));
      } else if (step.kind === 'trace') {
        // A trace that asks for a guess starts with none chosen: ↓ chooses the first ending.
        const guess = () => {
          keys('Down');
          keys('Enter');
        };
        if (await waitFor((s) => s.includes('that is my guess'), 300)) guess();
        await moveOn(here, () => (screen().includes('that is my guess') ? guess() : keys('Right')), 200, 150, false);
      } else {
        await moveOn(here, () => keys('Right'));
      }
      memory.record(pid, here, `${lesson.id}/${step.id}`, step.kind);
    }
  }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  // BENCH_END_SIGNAL=SIGUSR2: a signal to the course once walked (with BENCH_NODE_ARGS=--heapsnapshot-signal=SIGUSR2, a heap snapshot).
  if (process.env.BENCH_END_SIGNAL) {
    process.kill(Number(pid), process.env.BENCH_END_SIGNAL);
    await sleep(Number(process.env.BENCH_END_WAIT ?? 10_000));
  }
  console.log(
    `${lessons.length === course.lessons.length ? 'whole course' : 'first lessons'}: ${lessons.length} lessons, ${lessons.reduce((n, l) => n + l.steps.length, 0)} steps; practice goals met ${met}/${practice}; quiz answers ${answered}`,
  );
  console.log(`peak RSS (VmHWM) ${peak.toFixed(1)} MiB`);
  console.log(memory.report());
} finally {
  tmux('kill-server');
  rmSync(home, { recursive: true, force: true });
}
