// The commands on a real cluster: `sandbox --cluster`, the course with `--cluster` (in line mode),
// and `clean --cluster`. Each starts with the preflight and the consent screen; everything the
// learner types goes through the session (the real kubectl, kept to our namespace).
import { cappedLines } from '../capped-lines.js';
import { namesLesson, noLesson } from '../find-lesson.js';
import { MAX_LINE } from '../../core/shell/shell.js';
import { visibleControls } from '../../core/visible-controls.js';
import type { KubectlIO } from '../../core/kubectl/index.js';
import type { Course, DoStep, Lesson } from '../../core/course/model.js';
import { checkGoal, type Attempt } from '../../core/course/goals.js';
import { fillTemplates } from '../../core/course/template.js';
import { notesFor, type World } from '../../core/course/world-notes.js';
import { agreed, consentDecision, consentLines } from '../../core/real-cluster/consent.js';
import { foldLine } from '../../text/hard-wrap.js';
import { namespaceFor, SANDBOX_NAMESPACE } from '../../core/real-cluster/ownership.js';
import { preflight, type Connection } from './preflight.js';
import { deleteOurNamespace, openSession, ourNamespaces, type LineResult, type Session } from './session.js';

export interface ClusterRun {
  /** The context asked for; undefined: the current one. */
  readonly context: string | undefined;
  readonly yes: boolean;
  readonly yesReally: boolean;
  readonly interactive: boolean;
  readonly input: AsyncIterable<string | Buffer>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}

/** The longest a lesson's setup waits on a real cluster. */
export const SETUP_SLEEP_S = 3;

export type Lines = AsyncIterator<{ readonly text: string; readonly tooLong: boolean }>;

async function nextLine(lines: Lines): Promise<string | undefined> {
  const next = await lines.next();
  return next.done ? undefined : next.value.text;
}

/** Preflight, then the consent screen (asked once, on the terminal; --yes without one). */
export async function connect(run: ClusterRun, namespace: string, lines: Lines): Promise<Connection | number> {
  const checked = await preflight(run.context, run.env ?? process.env);
  if (!checked.ok) {
    run.err(`nodeport-lab: ${checked.message}\n`);
    return 1;
  }
  const c = checked.connection;
  const screen = consentLines({
    context: c.context.name,
    server: c.context.server,
    serverVersion: c.serverVersion,
    kubectlVersion: c.kubectlVersion,
    detected: c.detected,
    namespace,
    notes: c.notes,
  });
  const columns = Math.max(40, process.stderr.columns || 80);
  run.err(`${visibleControls(screen.flatMap((l) => foldLine(l, columns)).join('\n'))}\n`);
  const decision = consentDecision({
    interactive: run.interactive,
    yes: run.yes,
    yesReally: run.yesReally,
    shared: c.detected.shared,
    context: c.context.name,
  });
  if (decision.kind === 'refused') {
    c.dispose();
    run.err(`${decision.message}\n`);
    return 2;
  }
  if (decision.kind === 'ask') {
    run.err('Go on? [y/N] ');
    const answer = await nextLine(lines);
    if (answer === undefined || !agreed(answer)) {
      c.dispose();
      run.err('nodeport-lab: nothing was touched.\n');
      return 1;
    }
  }
  return c;
}

function show(run: ClusterRun, result: LineResult): void {
  for (const chunk of result.output) (chunk.stream === 'stdout' ? run.out : run.err)(visibleControls(chunk.text));
}

/** `nodeport-lab sandbox --cluster [CONTEXT]`: one command per line, run for real in nodeport-lab-sandbox. */
export async function sandboxOnCluster(run: ClusterRun, files: KubectlIO, manifests: ReadonlyMap<string, string>): Promise<number> {
  const lines: Lines = cappedLines(run.input, MAX_LINE)[Symbol.asyncIterator]();
  const connected = await connect(run, SANDBOX_NAMESPACE, lines);
  if (typeof connected === 'number') return connected;
  try {
    const opened = await openSession(connected, { namespace: SANDBOX_NAMESPACE, files, manifests, cwd: process.cwd() });
    if (!opened.ok) return (run.err(`nodeport-lab: ${opened.message}\n`), 1);
    const session = opened.session;
    run.err(`Namespace ${session.namespace} is ready; type help for what runs here.\n`);
    const kept = `Your objects stay in namespace ${session.namespace}; nodeport-lab clean --cluster ${connected.context.name} deletes it.\n`;
    // Ctrl-C ends the sandbox: the private kubeconfig (it holds your credentials) goes with it.
    const interrupted = (): void => {
      connected.dispose();
      run.err(`\n${kept}`);
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    let status = 0;
    for (;;) {
      if (run.interactive) run.err('$ ');
      const line = await nextLine(lines);
      if (line === undefined) break;
      const result = await session.run(line);
      show(run, result);
      if (result.exitCode !== null) status = result.exitCode;
      if (result.exit) break;
    }
    process.removeListener('SIGINT', interrupted);
    run.err(kept);
    return status;
  } finally {
    connected.dispose();
  }
}

function checklist(step: DoStep, parts: readonly { says: string; met: boolean }[]): string {
  return parts.map((p) => `  ${p.met ? '[x]' : '[ ]'} ${p.says}`).join('\n');
}

async function setUp(run: ClusterRun, session: Session, lesson: Lesson): Promise<void> {
  await runSetup(session, lesson, (result) => show(run, result));
}

/** A lesson's setup in its namespace; `failed` hears each line that did not work, `step` each line as it starts. */
export async function runSetup(
  session: Session,
  lesson: Lesson,
  failed: (result: LineResult) => void,
  step: (line: string, index: number) => void = () => undefined,
): Promise<void> {
  for (const [index, line] of lesson.setup.entries()) {
    step(line, index);
    // A setup's sleep gives the simulator's pods time to start; a real cluster gets a few seconds.
    const wait = /^\s*sleep\s+(\d+)\s*$/.exec(line);
    const result = await session.run(wait ? `sleep ${Math.min(Number(wait[1]), SETUP_SLEEP_S)}` : line);
    if (result.exitCode !== 0 && result.exitCode !== null) failed(result);
  }
}

async function practiseLesson(run: ClusterRun, session: Session, lesson: Lesson, lines: Lines, world: World): Promise<'done' | 'ended'> {
  await setUp(run, session, lesson);
  const steps = lesson.steps.filter((s): s is DoStep => s.kind === 'do' && !s.deep);
  for (const [index, step] of steps.entries()) {
    const cluster = await session.read();
    run.out(`\n== ${lesson.title}: step ${index + 1}/${steps.length}, ${step.title}\n${visibleControls(fillTemplates(step.text, cluster)).trimEnd()}\n`);
    // The step's notes for this cluster's flavour, after its text.
    for (const note of notesFor(step.notes, world)) run.out(`\n${visibleControls(fillTemplates(note.text, cluster)).trimEnd()}\n`);
    const attempts: Attempt[] = [];
    let hints = 0;
    let parts = checkGoal(step.goal, cluster, attempts);
    run.out(`Goal:\n${checklist(step, parts)}\n`);
    // Where the worlds differ: the node address and port that answer from this machine.
    if (step.goal.some((c) => 'request' in c)) show(run, await session.run('reach'));
    while (!parts.every((p) => p.met)) {
      if (run.interactive) run.err('$ ');
      const line = await nextLine(lines);
      if (line === undefined) return 'ended';
      const text = line.trim();
      if (text === 'hint') {
        const hint = step.hints[hints];
        run.out(hint ? `hint: ${visibleControls(hint)}\n` : 'No more hints.\n');
        hints = Math.min(hints + 1, step.hints.length);
        continue;
      }
      if (text === 'skip') break;
      if (text === 'reset') {
        // The lesson's namespace, deleted and made again, and its setup run: the step starts over.
        const problem = await session.renew();
        if (problem) return (run.err(`nodeport-lab: ${problem}\n`), 'ended');
        await setUp(run, session, lesson);
        attempts.length = 0;
        parts = checkGoal(step.goal, await session.read(), attempts);
        run.out(`Namespace ${session.namespace} made again, with the lesson's setup.\nGoal:\n${checklist(step, parts)}\n`);
        continue;
      }
      const result = await session.run(text);
      show(run, result);
      if (result.exitCode === null) continue;
      attempts.push({ line: text, ...(result.request ? { request: result.request } : {}), ...(result.answer ? { answer: result.answer } : {}) });
      parts = checkGoal(step.goal, await session.read(), attempts);
      run.out(`Goal:\n${checklist(step, parts)}\n`);
      if (result.exit) return 'ended';
    }
    if (parts.every((p) => p.met)) run.out('Goal met.\n');
  }
  return 'done';
}

/** The course on a real cluster, in line mode: each do step's goal checked on the real state. */
export async function courseOnCluster(
  run: ClusterRun,
  course: Course,
  which: string | undefined,
  files: KubectlIO,
  manifests: ReadonlyMap<string, string>,
): Promise<number> {
  const lessons = course.lessons.filter((l, i) => which === undefined || namesLesson(which, l, i)).filter((l) => l.steps.some((s) => s.kind === 'do'));
  if (lessons.length === 0) return (run.err(`nodeport-lab: ${noLesson(course, which, ' with practice')}\n`), 2);
  const lines: Lines = cappedLines(run.input, MAX_LINE)[Symbol.asyncIterator]();
  const connected = await connect(run, lessons.length === 1 ? namespaceFor(lessons[0]!.id) : 'nodeport-lab-<lesson>', lines);
  if (typeof connected === 'number') return connected;
  try {
    for (const lesson of lessons) {
      const opened = await openSession(connected, { namespace: namespaceFor(lesson.id), files, manifests, cwd: process.cwd() });
      if (!opened.ok) return (run.err(`nodeport-lab: ${opened.message}\n`), 1);
      const session = opened.session;
      run.out(`\n# Lesson ${course.lessons.indexOf(lesson) + 1}: ${lesson.title} (namespace ${session.namespace})\n`);
      // Ctrl-C leaves the lesson as the end of it does: its namespace is deleted.
      const interrupted = (): void => {
        void session.leave().then((said) => {
          run.err(`\n${said}\n`);
          connected.dispose();
          process.exit(130);
        });
      };
      process.once('SIGINT', interrupted);
      const ended = await practiseLesson(run, session, lesson, lines, { kind: 'cluster', flavour: connected.detected.flavour }).finally(() =>
        process.removeListener('SIGINT', interrupted),
      );
      run.err(`${await session.leave()}\n`);
      if (ended === 'ended') return 1;
    }
    return 0;
  } finally {
    connected.dispose();
  }
}

/** `nodeport-lab clean --cluster [CONTEXT] [--yes]`: deletes the namespaces carrying our label, and nothing else. */
export async function cleanCluster(run: ClusterRun): Promise<number> {
  const checked = await preflight(run.context, run.env ?? process.env);
  if (!checked.ok) return (run.err(`nodeport-lab: ${checked.message}\n`), 1);
  const c = checked.connection;
  try {
    const names = await ourNamespaces(c);
    if (names.length === 0) return (run.out(`No namespace of nodeport-lab on context "${c.context.name}".\n`), 0);
    run.err(`On context "${c.context.name}" (${c.context.server}), these namespaces carry nodeport-lab's label:\n${names.map((n) => `  ${n}`).join('\n')}\n`);
    if (!run.yes) {
      if (!run.interactive) return (run.err('nodeport-lab: without a terminal to ask you, give --yes to delete them.\n'), 2);
      run.err('Delete them and everything in them? [y/N] ');
      const answer = await nextLine(cappedLines(run.input, MAX_LINE)[Symbol.asyncIterator]());
      if (answer === undefined || !agreed(answer)) return (run.err('nodeport-lab: nothing was deleted.\n'), 1);
    }
    for (const name of names) run.out(`${await deleteOurNamespace(c, name)}\n`);
    return 0;
  } finally {
    c.dispose();
  }
}
