// The one way an Ink app ends: its own exit(), a signal, or an error; the terminal is restored
// by Ink's unmount in every case, and the exit status says which it was.
import type { Instance } from 'ink';

const SIGNAL_STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export async function untilExit(app: Instance, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let status: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    status = SIGNAL_STATUS[signal] ?? 1;
    app.unmount();
  };
  // A throw in a key handler or a timer never reaches React's boundary; it ends the app the
  // same way, instead of killing the process with the terminal still in raw mode. (The handle's
  // unmount() takes no error, so the error is kept here.)
  let thrown: unknown = null;
  const onError = (error: unknown) => {
    thrown ??= error;
    app.unmount();
  };
  // Suspended (SIGTSTP: Ctrl-Z in a shell's job control, or kill -TSTP): hand the terminal back
  // as the shell expects it, cooked and with a cursor, then stop. Continued (fg): take raw mode
  // back and draw the whole frame again, since the shell has written over the screen meanwhile.
  const onSuspend = () => {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    if (process.stdout.isTTY) process.stdout.write('\u001B[?25h');
    process.kill(process.pid, 'SIGSTOP');
  };
  const onContinue = () => {
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    if (process.stdout.isTTY) {
      process.stdout.write('\u001B[?25l\u001B[2J\u001B[H');
      // Ink forgets the lines it drew; the app's next frame (it says it is back) is drawn whole.
      app.clear();
    }
  };
  process.on('SIGTSTP', onSuspend);
  process.on('SIGCONT', onContinue);
  const signals = Object.keys(SIGNAL_STATUS) as NodeJS.Signals[];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    // A throw kept by the handlers and one React's boundary hands back end the same way.
    await app.waitUntilExit().catch((error: unknown) => {
      thrown ??= error;
    });
    if (thrown !== null) {
      process.stderr.write(crashMessage(thrown, env.NODEPORT_LAB_DEBUG === '1'));
      return 1;
    }
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('SIGTSTP', onSuspend);
    process.off('SIGCONT', onContinue);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  return status ?? 0;
}

function crashMessage(error: unknown, debug: boolean): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const where = debug && e.stack ? `${e.stack}\n` : 'Run it again with NODEPORT_LAB_DEBUG=1 to see where it happened.\n';
  return `nodeport-lab stopped because of a bug in it: ${e.message}\n${where}`;
}
