// `nodeport-lab --cluster [CONTEXT]` on a terminal: the preflight and the consent screen in plain
// lines first (as line mode shows them), then the Ink course with its practice steps on the real
// cluster. However the course ends (q, Ctrl-C, a signal), the open lesson's namespace is deleted.
import { createInterface } from 'node:readline';
import type { KubectlIO } from '../../core/kubectl/index.js';
import type { Course } from '../../core/course/model.js';
import type { Place } from '../../core/progress/model.js';
import type { Display } from '../../ui/display.js';
import { connect, type ClusterRun, type Lines } from './index.js';
import { courseLink } from './course-link.js';
import { findLesson } from '../find-lesson.js';

/** One answer read from the terminal in cooked mode; the reader is closed after, for Ink to take the input. */
function answerLines(input: NodeJS.ReadableStream): { lines: Lines; close: () => void } {
  const reader = createInterface({ input, terminal: false });
  const lines: Lines = {
    next: () =>
      new Promise((resolve) => {
        const onLine = (text: string) => {
          reader.off('close', onClose);
          resolve({ done: false, value: { text, tooLong: false } });
        };
        const onClose = () => {
          reader.off('line', onLine);
          resolve({ done: true, value: undefined });
        };
        reader.once('line', onLine);
        reader.once('close', onClose);
      }),
  };
  return { lines, close: () => reader.close() };
}

export async function courseOnClusterInTerminal(
  run: ClusterRun,
  course: Course,
  which: string | undefined,
  files: KubectlIO,
  manifests: ReadonlyMap<string, string>,
  home: string,
  display: Display,
  /** `--seed`, when given; else the course's kept seed (see runCourse). */
  seed: number | undefined,
): Promise<number> {
  const found = which === undefined ? undefined : findLesson(course, which);
  if (found && !found.ok) return (run.err(`nodeport-lab: ${found.message}\n`), 2);
  const lesson = found?.ok ? found.lesson : undefined;
  const answer = answerLines(process.stdin);
  const connected = await connect(run, lesson ? `nodeport-lab-${lesson.id}` : 'nodeport-lab-<lesson>', answer.lines).finally(answer.close);
  if (typeof connected === 'number') return connected;
  const link = courseLink(connected, course, files, manifests, process.cwd());
  try {
    const { runCourse } = await import('../terminal.js');
    const first = lesson?.steps[0];
    const start: Place | undefined = lesson && first ? { lesson: lesson.id, step: first.id } : undefined;
    const status = await runCourse(course, home, display, seed, start, null, link);
    const said = await link.end();
    if (said) run.err(`${said}\n`);
    return status;
  } finally {
    await link.end();
    connected.dispose();
  }
}
