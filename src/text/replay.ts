// A lesson walked as a learner would walk it, for `print`: its own seeded cluster after its setup,
// then, step by step, the commands each practice step asks for, so every {{...}} and every trace
// is filled from a real cluster, the same one for the same seed.
import type { Cluster } from '../core/cluster/index.js';
import type { KubectlIO } from '../core/kubectl/index.js';
import type { DoStep, Lesson, Step } from '../core/course/model.js';
import { startPractice } from '../core/course/practice.js';
import { fillTemplates } from '../core/course/template.js';
import { runLine, type ShellState } from '../core/shell/shell.js';

/** Seconds a learner takes between two commands: long enough for a new pod to be Running. */
const THINKING_MS = 15_000;

/** The commands a practice step is met by: its first listed solution, else the `$ ` lines of its text. */
export function stepCommands(step: DoStep, shell: ShellState): string[] {
  const solutions = (step as DoStep & { readonly solutions?: readonly (readonly string[])[] }).solutions;
  const first = solutions?.[0];
  if (first && first.length > 0) return [...first];
  return step.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('$ '))
    .map((l) => fillTemplates(l.slice(2), shell.cluster));
}

/** Each step of the lesson with the shell as the learner leaves it (what its text is filled from). */
export function replayLesson(lesson: Lesson, seed: number, files: KubectlIO): { step: Step; shell: ShellState }[] {
  let shell = startPractice(lesson, seed, files).shell;
  return lesson.steps.map((step) => {
    if (step.kind === 'do') {
      for (const command of stepCommands(step, shell)) shell = runLine(shell, fillTemplates(command, shell.cluster), files, THINKING_MS).state;
    }
    return { step, shell };
  });
}

/** The last lesson walked: the one on screen (every lesson's walk, kept, was a second copy of its clusters). */
let walked: { readonly lesson: Lesson; readonly seed: number; readonly files: KubectlIO; readonly clusters: readonly Cluster[] } | null = null;

/**
 * The lesson's cluster as its text would leave it after step `step` (lesson `index` of the
 * course, seeded as the course seeds it), remembered for the lesson on screen: a screen asks on
 * every key. Another lesson is walked afresh, from the same seed, to the same clusters.
 */
export function aheadCluster(lesson: Lesson, index: number, step: number, seed: number, files: KubectlIO): Cluster | undefined {
  if (walked?.lesson !== lesson || walked.seed !== seed + index || walked.files !== files) {
    walked = { lesson, seed: seed + index, files, clusters: replayLesson(lesson, seed + index, files).map((s) => s.shell.cluster) };
  }
  return walked.clusters[step];
}
