// The way in from the command line to everything on a real cluster: which command, with the
// course's manifests and the learner's folder.
import type { Options } from '../options.js';
import { bundledLessonDir, loadCourseFrom } from '../course-source.js';
import { courseManifests, sandboxFiles } from '../sandbox-files.js';
import { formatProblem } from '../../core/course/model.js';
import { cleanCluster, courseOnCluster, sandboxOnCluster, type ClusterRun } from './index.js';
import { kindCluster } from './kind.js';

export async function onCluster(options: Options, interactive: boolean, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const run: ClusterRun = {
    context: options.cluster?.context,
    yes: options.yes,
    yesReally: options.yesReally === true,
    interactive,
    input: process.stdin,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  };
  switch (options.command) {
    case 'cluster':
      return kindCluster(
        options.args[0],
        (t) => process.stdout.write(t),
        (t) => process.stderr.write(t),
      );
    case 'clean':
      if (!options.cluster) return (err("nodeport-lab: clean needs --cluster [CONTEXT] (for your progress, it is 'nodeport-lab reset')"), 2);
      return cleanCluster(run);
    case 'sandbox':
    case 'course': {
      const loaded = await loadCourseFrom(options.lessons);
      if (!loaded.ok) {
        for (const problem of loaded.problems) err(formatProblem(problem));
        err(`nodeport-lab: the lessons in ${options.lessons ?? bundledLessonDir()} have problems.`);
        return 1;
      }
      const manifests = courseManifests(loaded.course);
      const files = sandboxFiles(manifests, process.cwd());
      if (options.command === 'sandbox') return sandboxOnCluster(run, files, manifests);
      if (interactive) {
        // On a terminal, the Ink course with its practice steps on the cluster; line mode without one.
        const { courseOnClusterInTerminal } = await import('./course-terminal.js');
        const { labHome } = await import('../plain.js');
        return courseOnClusterInTerminal(
          run,
          loaded.course,
          options.lesson ?? options.args[0],
          files,
          manifests,
          labHome(process.env),
          { color: options.color, plain: options.plain },
          options.seed,
        );
      }
      return courseOnCluster(run, loaded.course, options.lesson ?? options.args[0], files, manifests);
    }
    default:
      return (err(`nodeport-lab: ${options.command} does not take --cluster`), 2);
  }
}
