// The one way an Ink app ends: its own exit(), a signal, or an error; the terminal is restored
// by Ink's unmount in every case, and the exit status says which it was.
import type { Instance } from 'ink';

const SIGNAL_STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export async function untilExit(app: Instance): Promise<number> {
  let status: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    status = SIGNAL_STATUS[signal] ?? 1;
    app.unmount();
  };
  const signals = Object.keys(SIGNAL_STATUS) as NodeJS.Signals[];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    await app.waitUntilExit();
  } catch (error) {
    process.stderr.write(`nodeport-lab: something went wrong: ${(error as Error).message}\n`);
    return 1;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
  return status ?? 0;
}
