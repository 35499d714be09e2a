// `nodeport-lab sandbox` on a terminal: the Ink prompt over a fresh simulated cluster.
import { render } from 'ink';
import type { KubectlIO } from '../core/kubectl/index.js';
import type { Display } from '../ui/display.js';
import type { Fault } from '../ui/Fault.js';
import { Root } from '../ui/Root.js';
import { SandboxApp } from '../ui/sandbox/SandboxApp.js';
import { untilExit } from './until-exit.js';

export function runSandbox(seed: number, io: KubectlIO, files: readonly string[], display: Display, fault: Fault | null = null): Promise<number> {
  const app = render(
    <Root display={display} fault={fault}>
      <SandboxApp seed={seed} io={io} files={files} />
    </Root>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  return untilExit(app);
}
