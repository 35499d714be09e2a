// The link between the Ink course and a real cluster: a lesson's namespace made (ours) with its
// setup run, each practice line run through the session, the namespace deleted on leaving. One
// lesson's namespace is open at a time; once the course has ended, nothing opens again.
import type { KubectlIO } from '../../core/kubectl/index.js';
import type { Course } from '../../core/course/model.js';
import { namespaceFor } from '../../core/real-cluster/ownership.js';
import type { RealLink } from '../../ui/use-real-cluster.js';
import type { Connection } from './preflight.js';
import type { Platform } from '../../core/real-cluster/reach.js';
import { runSetup } from './index.js';
import { openSession, type Session } from './session.js';

export interface CourseLink extends RealLink {
  /** The end of the course: waits for an opening under way, then deletes the open namespace. */
  readonly end: () => Promise<string | null>;
}

export function courseLink(
  connection: Connection,
  course: Course,
  files: KubectlIO,
  manifests: ReadonlyMap<string, string>,
  cwd: string,
  platform: Platform = process.platform,
): CourseLink {
  let session: Session | null = null;
  let ended = false;
  let opening: Promise<unknown> = Promise.resolve();
  /** The last deletion, until the end of the course reports it. */
  let closing: Promise<string> | null = null;
  const context = connection.context.name;

  const close = async (): Promise<string> => {
    const open = session;
    session = null;
    if (!open) return 'no namespace of the course is open';
    closing = open.leave();
    return closing;
  };

  const openLesson = async (id: string, says: (text: string) => void): ReturnType<RealLink['open']> => {
    const lesson = course.lessons.find((l) => l.id === id);
    if (!lesson) return { ok: false, message: `no lesson "${id}"` };
    if (ended) return { ok: false, message: 'the course has ended' };
    if (session) await close();
    const namespace = namespaceFor(id);
    says(`making namespace ${namespace} on ${context}...`);
    const opened = await openSession(connection, { namespace, files, manifests, cwd });
    if (!opened.ok) return { ok: false, message: opened.message };
    session = opened.session;
    if (ended) return { ok: false, message: `${await close()} (the course has ended)` };
    const problems: string[] = [];
    await runSetup(
      opened.session,
      lesson,
      (result) =>
        problems.push(
          result.output
            .map((c) => c.text)
            .join('')
            .trim(),
        ),
      (line, index) => says(`setting up ${namespace} (${index + 1}/${lesson.setup.length}): ${line}`),
    );
    if (problems.length > 0) return { ok: false, message: `the lesson's setup did not work in ${namespace}: ${problems.join('; ')}` };
    return { ok: true, cluster: await opened.session.read() };
  };

  /** `reset`: the lesson's namespace deleted, made again, and its setup run. */
  const renew = async (open: Session): ReturnType<RealLink['run']> => {
    const lesson = course.lessons.find((l) => namespaceFor(l.id) === open.namespace);
    const problem = await open.renew();
    if (problem) return { output: `nodeport-lab: ${problem}\n`, exitCode: 1, cluster: await open.read() };
    const failed: string[] = [];
    if (lesson) await runSetup(open, lesson, (result) => failed.push(result.output.map((c) => c.text).join('')));
    return {
      output: `${failed.join('')}Namespace ${open.namespace} made again, with the lesson's setup.\n`,
      exitCode: failed.length > 0 ? 1 : 0,
      cluster: await open.read(),
    };
  };

  return {
    context,
    flavour: connection.detected.flavour,
    reach: { flavour: connection.detected.flavour, platform, server: connection.context.server, context, nodes: connection.nodes },
    open: (id, says) => {
      const done = openLesson(id, says);
      opening = done.catch(() => undefined);
      return done;
    },
    run: async (line, signal) => {
      const open = session;
      if (!open) throw new Error('no namespace of the course is open');
      if (line.trim() === 'reset') return renew(open);
      const result = await open.run(line, signal);
      const output = result.output.map((c) => c.text).join('') + (signal.aborted ? '^C\n' : '');
      return {
        output,
        exitCode: result.exitCode ?? 0,
        ...(result.answer ? { answer: result.answer } : {}),
        ...(result.request ? { request: result.request } : {}),
        cluster: await open.read(),
      };
    },
    read: async () => (session ? session.read() : null),
    close,
    end: async () => {
      ended = true;
      await opening;
      if (session) await close();
      const said = closing;
      closing = null;
      return said;
    },
  };
}
