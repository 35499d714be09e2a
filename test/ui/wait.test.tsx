// A curl that times out keeps the learner waiting for as long as it says, counted down; any key
// stops the wait and shows curl's answer; what is typed meanwhile stays at the prompt.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { DisplayContext } from '../../src/ui/display.js';
import { emptyProgress } from '../../src/core/progress/model.js';
import { fixtureCourse } from '../helpers/fixtures.js';
import { press, waitForFrame } from '../helpers/ink.js';

/** The course at the fixture's third lesson's practice step, with every port of the firewall closed. */
async function closedFirewall(): Promise<ReturnType<typeof render>> {
  const app = render(
    <DisplayContext.Provider value={{ color: false, plain: false }}>
      <App
        course={fixtureCourse()}
        progress={emptyProgress}
        saveProgress={() => null}
        size={{ columns: 100, rows: 40 }}
        practice={{ seed: 9, files: new Map() }}
      />
    </DisplayContext.Provider>,
  );
  await waitForFrame(app, (f) => f.includes('Third lesson'));
  await press(app, 'jj\r', (f) => f.includes('Practice step'));
  await press(app, 'firewall close all\r', (f) => f.includes('$ firewall close all'));
  return app;
}

describe('feeling a time-out', () => {
  it('counts the seconds down before curl gives up, and any key skips the rest', async () => {
    const app = await closedFirewall();
    const counting = await press(app, 'curl -m 3 http://203.0.113.11:30080\r', (f) => f.includes('waiting for an answer'));
    assert.match(counting, /waiting for an answer\.\.\. 3 s \(any key stops waiting\)/);
    assert.doesNotMatch(counting, /\(28\)/, 'the answer waits for the wait');
    await waitForFrame(app, (f) => f.includes('waiting for an answer... 2 s'), 3000);
    const skipped = await press(app, 'x', (f) => f.includes('(28)'));
    assert.match(skipped, /curl: \(28\) Connection timed out after 3\d{3} milliseconds/);
    assert.doesNotMatch(skipped, /waiting for an answer/);
    assert.match(skipped, /^\$ x/m, 'the key that stopped the wait is typed, the start of the next command');
    app.unmount();
  });

  it('enter or an arrow only stops the wait: no step is left, no command runs', async () => {
    const app = await closedFirewall();
    await press(app, 'curl -m 3 http://203.0.113.11:30080\r', (f) => f.includes('waiting for an answer'));
    const stopped = await press(app, '\r', (f) => f.includes('(28)'));
    assert.match(stopped, /Practice step/);
    assert.match(stopped, /^\$ *$/m, 'an empty prompt, nothing run');
    app.unmount();
  });
});
