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

  it('kubectl exec -it POD -- sh opens a # prompt inside the container; exit returns to $', async () => {
    const app = start();
    await waitForFrame(app, (f) => f.includes('Type help'));
    await press(app, 'kubectl run web --image nginx\r', (f) => f.includes('pod/web created'));
    await press(app, 'sleep 10\r', (f) => f.includes('$ sleep 10'));
    await press(app, 'kubectl exec -it web -- sh\r', (f) => f.trimEnd().endsWith('#'));
    const inside = await press(app, 'hostname\r', (f) => f.includes('# hostname\nweb'));
    assert.match(inside.trimEnd(), /\n#$/, 'the prompt is the container root shell');
    const outside = await press(app, 'exit\r', (f) => f.includes('# exit'));
    assert.match(outside.trimEnd(), /\n\$$/, 'back on the laptop');
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

describe('the sandbox under hostile input', () => {
  it('keeps the live prompt to one row whatever is typed or pasted, and never throws', async () => {
    const app = start();
    await waitForFrame(app, (f) => f.includes('Type help'));
    // A seeded stream of nasty chunks: control characters, long lines, unicode, escapes, newlines.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a', 'k', ' ', '\t', '\u0007', '\u001B', '\u001B[A', '\u001B[D', '\u00e9', '\u4e2d', '\u{1F600}', '"', "'", '|', '\\'];
    for (let chunk = 0; chunk < 40; chunk++) {
      const length = rand(3) === 0 ? 300 : 1 + rand(20);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[rand(alphabet.length)]!;
      // Now and then the chunk ends a line, and the shell answers it.
      app.stdin.write(rand(10) === 0 ? `${text}\r` : text);
    }
    app.stdin.write('x'.repeat(20000));
    const frame = await waitForFrame(app, (f) => f.trimEnd().endsWith('x'.repeat(10)), 30000);
    const lines = frame.split('\n');
    const prompt = lines[lines.length - 1]!;
    assert.ok(prompt.startsWith('$ '), 'the prompt is the last row');
    assert.ok([...prompt].length <= 100, `one row: ${[...prompt].length} columns`);
    await press(app, '\u0015', (f) => f.trimEnd().endsWith('$'));
    await press(app, 'help\r', (f) => f.includes('the real verbs'));
    app.unmount();
  });
});
