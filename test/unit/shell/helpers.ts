// A shell with a script of lines, for tests: run lines one after another, a second apart.
import type { KubectlIO } from '../../../src/core/kubectl/index.js';
import { newShell, runLine, type LineResult, type ShellState } from '../../../src/core/shell/shell.js';

export const files = (entries: Record<string, string> = {}): KubectlIO => ({
  readFile: (path) => entries[path] ?? { error: 'not-found' },
});

export function session(seed = 7, io: KubectlIO = files()) {
  let state: ShellState = newShell(seed);
  const run = (line: string, elapsed = 1000): LineResult => {
    const result = runLine(state, line, io, elapsed);
    state = result.state;
    return result;
  };
  return { run, state: () => state };
}

/** A running pod exposed on a node port; returns the port. */
export function exposedPod(run: (line: string, elapsed?: number) => LineResult, extra = ''): number {
  run('kubectl run web --image stacksimplify/kubenginx:1.0.0');
  run('sleep 10');
  run(`kubectl expose pod web --type=NodePort --port=80 --name=web ${extra}`.trim());
  const port = /80:(\d+)\/TCP/.exec(run('kubectl get svc web').stdout)?.[1];
  if (!port) throw new Error('no node port');
  return Number(port);
}
