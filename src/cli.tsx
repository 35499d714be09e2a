// argv -> one command; terminal checks; exit codes. Nothing else.
// Each command imports what it needs when it runs: --version and --help answer before anything
// heavy is loaded (the memory flags included), and print, lint and a scripted sandbox never load Ink, React or yoga (the
// bundle is split at these imports; bench/startup.mjs measures it).
import { answer, enableCompileCache, isTerminal } from './start-up-builtins.js';
import { parseOptions, USAGE } from './commands/options.js';
import type { Place } from './core/progress/model.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';

// `nodeport-lab print | head`: once the reader is gone, stop quietly, as Unix tools do. Set up only
// past --help and --version: the first use of process.stdout builds its stream (tty or net), which
// costs a tenth of Node's own start-up.
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv, process.env);
  if (!parsed.ok) {
    err(`nodeport-lab: ${parsed.message}\nRun 'nodeport-lab --help' for usage.`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) return answer(USAGE);
  if (options.version) return answer(VERSION);
  enableCompileCache();
  const interactive = isTerminal(0) && isTerminal(1);
  // A scripted sandbox writes to the descriptors itself (commands/script-stdio.ts), and ends as
  // soon as its output has left: a read of standard input may still wait after its `exit`.
  if (options.command === 'sandbox' && !interactive && !options.cluster) {
    // The built CLI's entry (src/launch.ts) runs this from dist/script.cjs through V8's code cache
    // before this module is even loaded; here it comes from the sources, or when that file is gone.
    const script = await import('./commands/script.js');
    process.exit(await script.runPipedSandbox(options.seed, options.lessons));
  }
  quietOnClosedPipe();
  if (options.cluster || options.command === 'clean' || options.command === 'cluster') {
    const { onCluster } = await import('./commands/real-cluster/entry.js');
    return onCluster(options, interactive, out, err);
  }
  const draws = interactive && options.command !== 'print' && options.command !== 'lint' && options.command !== 'reset';
  // The small-heap flags suit a terminal app that redraws, not a server answering many requests nor
  // a command without a terminal, where setting them cost a scripted sandbox a tenth of its start-up.
  if (draws && options.command !== 'serve') await import('./memory.js');
  // A terminal's commands start loading Ink while the course is read.
  const drawing = draws ? import('./commands/terminal.js') : null;
  const plain = await import('./commands/plain.js');

  switch (options.command) {
    case 'lint':
      return plain.lint(options.args[0] ?? options.lessons ?? plain.bundledLessonDir(), out, err);
    case 'sandbox': {
      // A scripted sandbox never gets here: the entry runs it (launch.ts).
      if (!drawing) throw new Error('a sandbox without a terminal runs its script above');
      const loaded = await plain.loadCourseFrom(options.lessons);
      const manifests = loaded.ok ? plain.courseManifests(loaded.course) : new Map<string, string>();
      const files = plain.sandboxFiles(manifests, process.cwd());
      const seed = options.seed ?? plain.randomSeed();
      const { runSandbox, faultFromEnv } = await drawing;
      return runSandbox(seed, files, [...manifests.keys()], { color: options.color, plain: options.plain }, faultFromEnv(process.env));
    }
    case 'reset':
      return plain.reset(plain.labHome(process.env), options.yes, interactive);
    case 'serve': {
      const { serve } = await import('./commands/serve/index.js');
      const seed = options.seed ?? plain.randomSeed();
      let cluster;
      if (options.lesson !== undefined) {
        const loaded = await plain.loadCourseFrom(options.lessons);
        if (!loaded.ok) {
          for (const problem of loaded.problems) err(plain.formatProblem(problem));
          return 1;
        }
        const found = plain.findLesson(loaded.course, options.lesson);
        if (!found.ok) return (err(`nodeport-lab: ${found.message}`), 2);
        const lesson = found.lesson;
        const { lessonCluster } = await import('./core/api/lesson-cluster.js');
        cluster = lessonCluster(lesson, seed, plain.sandboxFiles(plain.courseManifests(loaded.course), process.cwd()), Date.now());
      }
      return serve({ seed, port: options.port, home: plain.labHome(process.env), allNodes: options.allNodes, ...(cluster ? { cluster } : {}) }, out, err);
    }
    case 'print':
    case 'quiz':
    case 'course': {
      if (options.command !== 'print' && !drawing) {
        err("nodeport-lab: the course needs a terminal; try 'nodeport-lab print' to read it, or pipe commands into 'nodeport-lab sandbox'.");
        return 2;
      }
      const loaded = await plain.loadCourseFrom(options.lessons);
      if (!loaded.ok) {
        for (const problem of loaded.problems) err(plain.formatProblem(problem));
        err(`nodeport-lab: the lessons in ${options.lessons ?? plain.bundledLessonDir()} have problems; the course cannot start.`);
        return 1;
      }
      if (!drawing) {
        const columns = Math.max(40, Math.min(process.stdout.isTTY ? process.stdout.columns : 80, 100));
        return plain.print(loaded.course, options.args[0], columns, out, err, options.seed);
      }
      let start: Place | { readonly openLesson: number } | undefined;
      if (options.command === 'quiz') {
        const found = plain.findQuiz(loaded.course, options.args[0]);
        if (!found.ok) return (err(`nodeport-lab: ${found.message}`), 2);
        start = found.place;
      } else if (options.lesson !== undefined) {
        // --lesson N (a number or an id): straight into that lesson, where the lesson list would open it.
        const found = plain.findLesson(loaded.course, options.lesson);
        if (!found.ok) return (err(`nodeport-lab: ${found.message}`), 2);
        start = { openLesson: found.index };
      }
      const { runCourse, faultFromEnv } = await drawing;
      return runCourse(
        loaded.course,
        plain.labHome(process.env),
        { color: options.color, plain: options.plain },
        options.seed,
        start,
        faultFromEnv(process.env),
      );
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
