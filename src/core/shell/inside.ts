// The nested prompt of `kubectl exec -it POD -- sh`: each line runs in the container's shell;
// `exit` (or the pod going away) returns to the laptop's prompt.

import { findPod } from '../cluster/index.js';
import { runScript } from '../kubectl/container-shell.js';
import type { LineResult, ShellState } from './shell.js';

export function runInsideContainer(state: ShellState, text: string): Omit<LineResult, 'output'> {
  const inside = state.inside;
  const pod = inside ? findPod(state.cluster, inside.pod, inside.namespace) : undefined;
  const outside: ShellState = {
    seed: state.seed,
    cluster: state.cluster,
    history: state.history,
    ...(state.forgotten !== undefined ? { forgotten: state.forgotten } : {}),
  };
  if (!inside || !pod) {
    // kubectl's stream ends when the container does.
    return { state: outside, stdout: '', stderr: 'command terminated with exit code 137\n', exitCode: 137 };
  }
  const exit = /^exit(?:\s+(\d+))?$/.exec(text);
  if (exit) {
    const code = exit[1] !== undefined ? Number(exit[1]) % 256 : 0;
    // bash says `exit` as it leaves; dash (Debian's sh) says nothing.
    const said = inside.shell === 'bash' ? 'exit\n' : '';
    return { state: outside, stdout: '', stderr: said + (code !== 0 ? `command terminated with exit code ${code}\n` : ''), exitCode: code };
  }
  const r = runScript(state.cluster, pod, text, inside.shell);
  return { state: { ...state, cluster: r.cluster }, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}
