// `nodeport-lab sandbox` on a terminal: the Ink prompt over a fresh simulated cluster.
import { render } from 'ink';
import type { KubectlIO } from '../core/kubectl/index.js';
import { DisplayContext, type Display } from '../ui/display.js';
import { SandboxApp } from '../ui/sandbox/SandboxApp.js';
import { untilExit } from './until-exit.js';

export function runSandbox(seed: number, io: KubectlIO, files: readonly string[], display: Display): Promise<number> {
  const app = render(
    <DisplayContext.Provider value={display}>
      <SandboxApp seed={seed} io={io} files={files} />
    </DisplayContext.Provider>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  return untilExit(app);
}
