import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { SandboxApp } from '../../src/ui/sandbox/SandboxApp.js';
import { DisplayContext } from '../../src/ui/display.js';
import { KEYS, press, waitForFrame } from '../helpers/ink.js';

function start() {
  let now = 0;
  const app = render(
    <DisplayContext.Provider value={{ color: false, plain: false }}>
      <SandboxApp seed={42} io={{ readFile: () => ({ error: 'not-found' }) }} files={[]} clock={() => (now += 1000)} />
    </DisplayContext.Provider>,
  );
  return app;
}

describe('the sandbox on a terminal', () => {
  it('runs a command typed at the prompt and keeps its output above the prompt', async () => {
    const app = start();
    await waitForFrame(app, (f) => f.includes('Type help'));
    await press(app, 'kubectl get nodes', (f) => f.includes('$ kubectl get nodes'));
    const frame = await press(app, KEYS.enter, (f) => f.includes('worker-2'));
    assert.match(frame, /\$ kubectl get nodes\nNAME +STATUS +ROLES/);
    assert.match(frame.trimEnd(), /\n\$$/, 'a fresh prompt at the bottom');
    app.unmount();
  });

  it('completes with Tab, recalls with up, and clears the line with Ctrl-C', async () => {
    const app = start();
    await waitForFrame(app, (f) => f.includes('Type help'));
    await press(app, 'kubectl desc\t', (f) => f.includes('$ kubectl describe'));
    await press(app, KEYS.ctrlC, (f) => f.includes('kubectl describe ^C'));
    await press(app, 'help\r', (f) => f.includes('the real verbs'));
    const recalled = await press(app, KEYS.up, (f) => /\$ help ?\s*$/.test(f.trimEnd()));
    assert.ok(recalled.trimEnd().endsWith('$ help'));
    app.unmount();
  });

  it('runs every line of a pasted block in order', async () => {
    const app = start();
    await waitForFrame(app, (f) => f.includes('Type help'));
    const frame = await press(app, 'kubectl run a --image nginx\nkubectl run b --image nginx\nkubectl get po', (f) => f.includes('pod/b created'));
    assert.ok(frame.indexOf('pod/a created') < frame.indexOf('pod/b created'));
    assert.match(frame.trimEnd(), /\$ kubectl get po.?$/, 'the last line waits on the prompt');
    app.unmount();
  });
});
