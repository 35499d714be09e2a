// The command line: which command, and the flags every command shares.
import { parseArgs } from '../start-up-builtins.js';

export const COMMANDS = ['course', 'sandbox', 'quiz', 'print', 'lint', 'reset', 'serve', 'clean', 'cluster'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Options {
  readonly command: CommandName;
  readonly args: readonly string[];
  readonly seed: number | undefined;
  readonly lessons: string | undefined;
  readonly color: boolean;
  readonly plain: boolean;
  readonly yes: boolean;
  /** serve: the API server's port on 127.0.0.1 (0: any free port). */
  readonly port: number;
  /** serve: the lesson whose cluster (after its setup) is served. */
  readonly lesson: string | undefined;
  /** serve: every node behind a loopback address of its own. */
  readonly allNodes: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** --cluster [CONTEXT]: a real cluster (the context, or the current one when none is named). */
  readonly cluster?: { readonly context: string | undefined };
  /** --yes-really: consent for a context that looks shared or cloud. */
  readonly yesReally?: boolean;
}

export type Parsed = { ok: true; options: Options } | { ok: false; message: string };

/** `--cluster` takes a context or none: `--cluster`, `--cluster kind-kind`, `--cluster=kind-kind`. */
function takeCluster(argv: readonly string[]): { rest: string[]; cluster?: { context: string | undefined } } {
  const rest: string[] = [];
  let cluster: { context: string | undefined } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--cluster=')) cluster = { context: arg.slice('--cluster='.length) || undefined };
    else if (arg === '--cluster') {
      const next = argv[i + 1];
      const isContext = next !== undefined && !next.startsWith('-') && !(rest.length === 0 && (COMMANDS as readonly string[]).includes(next));
      cluster = { context: isContext ? next : undefined };
      if (isContext) i++;
    } else rest.push(arg);
  }
  return { rest, ...(cluster ? { cluster } : {}) };
}

export function parseOptions(argvIn: readonly string[], env: NodeJS.ProcessEnv): Parsed {
  const { rest: argv, cluster } = takeCluster(argvIn);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        port: { type: 'string' },
        lesson: { type: 'string' },
        'all-nodes': { type: 'boolean' },
        lessons: { type: 'string' },
        'no-color': { type: 'boolean' },
        plain: { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        'yes-really': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] ?? 'bad arguments' };
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command = first === undefined ? 'course' : first;
  if (!(COMMANDS as readonly string[]).includes(command) || (command === 'course' && first !== undefined)) {
    return { ok: false, message: `unknown command "${first}"` };
  }
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed)) return { ok: false, message: `--seed takes a whole number, not "${values.seed}"` };
    seed = Number(values.seed);
  }
  let port = 6443;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) return { ok: false, message: `--port takes a port number, not "${values.port}"` };
    port = Number(values.port);
  }
  const dumb = env.TERM === 'dumb';
  return {
    ok: true,
    options: {
      command: command as CommandName,
      args: rest,
      seed,
      lessons: values.lessons,
      color: !values['no-color'] && !env.NO_COLOR && !dumb,
      plain: Boolean(values.plain) || dumb,
      yes: Boolean(values.yes),
      port,
      lesson: values.lesson,
      allNodes: Boolean(values['all-nodes']),
      help: Boolean(values.help),
      version: Boolean(values.version),
      ...(cluster ? { cluster } : {}),
      ...(values['yes-really'] ? { yesReally: true } : {}),
    },
  };
}

export const USAGE = `nodeport-lab: an interactive course on the Kubernetes NodePort Service

Usage:
  nodeport-lab                 take the course (needs a terminal)
  nodeport-lab sandbox         a shell over a fresh simulated cluster: kubectl, curl, ...
                               (without a terminal: one command per line from stdin)
  nodeport-lab quiz [LESSON]   straight to a quiz: the lesson's, or the review quiz
  nodeport-lab print [LESSON]  the course as plain text, with an answer key (LESSON: a number or an id)
  nodeport-lab lint [DIR]      check lesson files; prints file:line:col: message
  nodeport-lab reset           forget your progress (asks first; --yes to skip)
  nodeport-lab serve           serve a simulated cluster as a Kubernetes API on 127.0.0.1
                               for your own kubectl, and its node ports for your browser
  nodeport-lab --cluster [CONTEXT] [--lesson ID]
                               the course's practice on a real cluster, with the real kubectl
  nodeport-lab sandbox --cluster [CONTEXT]
                               free play on a real cluster, in namespace nodeport-lab-sandbox
  nodeport-lab clean --cluster [CONTEXT]
                               delete the namespaces nodeport-lab made there (asks; --yes to skip)
  nodeport-lab cluster create|delete
                               a throwaway kind cluster shaped like the lab's (needs kind and Docker)

Options:
  --lessons DIR   take the course from another lesson folder
  --plain         no box drawing, diagrams as words
  --no-color      no colour (so does the NO_COLOR variable)
  --seed N        make the simulated cluster reproducible (IPs, node ports, names)
  --port N        serve: the API's port on 127.0.0.1 (default 6443; 0 for any free port)
  --lesson ID     the course: open at this lesson (a number or an id); serve,
                  --cluster: that lesson's cluster, after its setup
  --all-nodes     serve: node ports on 127.0.0.1 and .2 (the workers) and .3 (the control
                  plane), not only on 127.0.0.1 (the first worker)
  --cluster [CONTEXT]  a real cluster: CONTEXT from your kubeconfig, else the current one
  --yes-really    agree to use a context that looks shared or cloud
  -h, --help      this help
  -v, --version   the version

Progress is kept in NODEPORT_LAB_HOME, else your config directory.`;
