// The built CLI's entry, dist/cli.js: a CommonJS file, so that Node starts its ES module loader
// only when a command needs the app's ES modules. --help and --version answer here; a scripted
// sandbox (`... | nodeport-lab sandbox`) runs from the shared core, dist/script.cjs, through V8's
// code cache (commands/scripted-sandbox.ts). Both then start in little more than bare Node's time
// (bench/README.md: the shared core and V8's code cache). Anything else is the app's ES module
// entry (src/cli.tsx, built as dist/cli.mjs), which reads the arguments again and does all it ever
// did, errors included; it requires the same shared core without the code cache.
import { parseOptions, USAGE } from './commands/options.js';
import { scriptedSandbox } from './commands/scripted-sandbox.js';
import { answer, isTerminal } from './start-up-builtins.js';

declare const __VERSION__: string;
/** The app's ES module entry, beside this file. */
declare const __APP__: string;
/** The scripted sandbox's CommonJS bundle, beside this file, and a hash of its text (scripts/build.mjs). */
declare const __SCRIPT_BUNDLE__: string | undefined;
declare const __SCRIPT_BUILD__: string | undefined;

/** What this entry does itself; false leaves the command to the app. */
function launch(argv: readonly string[]): boolean {
  const parsed = parseOptions(argv, process.env);
  if (!parsed.ok) return false;
  const options = parsed.options;
  if (options.help) return ((process.exitCode = answer(USAGE)), true);
  if (options.version) return ((process.exitCode = answer(__VERSION__)), true);
  if (options.command !== 'sandbox' || options.cluster || (isTerminal(0) && isTerminal(1))) return false;
  if (typeof __SCRIPT_BUNDLE__ !== 'string' || typeof __SCRIPT_BUILD__ !== 'string') return false;
  const sandbox = scriptedSandbox(new URL(__SCRIPT_BUNDLE__, import.meta.url), __SCRIPT_BUILD__, process.env);
  if (!sandbox) return false;
  // As the app's own scripted sandbox: the status once all output has left, then out at once (a
  // read of standard input may still wait after the script's `exit`).
  sandbox.runPipedSandbox(options.seed, options.lessons).then(
    (status) => {
      sandbox.save();
      process.exit(status);
    },
    (error: unknown) => {
      process.stderr.write(`nodeport-lab: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
  return true;
}

if (!launch(process.argv.slice(2))) {
  import(new URL(__APP__, import.meta.url).href).catch((error: unknown) => {
    process.stderr.write(`nodeport-lab: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
