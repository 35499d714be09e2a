// argv -> one command; terminal checks; exit codes. Nothing else.
import './memory.js';
import { formatProblem } from './core/course/model.js';
import { labHome } from './core/progress/home.js';
import { runCourse } from './commands/course.js';
import { lint } from './commands/lint.js';
import { bundledLessonDir, loadCourseFrom } from './commands/load-lessons.js';
import { parseOptions, USAGE } from './commands/options.js';
import { print } from './commands/print.js';
import { findQuiz } from './commands/find-quiz.js';
import type { Place } from './core/progress/model.js';
import { reset } from './commands/reset.js';
import { randomSeed, runScript } from './commands/sandbox.js';
import { runSandbox } from './commands/sandbox-terminal.js';
import { courseManifests, sandboxFiles } from './commands/sandbox-files.js';
import { parseFault } from './ui/Fault.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv, process.env);
  if (!parsed.ok) {
    err(`nodeport-lab: ${parsed.message}\nRun 'nodeport-lab --help' for usage.`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) return out(USAGE), 0;
  if (options.version) return out(VERSION), 0;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);

  switch (options.command) {
    case 'lint':
      return lint(options.args[0] ?? options.lessons ?? bundledLessonDir(), out, err);
    case 'sandbox': {
      const loaded = loadCourseFrom(options.lessons);
      const manifests = loaded.ok ? courseManifests(loaded.course) : new Map<string, string>();
      const files = sandboxFiles(manifests, process.cwd());
      const seed = options.seed ?? randomSeed();
      if (!interactive) return runScript(seed, files, process.stdin, (t) => process.stdout.write(t), (t) => process.stderr.write(t));
      return runSandbox(seed, files, [...manifests.keys()], { color: options.color, plain: options.plain }, parseFault(process.env.NODEPORT_LAB_FAULT));
    }
    case 'reset':
      return reset(labHome(process.env), options.yes, interactive);
    case 'serve': {
      const { serve } = await import('./commands/serve/index.js');
      const seed = options.seed ?? randomSeed();
      let cluster;
      if (options.lesson !== undefined) {
        const loaded = loadCourseFrom(options.lessons);
        if (!loaded.ok) {
          for (const problem of loaded.problems) err(formatProblem(problem));
          return 1;
        }
        const lessons = loaded.course.lessons;
        const lesson = lessons.find((l, i) => l.id === options.lesson || String(i + 1) === options.lesson);
        if (!lesson) return err(`nodeport-lab: no lesson "${options.lesson}" (lessons: ${lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ')})`), 2;
        const { lessonCluster } = await import('./core/api/lesson-cluster.js');
        cluster = lessonCluster(lesson, seed, sandboxFiles(courseManifests(loaded.course), process.cwd()), Date.now());
      }
      return serve({ seed, port: options.port, home: labHome(process.env), allNodes: options.allNodes, ...(cluster ? { cluster } : {}) }, out, err);
    }
    case 'print':
    case 'quiz':
    case 'course': {
      if (options.command !== 'print' && !interactive) {
        err("nodeport-lab: the course needs a terminal; try 'nodeport-lab print' to read it, or pipe commands into 'nodeport-lab sandbox'.");
        return 2;
      }
      const loaded = loadCourseFrom(options.lessons);
      if (!loaded.ok) {
        for (const problem of loaded.problems) err(formatProblem(problem));
        err(`nodeport-lab: the lessons in ${options.lessons ?? bundledLessonDir()} have problems; the course cannot start.`);
        return 1;
      }
      if (options.command === 'print') {
        const columns = Math.max(40, Math.min(process.stdout.isTTY ? process.stdout.columns : 80, 100));
        return print(loaded.course, options.args[0], columns, out, err);
      }
      let start: Place | undefined;
      if (options.command === 'quiz') {
        const found = findQuiz(loaded.course, options.args[0]);
        if (!found.ok) return err(`nodeport-lab: ${found.message}`), 2;
        start = found.place;
      }
      return runCourse(loaded.course, labHome(process.env), { color: options.color, plain: options.plain }, options.seed ?? randomSeed(), start, parseFault(process.env.NODEPORT_LAB_FAULT));
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`nodeport-lab: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
