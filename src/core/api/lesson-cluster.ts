// The cluster `serve --lesson ID` serves: a fresh one whose clock starts at the wall clock's time,
// after the lesson's own setup commands, as the course builds it for the lesson's practice steps.

import { createCluster, type Cluster } from '../cluster/index.js';
import type { Lesson } from '../course/model.js';
import type { KubectlIO } from '../kubectl/index.js';
import { runLine, type ShellState } from '../shell/shell.js';

export function lessonCluster(lesson: Lesson, seed: number, files: KubectlIO, now: number): Cluster {
  // The setup takes a second a line of virtual time: start that much earlier, so it ends now.
  let shell: ShellState = { seed, cluster: createCluster({ seed, now: now - lesson.setup.length * 1000 }), history: [] };
  for (const line of lesson.setup) shell = runLine(shell, line, files, 1000).state;
  return shell.cluster;
}
